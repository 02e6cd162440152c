from presstrace.stages import second_opinion as so

P1 = "The council approved the new budget on Tuesday after a long debate."
P2 = "Members argued for hours about the cost of repairing the old bridge."
P3 = "The mayor said the vote was a turning point for the small town."
EXTRA = "Residents who attended the meeting asked for a public report on the spending."


def test_recovers_a_dropped_paragraph_in_place() -> None:
    other = "\n".join([P1, P2, EXTRA, P3])
    assert so.merge([P1, P2, P3], other) == [P1, P2, EXTRA, P3]


def test_ignores_paragraphs_outside_the_shared_span() -> None:
    other = "\n".join([EXTRA, P1, P2, P3, "Subscribe to our newsletter for more local news today."])
    assert so.merge([P1, P2, P3], other) == [P1, P2, P3]


def test_skips_stamps_short_lines_and_rejected_lines() -> None:
    other = "\n".join([P1, "Published 11:11 PM EST Nov 19, 2019.", "Read more", EXTRA, P3])
    assert so.merge([P1, P3], other, skip=lambda line: line == EXTRA) == [P1, P3]


def test_takes_over_when_the_first_extractor_lost_most_of_the_text() -> None:
    other = "\n".join([P1, P2, EXTRA, P3, EXTRA + " Again.", P2 + " More."])
    assert so.merge([P1], other) == [P1, P2, EXTRA, P3, EXTRA + " Again.", P2 + " More."]


def test_resiliparse_text_keeps_article_paragraphs() -> None:
    html = (
        "<html><body><nav><a href='/'>Home</a></nav><article><h1>Budget passes</h1>"
        f"<p>{P1}</p><p>{P2}</p><p>{P3}</p></article></body></html>"
    )
    text = so.resiliparse_text(html)
    assert P1 in text and P3 in text


def test_no_take_over_when_the_extra_words_sit_inside_the_shared_span() -> None:
    boxes = ["Get our free newsletter every single morning"] * 10
    other = "\n".join([P1, *boxes, P3])
    assert so.merge([P1, P3], other) == [P1, P3]


def test_takes_over_when_the_first_extractor_stopped_early() -> None:
    rest = [f"{EXTRA} Part {n} of the story goes on." for n in range(4)]
    other = "\n".join([P1, P2, *rest])
    assert so.merge([P1, P2], other) == [P1, P2, *rest]


def test_adds_a_marked_up_heading_next_to_a_kept_paragraph() -> None:
    heading, menu = "What the repair cost", "Latest news"
    box = EXTRA + " Second box."
    other = "\n".join([P1, heading, P2, menu, "Sport", box, P3])
    # "Sport" is a list item too, but between two lines only resiliparse kept
    marked = {heading: "heading", "Sport": "item"}.get
    assert so.merge([P1, P2, P3], other, marked_up=marked) == [P1, heading, P2, box, P3]
    # a heading over a box only resiliparse kept heads a call to action
    cta = "\n".join([P1, P2, "Get our newsletter", box, P3])
    assert so.merge([P1, P2, P3], cta, marked_up={"Get our newsletter": "heading"}.get) == [
        P1,
        P2,
        box,
        P3,
    ]
    assert so.merge([P1, P2, P3], other) == [P1, P2, box, P3]


def test_marked_up_lines_leave_out_furniture_containers() -> None:
    from lxml import html

    tree = html.fromstring(
        "<html><body><article><h2>What the  repair cost</h2><ul><li>Steel deck</li></ul>"
        "<div class='newsletter-box'><h3>Get our newsletter</h3></div></article>"
        "<aside><li>Latest news</li></aside></body></html>"
    )
    assert so.marked_up_lines(tree) == {"What the repair cost": "heading", "Steel deck": "item"}
