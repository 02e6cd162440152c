"""English word frequencies, offline, for telling a glued pair of words from a real word.

Machine translation and careless copying glue a word onto the next one ("Ukraineboth",
"La Vozde Galicia"). A token is *glued* when the word list does not know it but it splits
into a known word plus a short function word from ``data/flags_glue_particles.txt``.
Splits into two content words are not counted: English makes closed compounds that way all
the time ("corebags", "smallcaps", "multiplanetary" on ordinary pages), translation does not.

The frequencies come from the ``wordfreq`` package (its data ships inside the wheel; nothing
is downloaded), as Zipf values: log10 of occurrences per billion words, so 3 is "once per
million words" and 6 is "the".
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from .errors import ConfigError
from .resources import Resources

# How common a head must be to count on its own ("Ukraine|both", "day|of"); a capitalised
# head inside a name may be rarer (see data/flags_glue_particles.txt).
HEAD_ZIPF = 3.0
MIN_HEAD = 3
MIN_PART = 2


@dataclass(frozen=True)
class Glue:
    """A token that splits into a word and a function word glued onto it."""

    token: str
    head: str
    tail: str


class Lexicon:
    """Zipf frequencies of English words (lower-case) and the glued-word test built on them."""

    def __init__(self, frequencies: dict[str, float], particles: dict[str, str]) -> None:
        self._freq = frequencies
        self.particles = particles  # word -> kind: plain | name | link

    def zipf(self, word: str) -> float:
        f = self._freq.get(word.lower(), 0.0)
        return math.log10(f) + 9.0 if f > 0 else 0.0

    def known(self, word: str) -> bool:
        return word.lower() in self._freq

    def glued(
        self,
        token: str,
        names: frozenset[str] = frozenset(),
        name_goes_on: bool = False,
        name_before: bool = False,
    ) -> Glue | None:
        """The best split of an unknown token into a known word and a particle, or None.

        Only plain tokens qualify: letters only, at most an initial capital (camel case such
        as "iPhone" or "ShareTweet" comes from markup, not from translation). ``names`` are
        capitalised words seen standing alone in the same text; ``name_goes_on`` and
        ``name_before`` say the next and the previous word are capitalised. The rules per
        particle kind are in ``data/flags_glue_particles.txt``.
        """
        if not token.isalpha() or len(token) < MIN_HEAD + MIN_PART:
            return None
        if any(c.isupper() for c in token[1:]) or self.known(token):
            return None
        best: tuple[float, Glue] | None = None
        for i in range(MIN_HEAD, len(token) - MIN_PART + 1):
            head, tail = token[:i], token[i:]
            kind = self.particles.get(tail.lower())
            if kind is None:
                continue
            hz = self.zipf(head)
            if not head[0].isupper():
                ok = kind != "link" and hz >= HEAD_ZIPF
            elif kind == "link":
                ok = name_goes_on and name_before and (hz > 0 or head in names)
            elif kind == "name":
                ok = hz >= HEAD_ZIPF or head in names or name_goes_on
            else:
                ok = hz >= HEAD_ZIPF
            if ok and (best is None or hz > best[0]):
                best = (hz, Glue(token, head, tail))
        return best[1] if best else None


def english_lexicon(resources: Resources) -> Lexicon:
    """The English lexicon, loaded once per ``Resources``."""
    key = "lexicon.en"
    if key not in resources.memo:
        try:
            import wordfreq
        except ImportError as e:
            raise ConfigError("the flags stage needs the 'wordfreq' package") from e
        freq = wordfreq.get_frequency_dict("en", wordlist="large")
        particles: dict[str, str] = {}
        for line in resources.data_lines("flags_glue_particles.txt"):
            word, _, kind = line.partition("|")
            kind = kind.strip() or "plain"
            if kind not in ("plain", "name", "link"):
                raise ConfigError(f"flags_glue_particles.txt: unknown kind {kind!r}")
            particles[word.strip().lower()] = kind
        resources.memo[key] = Lexicon(freq, particles)
    lexicon: Lexicon = resources.memo[key]
    return lexicon
