"""Word distances and word windows in a sentence: how far apart two mentions stand and the few
words before or after a position, read over the sentence's word spans. Every framing step asks
them, so they are counted once per sentence and read by bisection."""
from __future__ import annotations

import bisect
import functools
import re

_WORD = re.compile(r"[\w'’-]+")


def words(text: str, a: int, b: int) -> int:
    """How many words stand in text[a:b] (either order): the distance between two mentions.
    Counted over the sentence's word spans, listed once, so asking for every figure of a long
    sentence costs no more than listing them (a word cut at `a` or `b` counts as one)."""
    if a > b:
        a, b = b, a
    if a == b:
        return 0
    starts, ends = _word_spans(text)
    first = bisect.bisect_right(ends, a)  # the first word ending after a
    last = bisect.bisect_left(starts, b)  # the words starting before b
    return max(0, last - first)


@functools.lru_cache(maxsize=64)
def _word_spans(text: str) -> tuple[list[int], list[int]]:
    found = [(m.start(), m.end()) for m in _WORD.finditer(text)]
    return [s for s, _ in found], [e for _, e in found]


def linked_only(text: str, a: int, b: int, links) -> bool:
    """Whether text[a:b] holds nothing but linking words (`links`, casefolded): no punctuation
    and no other word, so what stands at either end is told of each other ("no one was killed",
    "2,000 homes were damaged")."""
    between = text[a:b]
    return not re.search(r"[,;:.()]", between) and all(w.casefold() in links for w in _WORD.findall(between))


def words_before(text: str, pos: int, n: int) -> str:
    """The stretch of text holding the last `n` words before `pos`. Read backwards in growing
    windows, so a figure late in a long sentence costs what its `n` words cost, not the whole
    sentence before it."""
    if not n:
        return ""
    span = 32 * n
    while True:
        lo = max(0, pos - span)
        starts = [m.start() for m in _WORD.finditer(text, lo, pos)]
        if lo and starts and starts[0] == lo and _WORD.match(text, lo - 1):
            starts = starts[1:]  # the window may have cut a word: count only whole ones
        if len(starts) >= n or lo == 0:
            return text[starts[-n] if len(starts) >= n else 0:pos]
        span *= 4


def words_after(text: str, pos: int, n: int) -> str:
    """The stretch of text holding the first `n` words after `pos`."""
    ends = [m.end() for m in _WORD.finditer(text, pos)][:n]
    return text[pos:ends[-1]] if ends else ""
