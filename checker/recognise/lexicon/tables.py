"""The engine every word list runs on: a table of surface forms matched as whole token sequences,
longest first, with a dictionary lookup per token (and the token streams of the sentences in hand)."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from checker.model import Mention
from checker.recognise import prefilter

# Words keep inner hyphens and apostrophes ("Kim Jong-un", "luka-luka", "People's"); any
# other non-space character is a token of its own, so "U.S." and "(Korut)" match as written.
_TOKEN = re.compile(r"\w+(?:[-'’]\w+)*|[^\w\s]")


# Sentences whose tokens are kept: the tables of one article's stages look at its sentences
# again and again, but nothing is gained across articles. 4,096 sentences held ~37 MB a worker
# (tokens, index and possessives: ~9 KB a sentence), filling as new articles came (the soak's
# rising RSS); 512 cover the articles a worker has in hand. Analysing 40 articles took the same
# CPU with 64 as with 4,096 (2.04 s and 2.03 s: a miss costs a tokenisation, microseconds).
SENTENCES_KEPT = 512


@functools.lru_cache(maxsize=SENTENCES_KEPT)
def tokens(text: str) -> tuple[tuple[int, int, str, str], ...]:
    """(start, end, token, casefolded token) for every token; cached because every table
    looks at the same sentence."""
    return tuple((m.start(), m.end(), m.group(), m.group().casefold().replace("’", "'"))
                 for m in _TOKEN.finditer(text))


@functools.lru_cache(maxsize=SENTENCES_KEPT)
def token_index(text: str) -> dict:
    """casefolded token -> the positions where it occurs."""
    index: dict = {}
    for i, t in enumerate(tokens(text)):
        index.setdefault(t[3], []).append(i)
    return index


@functools.lru_cache(maxsize=SENTENCES_KEPT)
def _columns(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The tokens as written and casefolded, each as one tuple: a form's window of tokens is then
    a slice of each (the tables' keys), not a tuple built token by token."""
    toks = tokens(text)
    return tuple(t[2] for t in toks), tuple(t[3] for t in toks)


@functools.lru_cache(maxsize=SENTENCES_KEPT)
def possessives(text: str) -> tuple:
    """(token, its noun) for every casefolded token of the text that is an English possessive."""
    return tuple((k, k[:-2]) for k in token_index(text) if k.endswith("'s"))


def _key(form: str, fold: bool) -> tuple[str, ...]:
    # not through `tokens`: thousands of forms would flush its cache of sentences
    found = _TOKEN.findall(form)
    return tuple(t.casefold().replace("’", "'") for t in found) if fold else tuple(found)


_MEMO_SIZE = SENTENCES_KEPT  # sentences remembered per table: those of the articles in hand
_MEMOS: list[dict] = []  # every built table's memo (see forget_sentences)


def forget_sentences() -> None:
    """Empty the caches of sentences (the tables' memos, the token streams): a benchmark's
    warm-up leaves the compiled rules built and no sentence remembered."""
    for memo in _MEMOS:
        memo.clear()
    for cached in (tokens, token_index, possessives, _columns):
        cached.cache_clear()


@dataclass(frozen=True)
class AliasTable:
    """Surface forms -> canonical id, matched as whole token sequences, longest first.

    A dictionary lookup per token instead of one big alternation: the tables hold thousands
    of forms and run on every sentence."""

    folded: dict  # tuple of casefolded tokens -> id
    exact: dict  # tuple of tokens as written -> id (case-sensitive forms: "AS", "UN")
    longest: int
    starts: dict  # first token (casefolded) -> longest form starting with it
    # text -> its matches: recognise and then framing ask the same table about the same sentence
    # again and again (places, actors); a bounded memo of a pure function
    memo: dict = field(default_factory=dict, compare=False, repr=False)
    # first token (casefolded) -> the lengths of the forms starting with it, longest first: the
    # only windows worth looking up (derived from the keys, so built again after pickling)
    lengths: dict = field(default=None, compare=False, repr=False)

    def __post_init__(self):
        if self.lengths is None:
            lengths: dict = {}
            for key in (*self.folded, *self.exact):
                lengths.setdefault(key[0].casefold().replace("’", "'"), set()).add(len(key))
            object.__setattr__(self, "lengths", {k: tuple(sorted(v, reverse=True)) for k, v in lengths.items()})

    @classmethod
    def build(cls, entries: list[tuple[str, str, bool]]) -> "AliasTable":
        """entries: (form, id, case_sensitive). Built once per process for the same entries
        (each language compiles the common tables again)."""
        return _build_table(cls, tuple(entries))

    @classmethod
    def _build(cls, entries: tuple) -> "AliasTable":
        folded, exact = {}, {}
        for form, ident, case_sensitive in entries:
            key = _key(form, not case_sensitive)
            if key:
                (exact if case_sensitive else folded).setdefault(key, ident)
        starts: dict = {}
        for key in (*folded, *exact):
            first = key[0].casefold().replace("’", "'")
            starts[first] = max(starts.get(first, 0), len(key))
        longest = max(starts.values(), default=0)
        table = cls(folded, exact, longest, starts)
        _MEMOS.append(table.memo)
        return table

    def __reduce__(self):  # sent to another process without its memo
        return (type(self), (self.folded, self.exact, self.longest, self.starts))

    def find(self, text: str) -> list[tuple[int, int, str, str]]:
        """(start, end, id, text) of every match, longest first, left to right."""
        if not prefilter.enabled():
            return self._find(text)
        found = self.memo.get(text)
        if found is None:
            if len(self.memo) >= _MEMO_SIZE:
                self.memo.clear()
            found = self.memo[text] = tuple(self._find(text))
        return list(found)

    def _find(self, text: str) -> list[tuple[int, int, str, str]]:
        if not self.longest:
            return []
        index = token_index(text)
        starts = self.starts
        firsts = index.keys() & starts.keys()  # a set operation: the tables are large
        owned = possessives(text)
        if owned:
            firsts |= {k for k, noun in owned if noun in starts}
        if not firsts:
            return []
        candidates = sorted(i for first in firsts for i in index[first])
        toks = tokens(text)
        written, folded = _columns(text)
        exact, folded_forms = self.exact, self.folded
        found, taken_until, count = [], 0, len(toks)
        for i in candidates:
            if i < taken_until:
                continue
            # the lengths of the forms that can start here, longest first (a window of another
            # length is in no table: looking it up finds nothing)
            for n in self._lengths_from(folded[i]):
                j = i + n
                if j > count:
                    continue
                ident = exact.get(written[i:j])
                if ident is None:
                    ident = folded_forms.get(folded[i:j])
                end = toks[j - 1][1]
                if ident is None and folded[j - 1].endswith("'s") and len(folded[j - 1]) > 2:
                    # an English possessive: "Lebanon's health ministry" names Lebanon
                    ident = self._lookup(written[i:j - 1] + (written[j - 1][:-2],),
                                         folded[i:j - 1] + (folded[j - 1][:-2],))
                    end -= 2
                if ident is not None and text[end:end + 1] == "$":
                    break  # "US$4.580", "S$10": a currency's mark, no name
                if ident is not None:
                    start = toks[i][0]
                    found.append((start, end, ident, text[start:end]))
                    taken_until = j
                    break
        return found

    def _lengths_from(self, first: str) -> tuple:
        """The lengths of the forms starting with this (casefolded) token, longest first; a
        possessive ("libya's") starts the forms of its noun too."""
        lengths = self.lengths.get(first, ())
        if first.endswith("'s"):
            more = self.lengths.get(first[:-2])
            if more:
                lengths = tuple(sorted(set(lengths) | set(more), reverse=True))
        return lengths

    def _longest_from(self, first: str) -> int:
        """The most tokens a form starting with this (casefolded) token has; a possessive
        ("libya's") starts the forms of its noun."""
        n = self.starts.get(first, 0)
        return max(n, self.starts.get(first[:-2], 0)) if first.endswith("'s") else n

    def _lookup(self, exact: tuple, folded: tuple):
        ident = self.exact.get(exact)
        return self.folded.get(folded) if ident is None else ident


@functools.lru_cache(maxsize=32)
def _build_table(cls, entries: tuple) -> AliasTable:
    return cls._build(entries)


def _mentions(kind: str, table: AliasTable, text: str) -> list[Mention]:
    return [Mention(kind, t, s, e, ident, rule=f"{kind}:{ident}") for s, e, ident, t in table.find(text)]
