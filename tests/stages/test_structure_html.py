"""HTML: what we add around trafilatura (hand-written pages)."""

from __future__ import annotations

from presstrace import Resources
from presstrace.records import Article
from presstrace.stages.page_meta import PageMeta
from presstrace.stages.structure_html import (
    choose_date,
    choose_title,
    clean_body,
    from_html,
    raw_author,
    strip_site_suffix,
    unmangle,
    url_date,
    visible_date,
)

PARAS = "".join(
    f"<p>{s}</p>"
    for s in [
        "EASTPORT (Reuters) - The harbour bridge in Eastport opened again on Monday after a "
        "repair that took two years and cost the city thirty million pounds in total.",
        "Council engineer Priya Shah said the steel deck had been replaced in full and that the "
        "bridge would from now on carry buses as well as cars and bicycles every day.",
        "Ferry operators said they expected fewer passengers once the bridge was busy again, "
        "and that some evening crossings would be cut from the timetable in the autumn.",
        "Shopkeepers on the north bank said trade had fallen by a third during the works and "
        "asked the council for help with their rents until the end of the year.",
        "Related Posts",
        "Lorem ipsum dolor sit amet, consectetur adipiscing elit.",
    ]
)

PAGE = f"""<!doctype html>
<html lang="en-GB"><head>
<title>Harbour bridge reopens after two years | The Eastport Herald</title>
<meta property="og:site_name" content="The Eastport Herald">
<meta property="og:title" content="Harbour bridge reopens after two years">
<meta property="article:published_time" content="2026-03-02T09:00:00Z">
<script type="application/ld+json">
{{"@context": "https://schema.org", "@type": "NewsArticle",
  "headline": "Harbour bridge reopens after two years",
  "datePublished": "2026-03-02T09:00:00Z",
  "author": [{{"@type": "Person", "name": "Jane Roe"}},
             {{"@type": "Person", "name": "Staff Writer"}}],
  "publisher": {{"@type": "Organization", "name": "The Eastport Herald"}}}}
</script>
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article>
<h1>Harbour bridge reopens after two years</h1>
<p class="standfirst">Traffic is expected to double by the summer, the council says.</p>
<div class="byline">By Jane Roe, Senior Reporter</div>
<figure><img src="bridge.jpg"><figcaption>Cyclists cross the bridge on Monday.
<span class="credit">JOHN DOE / EASTPORT HERALD</span></figcaption></figure>
{PARAS}
</article>
<footer>© 2026 The Eastport Herald. All rights reserved.</footer>
</body></html>"""


def test_metadata_title_authors_publisher_date_language() -> None:
    a = from_html(PAGE, Article(), Resources())
    assert a.title == "Harbour bridge reopens after two years"
    assert a.authors == ("Jane Roe",)
    assert a.publisher == "The Eastport Herald"
    assert a.published == "2026-03-02"
    assert a.language == "en"
    assert a.subtitle == "Traffic is expected to double by the summer, the council says."


def test_caption_credit_split_and_kept_out_of_body() -> None:
    a = from_html(PAGE, Article(), Resources())
    assert [(c.text, c.credit) for c in a.captions] == [
        ("Cyclists cross the bridge on Monday.", "JOHN DOE / EASTPORT HERALD")
    ]
    assert "Cyclists cross" not in a.text


def test_body_credit_and_junk() -> None:
    a = from_html(PAGE, Article(), Resources())
    assert a.text.startswith("EASTPORT (Reuters) - The harbour bridge")
    assert a.text.rstrip().endswith("until the end of the year.")
    assert a.credited_source == "Reuters"
    reasons = {r.text: r.reason for r in a.removed}
    assert reasons.get("Related Posts") == "template"
    assert reasons.get("Lorem ipsum dolor sit amet, consectetur adipiscing elit.") == "placeholder"
    assert "Lorem" not in a.text and "Related Posts" not in a.text


def test_strip_site_suffix() -> None:
    assert strip_site_suffix("Bridge reopens | Eastport Herald", None, None) == "Bridge reopens"
    assert strip_site_suffix("Bridge reopens – Eastport Herald", "Eastport Herald", None) == (
        "Bridge reopens"
    )
    assert strip_site_suffix("Bridge reopens - eastport.news", None, "https://eastport.news/a") == (
        "Bridge reopens"
    )
    assert strip_site_suffix("Why bridges fail - and how to fix them", None, None) == (
        "Why bridges fail - and how to fix them"
    )


def test_page_without_article_gives_empty_body() -> None:
    a = from_html(
        "<html><body><nav><a href='/'>Home</a></nav></body></html>", Article(), Resources()
    )
    assert a.text == ""
    assert from_html("", Article(), Resources()).text == ""


def _page(head: str, top: str) -> str:
    return f"<html lang='en'><head>{head}</head><body><article>{top}{PARAS}</article></body></html>"


def test_title_from_metadata_when_h1_is_a_label_or_wraps_it() -> None:
    og = "<meta property='og:title' content='Harbour bridge reopens after two years'>"
    res = Resources()
    label = from_html(_page(og, "<h1>News</h1>"), Article(), res)
    assert label.title == "Harbour bridge reopens after two years"
    framed = from_html(
        _page(og, "<h1>Mar 2 2026 Harbour bridge reopens after two years</h1>"), Article(), res
    )
    assert framed.title == "Harbour bridge reopens after two years"
    own = from_html(_page(og, "<h1>Eastport bridge open to buses again</h1>"), Article(), res)
    assert own.title == "Eastport bridge open to buses again"
    spaced = from_html(_page("", "<h1>Bridge<br>reopens at last</h1>"), Article(), res)
    assert spaced.title == "Bridge reopens at last"


def test_authors_from_link_bylines_labels_and_declared_handles() -> None:
    res = Resources()
    linked = from_html(
        _page("", "<h1>Bridge reopens</h1><p>By <a href='/people/jr'>Jane Roe</a></p>"),
        Article(),
        res,
    )
    assert linked.authors == ("Jane Roe",)
    profile = from_html(
        _page("", "<h1>Bridge reopens</h1><a href='/author/tom-vale'>Tom Vale</a>"), Article(), res
    )
    assert profile.authors == ("Tom Vale",)
    label = (
        "<meta name='twitter:label1' content='Written by'>"
        "<meta name='twitter:data1' content='Ann Lee'>"
    )
    assert from_html(_page(label, "<h1>Bridge reopens</h1>"), Article(), res).authors == (
        "Ann Lee",
    )
    declared = PageMeta(meta={"author": "harbour_watcher"})
    assert raw_author(declared) == ("harbour_watcher",)
    assert raw_author(PageMeta(meta={"author": "page.head.author"})) == ()


def test_marked_up_time_wins_when_no_date_is_declared(resources: Resources) -> None:
    page = (
        "<html><head><title>Bridge works</title></head><body>"
        "<nav><time datetime='2020-01-01'>Jan 1</time></nav>"
        "<article><h1>Bridge works end</h1><time datetime='2026-03-02T08:00'>2 March</time>"
        f"{PARAS}</article></body></html>"
    )
    article = from_html(page, Article(input="t"), resources)
    assert article.published == "2026-03-02"


def test_declared_date_beats_a_time_element(resources: Resources) -> None:
    page = PAGE.replace("<body>", "<body><time datetime='2019-05-05'>old</time>", 1)
    article = from_html(page, Article(input="t"), resources)
    assert article.published == "2026-03-02"


def test_date_printed_under_the_headline_when_none_is_declared(resources: Resources) -> None:
    # the canonical URL carries an older day that htmldate would take first
    head = "<link rel='canonical' href='https://example.org/2019/01/05/bridge-works'>"
    top = (
        "<h1>Bridge works end</h1><div class='meta'><span>Published</span>"
        "<span>March 4, 2021 at 10:15</span></div>"
    )
    page = _page(head, top).replace("<body>", "<body><aside>Jan 2, 2020</aside>")
    assert from_html(page, Article(input="t"), resources).published == "2021-03-04"


def test_date_under_the_headline_beats_a_time_element_further_down(
    resources: Resources,
) -> None:
    top = "<h1>Bridge works end</h1><p>Page updated: 12 November 2025</p>"
    page = _page("", top).replace("</article>", "<time datetime='2025-10-23'>Oct</time></article>")
    assert from_html(page, Article(input="t"), resources).published == "2025-11-12"


def test_printed_date_above_the_headline_in_another_language(resources: Resources) -> None:
    head = "<link rel='canonical' href='https://example.org/2019/01/05/bruecke'>"
    page = _page(head, "<p>Aktualisiert: 04.03.2021</p><h1>Die Brücke ist wieder offen</h1>")
    assert from_html(page, Article(input="t"), resources).published == "2021-03-04"


def test_declared_date_beats_a_printed_one(resources: Resources) -> None:
    head = "<meta property='article:published_time' content='2020-02-02T10:00:00Z'>"
    page = _page(head, "<h1>Bridge works end</h1><p>Updated 4 March 2021</p>")
    assert from_html(page, Article(input="t"), resources).published == "2020-02-02"


def test_second_extractor_recovers_a_dropped_paragraph_but_not_captions(
    resources: Resources,
) -> None:
    lost = (
        "Harbour pilots said the new lights on the deck made night crossings far safer "
        "than they had been for many years."
    )
    caption = "The bridge deck seen from the north bank at dawn on the first day."
    page = (
        "<html><head><title>Bridge</title></head><body><article><h1>Harbour bridge reopens</h1>"
        + PARAS.split("<p>Related")[0]
        + f"<div class='widget-box'><span>{lost}</span></div>"
        + f"<div class='photo-caption'>{caption}</div>"
        + "<p>A final paragraph about the bridge and its long history as a crossing "
        "point for the people of the town.</p></article></body></html>"
    )
    text = from_html(page, Article(input="t"), resources).text
    # trafilatura alone drops the widget paragraph; resiliparse keeps it and the caption
    assert lost in text and text.index(lost) < text.index("A final paragraph")
    assert caption not in text


def test_second_extractor_leaves_author_boxes_out(resources: Resources) -> None:
    lost = (
        "Harbour pilots said the new lights on the deck made night crossings far safer "
        "than they had been for many years."
    )
    persona = (
        "I'm Tomas, a content writer at Example Harbour Media. I specialize in creating "
        "articles that drive results and resonate with your audience."
    )
    page = (
        "<html><head><title>Bridge</title></head><body><article><h1>Harbour bridge reopens</h1>"
        + PARAS.split("<p>Related")[0]
        + f"<div class='widget-box'><span>{lost}</span></div>"
        + f"<div class='widget-box'><span>{persona}</span></div>"
        + "<p>A final paragraph about the bridge and its long history as a crossing "
        "point for the people of the town.</p></article></body></html>"
    )
    text = from_html(page, Article(input="t"), resources).text
    assert lost in text
    assert "content writer" not in text


def test_authors_after_a_label_standing_alone(resources: Resources) -> None:
    def authors(top: str) -> tuple[str, ...]:
        return from_html(_page("", f"<h1>Bridge reopens</h1>{top}"), Article(), resources).authors

    assert authors("<div><p>Written by</p><p>Ann Lee</p></div>") == ("Ann Lee",)
    assert authors("<span>By</span><span>Tom Vale</span>") == ("Tom Vale",)
    assert authors("<h3>Author</h3><p> Priya Shah</p>") == ("Priya Shah",)
    assert authors("<div><strong>Contributors:</strong> Ann Lee</div>") == ("Ann Lee",)
    # "by" inside running text is no label
    assert authors("<p>Repairs by <a href='https://x.org'>Acme Steel</a> ended.</p>") == ()


def test_credentials_after_a_name_are_not_people(resources: Resources) -> None:
    from presstrace.stages import bylines

    lex = bylines.lexicon(resources)
    assert bylines.people("Ann Lee, MD, FACP, DABOM", lex) == ["Ann Lee"]


def test_h1_spelling_the_host_is_a_logo(resources: Resources) -> None:
    head = "<title>eastport.example Harbour bridge reopens after two years</title>"
    page = _page(head, "<h1>eastport.example</h1>")
    article = from_html(page, Article(url="https://eastport.example/a/1"), resources)
    assert article.title == "Harbour bridge reopens after two years"
    blog = _page("<title>Bridge notes, part two</title>", "<h1>Eastport's Blog</h1>")
    assert (
        from_html(blog, Article(url="https://blog.eastport.example/x"), resources).title
        == "Bridge notes, part two"
    )


def test_double_encoded_headline_is_repaired() -> None:
    assert unmangle("Investor\u00e2\u0080\u0099s guide") == "Investor\u2019s guide"
    assert unmangle("Café São Paulo") == "Café São Paulo"


def test_other_declared_publication_keys(resources: Resources) -> None:
    head = (
        "<title>Bridge works</title>"
        "<meta property='og:published_time' content='2026-03-02T08:00:00Z'>"
    )
    page = (
        f"<html><head>{head}</head><body><article><h1>Bridge works end</h1>"
        f"<time datetime='2026-03-05'>5 March</time>{PARAS}</article></body></html>"
    )
    assert from_html(page, Article(input="t"), resources).published == "2026-03-02"


def test_declared_author_labels_and_template_leftovers(resources: Resources) -> None:
    label = (
        "<meta name='twitter:label1' content='Interview by'>"
        "<meta name='twitter:data1' content='Ann Lee'>"
    )
    page = _page(label, "<h1>Bridge reopens</h1>")
    assert from_html(page, Article(), resources).authors == ("Ann Lee",)
    leftover = "<meta name='author' content='page.head.author'>"
    page = _page(leftover, "<h1>Bridge reopens</h1><div class='byline'>Tom Vale</div>")
    assert from_html(page, Article(), resources).authors == ("Tom Vale",)


def test_site_name_with_a_filler_word_before_a_colon() -> None:
    url = "https://eastport.example/blog/bridge"
    title = "Eastport Blog: Harbour bridge reopens"
    assert strip_site_suffix(title, None, url) == "Harbour bridge reopens"
    assert strip_site_suffix("Bridge: what comes next", None, url) == "Bridge: what comes next"


def test_clean_body_drops_a_second_printed_copy(resources: Resources) -> None:
    paras = [p.split("</p>")[0] for p in PARAS.split("<p>")[1:5]]
    body, removed, _, _ = clean_body(paras + paras, None, PageMeta(), [], resources)
    assert body == paras
    assert [r.reason for r in removed] == ["repeated_block"] * 4


def test_clean_body_drops_a_disclosure_at_the_top_only(resources: Resources) -> None:
    paras = [p.split("</p>")[0] for p in PARAS.split("<p>")[1:5]]
    top = "Products are chosen by our editors. We may earn a commission from your purchases."
    middle = "Shops that earn a commission on tickets said sales were slow."
    lines = [top, paras[0], paras[1], middle, paras[2], paras[3], paras[0] + " More."]
    body, removed, _, _ = clean_body(lines, None, PageMeta(), [], resources)
    assert top not in body and middle in body
    assert [(r.text, r.reason) for r in removed] == [(top, "notice")]


def test_first_of_several_h1s_when_it_shares_words_with_the_metadata_title() -> None:
    pm = PageMeta(
        meta={"og:title": "Harbour bridge reopens to buses and bicycles"},
        h1=["Harbour bridge reopens after two years", "Subscribe to our weekly letter today"],
    )
    assert choose_title(pm, None, None, None) == "Harbour bridge reopens after two years"
    teaser = PageMeta(
        meta={"og:title": "Harbour bridge reopens to buses"},
        h1=["Read the council minutes online", "Ferry timetable changes in autumn"],
    )
    assert choose_title(teaser, None, None, None) == "Harbour bridge reopens to buses"


def test_headline_in_an_h2_above_a_section_h1() -> None:
    pm = PageMeta(
        meta={"og:title": "Why the bridge took two years | Eastport Blog"},
        h1=["But the steel deck was the hard part"],
        headings_above=["Why the bridge took two years"],
    )
    assert choose_title(pm, None, "Eastport Blog", None) == "Why the bridge took two years"


def test_h1_that_leads_into_something_is_not_the_headline() -> None:
    pm = PageMeta(
        meta={"og:title": "Harbour bridge reopens after two years"},
        h1=["A message from our editor, Jane Roe:"],
    )
    assert choose_title(pm, None, None, None) == "Harbour bridge reopens after two years"


def test_site_name_holding_a_separator_goes_as_a_whole() -> None:
    site = "Sound Review | SoundReview.example"
    title = "Sound Review | SoundReview.example - The five best amplifiers of the year"
    assert strip_site_suffix(title, site, None) == "The five best amplifiers of the year"
    tail = "The five best amplifiers of the year – Sound Review | SoundReview.example"
    assert strip_site_suffix(tail, site, None) == "The five best amplifiers of the year"


def test_cut_short_and_damaged_titles_are_repaired_from_the_others() -> None:
    full = "Bridge notes: how we fixed the deck (with one trick that works)"
    cut = PageMeta(ld={"headline": "Bridge notes: how we fixed the deck (with"}, html_title=full)
    assert choose_title(cut, None, None, None) == full
    damaged = PageMeta(
        meta={"og:title": "What is a bridge deck: Beginner's Guide"},
        h1=["What is a bridge deck? Beginner? Guide"],
    )
    assert choose_title(damaged, None, None, None) == "What is a bridge deck: Beginner's Guide"
    asked = PageMeta(html_title="Is the bridge open", h1=["Is the bridge open?"])
    assert choose_title(asked, None, None, None) == "Is the bridge open?"


def test_url_day_settles_a_utc_timestamp_of_the_next_day(resources: Resources) -> None:
    head = "<meta property='article:published_time' content='2025-12-19T02:41:00+00:00'>"
    page = _page(head, "<h1>Bridge works end</h1>")
    url = "https://blog.example/2025/12/18/bridge-works-end/"
    assert from_html(page, Article(url=url), resources).published == "2025-12-18"
    assert url_date("https://news.example/books/2025/dec/05/bridge") == "2025-12-05"
    assert url_date("https://news.example/2025/13/05/bridge") is None


def test_printed_date_unlike_every_declared_day_is_the_articles_own() -> None:
    pm = PageMeta(
        ld={"datePublished": "2025-12-01T05:10:15Z", "dateModified": "2025-12-01T05:10:15Z"},
        header_lines=["The information bottleneck", "Jane Roe, Tom Vale", "24 Apr 2000"],
        header_below=3,
    )
    assert choose_date(pm, "2025-12-01") == "2000-04-24"
    # an update printed under the headline does not replace the publication day
    pm.header_lines = ["The information bottleneck", "Last updated:", "24 Apr 2024"]
    assert choose_date(pm, "2025-12-01") == "2025-12-01"
    # a day next to a declared one is the same instant in another time zone
    pm.header_lines = ["The information bottleneck", "30 Nov 2025"]
    assert choose_date(pm, "2025-12-01") == "2025-12-01"


def test_day_and_month_swapped_reading_gives_way_to_the_declared_day() -> None:
    pm = PageMeta(
        ld={"datePublished": "2024-09-10T16:07:00Z"}, header_lines=["09.10.2024"], header_below=1
    )
    assert choose_date(pm, "2024-10-09") == "2024-09-10"


def test_a_sentence_mentioning_a_date_is_not_a_date_line() -> None:
    pm = PageMeta(header_lines=["Bridge works end", "The offer is valid until December 3, 2025."])
    assert visible_date(pm) is None
    pm.header_lines.append("Published December 1, 2025")
    assert visible_date(pm) == "2025-12-01"


def test_an_unplaced_h1_gives_way_to_the_declared_title() -> None:
    declared = "Harbour bridge reopens to buses and bicycles"
    banner = PageMeta(meta={"og:title": declared}, h1=["Plan your trip across the harbour"])
    assert choose_title(banner, None, None, None) == "Plan your trip across the harbour"
    banner.h1_placed = False
    assert choose_title(banner, None, None, None) == declared
    # the declared title with words added at an end is a variant of the same headline
    longer = PageMeta(meta={"og:title": declared}, h1=[f"The {declared} from May"], h1_placed=False)
    assert choose_title(longer, None, None, None) == f"The {declared} from May"
    # a later year in the visible headline: the metadata was not revised with it
    revised = PageMeta(
        meta={"og:title": "Bridge tolls explained for 2024"},
        h1=["How the bridge tolls work in 2025"],
        h1_placed=False,
    )
    assert choose_title(revised, None, None, None) == "How the bridge tolls work in 2025"


def test_a_later_printed_day_beats_a_date_declared_only_to_search_engines() -> None:
    pm = PageMeta(
        ld={"datePublished": "2024-03-06T10:00:00Z", "dateModified": "2025-11-19T09:00:00Z"},
        header_lines=["Bridge tolls explained", "Updated Nov 19, 2025"],
        header_below=2,
    )
    assert choose_date(pm, "2024-03-06") == "2025-11-19"
    # a page that gives Open Graph its publication time keeps it
    pm.meta = {"article:published_time": "2024-03-06T10:00:00Z"}
    assert choose_date(pm, "2024-03-06") == "2024-03-06"
    # an update printed with an earlier day is not a revision of this one
    pm.meta = {}
    pm.header_lines = ["Bridge tolls explained", "Updated Mar 1, 2023"]
    assert choose_date(pm, "2024-03-06") == "2024-03-06"


def test_htmldate_reading_the_modification_day_gives_way_to_the_publication_day() -> None:
    pm = PageMeta(
        meta={
            "article:published_time": "2025-10-15T08:00:00Z",
            "article:modified_time": "2025-10-31T08:00:00Z",
        },
    )
    assert choose_date(pm, "2025-10-31") == "2025-10-15"
    # unless the page prints that day
    pm.header_lines, pm.header_below = ["Bridge tolls explained", "Oct 31, 2025"], 2
    assert choose_date(pm, "2025-10-31") == "2025-10-31"


def test_htmldate_guess_gives_way_to_the_declared_day_the_page_prints() -> None:
    pm = PageMeta(
        meta={"article:published_time": "2024-10-08T08:00:00Z"},
        header_lines=["Bridge tolls explained", "October 8, 2024"],
        header_below=2,
    )
    assert choose_date(pm, "2016-07-01") == "2024-10-08"
    # a page that does not print its declared day keeps htmldate's reading
    pm.header_lines = ["Bridge tolls explained"]
    assert choose_date(pm, "2016-07-01") == "2016-07-01"


def test_named_furniture_and_signup_boxes_leave_the_body(resources: Resources) -> None:
    bio = (
        "Jane Roe has covered transport in Eastport for the Herald since the old ferry "
        "terminal closed, and she lives on the north bank."
    )
    consent = "By signing up, you agree to receive our emails. Unsubscribe at any time."
    page = (
        "<html><head><title>Bridge</title></head><body><article><h1>Harbour bridge reopens</h1>"
        + PARAS.split("<p>Related")[0]
        + f"<p>{consent}</p>"
        + f"<div class='author-bio'><p>{bio}</p></div></article></body></html>"
    )
    article = from_html(page, Article(input="t"), resources)
    assert "north bank" in article.text and "Shopkeepers" in article.text
    assert bio not in article.text and consent not in article.text
    reasons = {r.text: r.reason for r in article.removed}
    assert reasons[consent] == "signup"


def test_clean_body_drops_a_site_disclaimer_at_the_end_only(resources: Resources) -> None:
    paras = [p.split("</p>")[0] for p in PARAS.split("<p>")[1:5]]
    quoted = "The mayor said the leaflet was for informational purposes only."
    tail = "This article is for informational purposes only and is not legal advice."
    lines = [paras[0], paras[1], paras[2], quoted, paras[3], paras[0] + " More.", tail]
    body, removed, _, _ = clean_body(lines, None, PageMeta(), [], resources)
    assert quoted in body and tail not in body
    assert [(r.text, r.reason) for r in removed] == [(tail, "notice")]
