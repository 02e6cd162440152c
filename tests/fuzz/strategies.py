"""Hypothesis strategies for hostile page content."""

from __future__ import annotations

from hypothesis import strategies as st

# Characters that break naive code: RTL marks, zero-width joiners, combining marks, quotes.
TRICKY = [
    "\u200f",
    "\u200e",
    "\u202e",
    "\u200d",
    "\u200b",
    "\ufeff",
    "\u0301",
    "\u0308",
    "“",
    "”",
    "„",
    "‘",
    "’",
    "«",
    "»",
    '"',
    "'",
    "—",
    "–",
    ":",
    "\n",
    "\n\n",
    "\r\n",
    "\x00",
    "\t",
    "\u2028",
    "\ud800",
    "😀",
    "𝔘",
    "ا",
    "中",
    " said ",
    " told ",
    "Source: ",
    "By ",
    "Lorem ipsum ",
    "Related Posts\n",
    " 70 ",
    " more than ",
    "%",
]

any_text = st.text(alphabet=st.characters(codec=None, exclude_categories=()), max_size=400)
tricky_text = st.lists(st.one_of(st.sampled_from(TRICKY), st.text(max_size=12)), max_size=60).map(
    "".join
)
page_text = st.one_of(any_text, tricky_text)

html_fragments = st.sampled_from(
    [
        "<p>",
        "</p>",
        "<div>",
        "</div>",
        "<script>",
        "</script>",
        "<!--",
        "-->",
        "<h1>",
        "</h1>",
        "<figure><figcaption>",
        "</figcaption></figure>",
        "<meta charset='latin-1'>",
        "<br>",
        "&amp;",
        "&#0;",
        "&#x110000;",
        "<![CDATA[",
        "]]>",
        "<title>",
        "</title>",
    ]
)
html_text = st.lists(st.one_of(html_fragments, tricky_text), max_size=40).map("".join)
