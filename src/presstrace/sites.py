"""Per-site profiles: how often a site's articles carry each flag, copy others, reuse bylines.

A single flagged page says little; a site where most pages carry a persona bio, or one
byline signs hundreds of articles across several domains, is what a researcher looks for.
The numbers come from ``Store.site_profiles`` (SQL views of migration 3); this module only
shapes and prints them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

# A byline signing at least this many of a site's articles is listed as reused.
REUSED_BYLINE = 5
TOP_BYLINES = 10


@dataclass(frozen=True)
class FlagShare:
    code: str
    flagged: int
    flagged_warning: int
    share: float
    share_warning: float

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "articles": self.flagged,
            "articles_warning": self.flagged_warning,
            "share": round(self.share, 4),
            "share_warning": round(self.share_warning, 4),
        }


@dataclass(frozen=True)
class Byline:
    name: str
    articles: int
    sites: int

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "articles": self.articles, "sites": self.sites}


@dataclass(frozen=True)
class SiteProfile:
    site: str
    articles: int
    flags: tuple[FlagShare, ...]
    copied: int | None
    bylines: tuple[Byline, ...]

    @property
    def copied_share(self) -> float | None:
        return None if self.copied is None else self.copied / self.articles

    @property
    def reused_bylines(self) -> tuple[Byline, ...]:
        """Bylines on many of this site's articles, or seen on other sites too."""
        return tuple(b for b in self.bylines if b.articles >= REUSED_BYLINE or b.sites > 1)

    @classmethod
    def build(
        cls,
        site: str,
        articles: int,
        flags: Mapping[str, tuple[int, int]],
        copied: int | None,
        bylines: Iterable[tuple[str, int]],
        byline_sites: Mapping[str, int],
    ) -> SiteProfile:
        shares = tuple(
            FlagShare(code, n, nw, n / articles, nw / articles)
            for code, (n, nw) in sorted(flags.items(), key=lambda kv: (-kv[1][0], kv[0]))
        )
        people = tuple(Byline(name, n, byline_sites.get(name, 1)) for name, n in bylines)
        return cls(site, articles, shares, copied, people)

    def to_dict(self) -> dict[str, Any]:
        share = self.copied_share
        return {
            "site": self.site,
            "articles": self.articles,
            "flags": [f.to_dict() for f in self.flags],
            "copied": self.copied,
            "copied_share": None if share is None else round(share, 4),
            "bylines": [b.to_dict() for b in self.bylines[:TOP_BYLINES]],
            "reused_bylines": [b.to_dict() for b in self.reused_bylines],
        }


def render_profiles(profiles: Sequence[SiteProfile], console: Console) -> None:
    """One table row per site: flag shares, copied share and the most frequent bylines."""
    table = Table("site", "articles", "flags (share of articles)", "copied", "bylines")
    for p in profiles:
        flags = Text()
        for f in p.flags:
            style = "bold red" if f.share_warning >= 0.5 else ("yellow" if f.share_warning else "")
            flags.append(f"{f.code} {f.share:.0%}\n", style=style)
        share = p.copied_share
        bylines = "\n".join(f"{b.name} ×{b.articles}" for b in p.bylines[:3])
        table.add_row(
            Text(p.site),
            str(p.articles),
            flags,
            "–" if share is None else f"{share:.0%}",
            Text(bylines),
        )
    console.print(table)
