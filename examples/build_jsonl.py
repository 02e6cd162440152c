#!/usr/bin/env python3
"""Regenerate examples/pairs.jsonl and examples/feed.jsonl.

FICTION: every text in this script and in examples/pages/ was written by the
presstrace team as example data. No real events, people or outlets.

pairs.jsonl is built from the body paragraphs of the pages in examples/pages/.
feed.jsonl holds extra fictional articles defined below.

Run:  python3 examples/build_jsonl.py
"""
import html
import json
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
PAGES = HERE / "pages"

BANNER_COMMENT = ("<!-- FICTION: written by the presstrace team as example data. "
                  "No real events, people or outlets. -->")
BANNER_DIV = '<div class="site-notice">Fictional example page written by the presstrace team.</div>'
BANNER_TXT = "Fictional example page written by the presstrace team."

# file -> (marker where the article body starts, marker where it ends)
BODY_MARKERS = {
    "northern-ledger_valdora-dam-day1.html": ('class="article-body"', 'class="share-tools"'),
    "northern-ledger_valdora-dam-day3-followup.html": ('class="article-body"', 'class="share-tools"'),
    "trendpulse24_spun-copy.html": ('class="entry-content"', 'class="sharedaddy'),
    "iberia-daily-post_cpa-wire.html": ('class="story__body"', 'class="share"'),
    "global-briefing_cpa-wire.html": ('class="story__content"', 'class="story__share"'),
    "correo-del-valle_valdora-es.html": ('class="cuerpo"', 'class="compartir"'),
    "worldnewsdigest_mt-translation.html": ('class="content-inner"', 'class="jeg_share_button"'),
    "continental-observer_official-toll-12.html": ('class="co-body"', 'class="co-share"'),
    "atlantic-courier_ngo-toll-20.html": ('class="ac-story__body"', 'class="ac-share"'),
    "eurowatch-business_norvatica-shares.html": ('class="ewb-body"', 'class="ewb-share"'),
    "brackenford-gazette_mayoral-election-result.html": ('class="bg-body"', 'class="bg-share"'),
    "coastline-times_election-harbour-analysis.html": ('class="ct-body"', 'class="ct-share"'),
}


def html_body(name):
    src = (PAGES / name).read_text(encoding="utf-8")
    start, end = BODY_MARKERS[name]
    chunk = src[src.index(start):src.index(end)]
    paras = [html.unescape(re.sub(r"<[^>]+>", "", p)).strip()
             for p in re.findall(r"<p>(.*?)</p>", chunk, re.S)]
    # drop bare attribution lines such as "Source: ..." so pairs are body text only
    return "\n\n".join(p for p in paras if p and not p.startswith("Source:"))


def txt_body(name, first, last):
    """Paragraphs from the line starting with `first` up to (excluding) `last`,
    minus short title-case subheadings."""
    lines = (PAGES / name).read_text(encoding="utf-8").split("\n\n")
    out, on = [], False
    for block in lines:
        block = block.strip()
        if block.startswith(first):
            on = True
        if block.startswith(last):
            break
        if on and len(block.split()) > 6:
            out.append(block)
    return "\n\n".join(out)


def build_pairs():
    nl1 = html_body("northern-ledger_valdora-dam-day1.html")
    nl3 = html_body("northern-ledger_valdora-dam-day3-followup.html")
    spun = html_body("trendpulse24_spun-copy.html")
    idp = html_body("iberia-daily-post_cpa-wire.html")
    gbn = html_body("global-briefing_cpa-wire.html")
    cpa = txt_body("cpa-wire_valdora-dam.txt", "VALDORA, Spain (CPA)", "-- CPA --")
    es = html_body("correo-del-valle_valdora-es.html")
    mt = html_body("worldnewsdigest_mt-translation.html")
    co = html_body("continental-observer_official-toll-12.html")
    ac = html_body("atlantic-courier_ngo-toll-20.html")
    dtw = txt_body("dailytrendwire_farm-copy.txt", "The number of people", "Source:")
    ewb = html_body("eurowatch-business_norvatica-shares.html")
    bg = html_body("brackenford-gazette_mayoral-election-result.html")
    ct = html_body("coastline-times_election-harbour-analysis.html")
    return [
        {"id": "syndicated-cpa-idp-gbn", "expected": "syndicated",
         "note": "Same CPA wire on Iberia Daily Post and Global Briefing Network; only the dateline differs.",
         "a": idp, "b": gbn},
        {"id": "syndicated-cpa-wire-idp", "expected": "syndicated",
         "note": "Raw CPA wire text vs. the Iberia Daily Post republication.",
         "a": cpa, "b": idp},
        {"id": "rewritten-spun-trendpulse24", "expected": "rewritten",
         "note": "Northern Ledger day-1 story vs. synonym-spun copy on TrendPulse24 (no credit).",
         "a": nl1, "b": spun},
        {"id": "rewritten-dailytrendwire", "expected": "rewritten",
         "note": "Continental Observer story vs. lightly reworded content-farm copy (credited 'Source: The Continental Observer').",
         "a": co, "b": dtw},
        {"id": "translated-es-en", "expected": "translated",
         "note": "Spanish original (El Correo del Valle) vs. machine-translated English copy on World News Digest.",
         "a": es, "b": mt},
        {"id": "same-story-conflicting-tolls", "expected": "same_story",
         "note": "Official 'at least 12' dead (Continental Observer) vs. NGO 'more than 20' (Atlantic Courier); independent reporting.",
         "a": co, "b": ac},
        {"id": "same-story-day1-day3", "expected": "same_story",
         "note": "Northern Ledger day 1 vs. its own day-3 follow-up (toll 7 -> 15).",
         "a": nl1, "b": nl3},
        {"id": "same-story-election", "expected": "same_story",
         "note": "Brackenford election result vs. Coastline Times analysis of the same result.",
         "a": bg, "b": ct},
        {"id": "unrelated-dam-vs-election", "expected": "unrelated",
         "note": "Valdora dam collapse vs. Brackenford mayoral election.",
         "a": nl1, "b": bg},
        {"id": "unrelated-markets-vs-harbour", "expected": "unrelated",
         "note": "Norvática share slide vs. Brackenford harbour plan; both mention money, different stories.",
         "a": ewb, "b": ct},
    ]


def page(lang, title, site, author, published, canonical, h1, standfirst, byline,
         time_text, img, caption, credit, paras, related, nav, footer):
    p = "\n".join(f"<p>{x}</p>" for x in paras)
    rel = "".join(f'<li><a href="{u}">{t}</a></li>' for u, t in related)
    navl = " ".join(f'<a href="{u}">{t}</a>' for u, t in nav)
    return f"""{BANNER_COMMENT}
<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<title>{title}</title>
<meta property="og:title" content="{h1}">
<meta property="og:site_name" content="{site}">
<meta name="author" content="{author}">
<meta property="article:published_time" content="{published}">
<link rel="canonical" href="{canonical}">
</head>
<body>
{BANNER_DIV}
<header><a class="logo" href="/">{site}</a><nav>{navl}</nav></header>
<main>
<article>
<h1>{h1}</h1>
<p class="standfirst">{standfirst}</p>
<p class="byline">{byline}</p>
<time datetime="{published}">{time_text}</time>
<figure><img src="{img}" alt=""><figcaption>{caption} <span class="credit">{credit}</span></figcaption></figure>
<div class="article-body">
{p}
</div>
<div class="share"><a href="#">Facebook</a> <a href="#">X</a> <a href="#">Email</a></div>
</article>
<aside class="related"><h2>Related articles</h2><ul>{rel}</ul></aside>
<form class="newsletter" action="/newsletter" method="post"><label>Daily newsletter</label><input type="email" name="email"><button>Sign up</button></form>
</main>
<footer><p>{footer}</p></footer>
<script src="/static/site.js" defer></script>
</body>
</html>
"""


def build_feed():
    dispatch = page(
        "en-GB",
        "Valdora flood: why did the sirens stay silent? | The Morning Dispatch",
        "The Morning Dispatch", "Owen Pritchard", "2026-03-11T06:00:00Z",
        "https://www.morningdispatch.example/world/valdora-flood-sirens-silent",
        "Valdora flood: why did the sirens stay silent?",
        "A €1.3m warning system installed in 2021 never sounded, residents say",
        "By Owen Pritchard, Europe Correspondent", "11 March 2026",
        "https://img.morningdispatch.example/2026/03/valdora-siren-mast.jpg",
        "A siren mast above the Ríoseco river in Valdora.", "PHOTO: MIGUEL ARANDA / CPA",
        [
            "Residents of Valdora say the flood sirens installed along the Ríoseco river five years ago did not sound on Tuesday morning, when the Peñaclara dam gave way and sent a surge of water through the town.",
            "The system of 14 sirens cost €1.3 million and was paid for jointly by the regional government and Norvática Energía, the company that operates the dam, according to council records.",
            "“I have lived under that siren for five years,” said Pilar Ordóñez, a 58-year-old pharmacist whose shop was flooded to the ceiling. “It is tested every first Monday of the month. On Tuesday it said nothing.”",
            "Norvática said a power failure at 4.31am, nine minutes before the collapse, had knocked out the control unit. The company’s spokesman, Tomás Bellido, said backup batteries “should have taken over” and that engineers were trying to find out why they had not.",
            "The regional emergency director, Marta Quiroga, said the sirens were the operator’s responsibility under the dam’s safety plan. She said that text alerts had been sent to phones in the valley at 5.12am, more than half an hour after the wall failed.",
            "The mayor, Elena García Roldán, said she had asked for the siren logs to be preserved for the investigating judge.",
        ],
        [("/world/valdora-dam-collapse-latest", "Valdora dam collapse: latest"),
         ("/world/europe-flood-warning-systems", "How Europe warns people about floods")],
        [("/news", "News"), ("/world", "World"), ("/business", "Business"), ("/opinion", "Opinion")],
        "© 2026 The Morning Dispatch Ltd. All rights reserved.",
    )
    herald = page(
        "en",
        "Inside the Valdora sports hall where 400 evacuees wait for news | The Valley Herald",
        "The Valley Herald", "Grace Oyelaran", "2026-03-11T20:40:00Z",
        "https://valleyherald.example/stories/2026/03/11/valdora-sports-hall-evacuees",
        "Inside the Valdora sports hall where 400 evacuees wait for news",
        "Camp beds, donated coats and a list of names taped to the wall",
        "By Grace Oyelaran, Features Writer", "Wednesday 11 March 2026",
        "https://valleyherald.example/media/valdora-shelter.jpg",
        "Evacuees rest on camp beds in Valdora’s municipal sports hall.", "PHOTO: JON ETXEBERRIA / VALLEY HERALD",
        [
            "About 400 people spent a second night on camp beds in Valdora’s municipal sports hall on Wednesday, one of three shelters opened after the Peñaclara dam collapsed.",
            "Volunteers from Socorro Norte and the local parish handed out soup, blankets and phone chargers. A sheet of paper taped to the wall listed the names of people still being looked for; by evening, several had been crossed out.",
            "“We came with the clothes we were sleeping in,” said Rosa Elizalde, a retired teacher who was rescued from her attic by firefighters. She said she had not yet been allowed back to see what was left of her house.",
            "The shelter’s coordinator, Father Anselmo Reig, said donations had arrived from tens of towns across the region. “We have more coats than people,” he said. “What we need now is news.”",
            "According to the regional government, 610 people are sleeping in municipal shelters and the rest of the roughly 2,300 evacuees are staying with relatives.",
        ],
        [("/stories/2026/03/10/valdora-dam", "Dam gives way above Valdora"),
         ("/stories/2026/03/11/how-to-help", "How to help Valdora flood victims")],
        [("/", "Home"), ("/stories", "Stories"), ("/photos", "Photos"), ("/about", "About")],
        "© 2026 The Valley Herald. All rights reserved.",
    )
    gazette = page(
        "en-GB",
        "Rahman sworn in as Brackenford mayor, names harbour review panel | Brackenford Gazette",
        "Brackenford Gazette", "Tom Ashdown", "2026-03-09T14:05:00Z",
        "https://www.brackenfordgazette.example/news/politics/rahman-sworn-in-4473310",
        "Rahman sworn in as Brackenford mayor, names harbour review panel",
        "New mayor promises a decision on the £48m scheme by September",
        "By Tom Ashdown, Political Reporter", "Monday, 9 March 2026",
        "https://www.brackenfordgazette.example/images/2026/03/rahman-sworn-in.jpg",
        "Aisha Rahman signs the declaration of office at the town hall.", "PHOTO: GRAHAM LOCKE / BRACKENFORD GAZETTE",
        [
            "Aisha Rahman was sworn in as mayor of Brackenford on Monday and immediately named a five-member panel to review the town’s £48 million harbour redevelopment.",
            "“I said I would read the small print,” she told councillors, “and this panel is how we read it.” The review will report by September, she said.",
            "The panel will be chaired by Professor Hugh Tennant, a former county surveyor. It includes the chair of the Chamber of Commerce, Colin Webber, and two residents chosen by lot.",
            "Gareth Pryce, who finished second in Thursday’s election with 29.1 per cent of the vote, said the panel was “a delay dressed up as a consultation”.",
        ],
        [("/news/politics/aisha-rahman-wins-brackenford-mayoral-race-4471902", "Rahman wins mayoral race with 38.4%")],
        [("/news", "News"), ("/news/politics", "Politics"), ("/whats-on", "What’s On")],
        "© 2026 Brackenford Gazette Ltd. All rights reserved.",
    )
    radio_text = "\n\n".join([
        BANNER_TXT,
        "Radio Norte International, English bulletin, Thursday 12 March 2026, 18:00",
        "Rescue teams in Spain’s Ríoseco valley have found two people alive in a farmhouse that had been cut off since the Peñaclara dam collapsed on Tuesday. The regional government now puts the death toll at 15, with four people still missing.",
        "The regional emergency director, Marta Quiroga, told Radio Norte that the survivors, a couple in their seventies, were “cold and frightened but in good health”. She said they had lived for two days on bread, cheese and rainwater.",
        "A judge has opened an investigation into the collapse. The operator, Norvática Energía, says it is cooperating. The volunteer group Socorro Norte still says more than 20 people died.",
        "In Valdora, between 150 and 200 soldiers spent the day clearing mud from the San Roque district. The mayor, Elena García Roldán, said dozens of homes would have to be demolished.",
    ])
    return [
        {"url": "https://www.morningdispatch.example/world/valdora-flood-sirens-silent", "html": dispatch},
        {"url": "https://valleyherald.example/stories/2026/03/11/valdora-sports-hall-evacuees", "html": herald},
        {"url": "https://www.brackenfordgazette.example/news/politics/rahman-sworn-in-4473310", "html": gazette},
        {"url": "https://radionorte.example/en/bulletins/2026-03-12-1800", "text": radio_text},
    ]


def write_jsonl(path, rows):
    with open(path, "w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    write_jsonl(HERE / "pairs.jsonl", build_pairs())
    write_jsonl(HERE / "feed.jsonl", build_feed())
    print("wrote pairs.jsonl and feed.jsonl")
