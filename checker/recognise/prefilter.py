"""Prefilters: which of many regular expressions can match a text, found in one pass.

A rule book's patterns are many (the dates engine has some seventy per language) and most
match nothing in a given sentence, yet `finditer` has to try each at every position. Each
compiled pattern is read once (its parse tree) for the literals a match cannot do without: a
set of strings of which every match contains at least one (the month names of a pattern built
around `{month}`), or a digit. One Aho-Corasick automaton (pyahocorasick) finds all of those
strings of all patterns in the lowercased text in one pass; a pattern none of whose literals is
there is not run. The gate only ever says "cannot match": a pattern that passes runs as before,
so the mentions found are the same (tests/test_prefilter.py compares both paths on the rule
corpora and the seeds).

Soundness rests on two facts of Python's `re`: a literal matched with IGNORECASE matches only
characters whose lowercase is the literal's lowercase, except for the few characters `re`
treats as equivalent beyond case (dotless i, long s, Greek variants: `_UNSURE`); a text holding
one of those, or whose lowercase changes its length, runs every pattern.
"""
from __future__ import annotations

import contextlib
import functools
import operator
import re
from dataclasses import dataclass

import ahocorasick

try:  # the parse tree of a pattern; the module's name changed in Python 3.11
    from re import _constants as _c
    from re import _parser as _sre_parse
except ImportError:  # pragma: no cover - older Pythons
    import sre_constants as _c
    import sre_parse as _sre_parse

_ENABLED = [True]  # off only in the test comparing both paths (`disabled`)
DIGIT = "#digit"  # the gate's key for "any decimal digit"
_DIGIT_RE = re.compile(r"\d")
# characters `re` matches case-insensitively to a letter whose lowercase differs from theirs
# (sre's equivalence table: i/ı, s/ſ, µ/μ, Greek letter variants) and capital sigma, whose
# lowercase depends on its place in the word
_UNSURE = re.compile("[\u0130\u0131\u017f\u00b5\u0345\u0390\u03a3\u03b0\u03c2\u03d0\u03d1"
                     "\u03d5\u03d6\u03f0\u03f1\u03f5\u1e9b\u1fbe\u1fd3\u1fe3\ufb05\ufb06]")


def _digits_only(items) -> bool:
    """An IN class every character of which is a decimal digit ("[12]", "[0-9]", "\\d")."""
    for op, av in items:
        if op is _c.LITERAL:
            if not chr(av).isdecimal():
                return False
        elif op is _c.RANGE:
            lo, hi = av
            if not all(chr(c).isdecimal() for c in range(lo, hi + 1)):
                return False
        elif op is _c.CATEGORY:
            if av is not _c.CATEGORY_DIGIT:
                return False
        else:  # NEGATE and anything else
            return False
    return True


def _weight(key: str) -> float:
    """How rare a key is in news text: a digit (in most sentences) or punctuation and spaces
    count less than letters."""
    if key == DIGIT:
        return 0.5
    return len(key) if any(c.isalpha() for c in key) else len(key) / 4


def _score(keys: frozenset) -> tuple:
    """How selective a gate is: its commonest key, then fewer keys."""
    return (min(_weight(k) for k in keys), -len(keys))


def _needs(tree) -> list[frozenset]:
    """Sets of keys every match of the sequence `tree` holds one of (each set on its own: a
    match holds a key of every one of them)."""
    needs: list[frozenset] = []
    run: list[str] = []

    def flush() -> None:
        if run:
            needs.append(frozenset({"".join(run)}))
            run.clear()

    for op, av in tree:
        if op is _c.LITERAL:
            low = chr(av).lower()
            if len(low) == 1:
                run.append(low)
                continue
            flush()
            continue
        flush()
        if op is _c.SUBPATTERN:
            needs += _needs(av[-1])
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)):
            low, _high, body = av
            if low >= 1:
                needs += _needs(body)
        elif op is getattr(_c, "ATOMIC_GROUP", None):
            needs += _needs(av)
        elif op is _c.BRANCH:
            union: set | None = set()
            for branch in av[1]:
                keys = _best(_needs(branch))
                if keys is None:
                    union = None
                    break
                union |= keys
            if union:
                needs.append(frozenset(union))
        elif op is _c.IN:
            if _digits_only(av):
                needs.append(frozenset({DIGIT}))
        elif op is _c.CATEGORY:
            if av is _c.CATEGORY_DIGIT:
                needs.append(frozenset({DIGIT}))
        # assertions, anchors, classes of letters, any character, back references: no key
    flush()
    return needs


def _best(needs: list[frozenset]) -> frozenset | None:
    """The most selective of the sets (the first of equals)."""
    best = None
    for keys in needs:
        if best is None or _score(keys) > _score(best):
            best = keys
    return best


def _parse(source: str, flags: int):
    if flags & re.VERBOSE:
        return None
    try:
        return _sre_parse.parse(source, flags)
    except Exception:  # noqa: BLE001 - an unreadable tree only costs the gate
        return None


def literal_gate(pattern: re.Pattern) -> frozenset | None:
    """The keys (lowercase strings, or DIGIT) of which every match of `pattern` holds one; None
    when no such set is known."""
    tree = _parse(pattern.pattern, pattern.flags)
    return None if tree is None else _best(_needs(tree))


GATE_SETS = 3  # the most selective sets a gate checks


def literal_gates(pattern: re.Pattern) -> tuple | None:
    """A pattern's gate: the few most selective sets of keys a match holds one of each; None
    when none is known (the pattern is always run)."""
    return _gates_of(pattern.pattern, pattern.flags)


@functools.lru_cache(maxsize=None)
def _gates_of(source: str, flags: int) -> tuple | None:
    """Read once per process for each pattern (reading the tree costs as much as compiling)."""
    tree = _parse(source, flags)
    if tree is None:
        return None
    ranked = sorted((keys for keys in dict.fromkeys(_needs(tree)) if not any(_common(k) for k in keys)),
                    key=_score, reverse=True)
    return tuple(ranked[:GATE_SETS]) or None


def _common(key: str) -> bool:
    """A key in nearly every sentence (spaces, a full stop, a comma): it tells nothing, and its
    every occurrence would be reported by the automaton."""
    return key != DIGIT and not key.strip(" .,")


_second = operator.itemgetter(1)  # an automaton hit's key


@dataclass(frozen=True)
class KeyFinder:
    """The automaton of every string key of some gates: which of them a text holds."""

    automaton: object | None

    @classmethod
    def build(cls, gates) -> "KeyFinder":
        strings = sorted({k for g in gates if g for keys in g for k in keys if k != DIGIT})
        if not strings:
            return cls(None)
        automaton = ahocorasick.Automaton()
        for s in strings:
            automaton.add_word(s, s)
        automaton.make_automaton()
        return cls(automaton)

    def present(self, text: str) -> frozenset | None:
        """The keys found in `text`; None when the text must run every pattern."""
        if not _ENABLED[0]:
            return None
        low = text.lower()
        if len(low) != len(text) or _UNSURE.search(text):
            return None
        found = set(map(_second, self.automaton.iter(low))) if self.automaton is not None else set()
        if _DIGIT_RE.search(text):
            found.add(DIGIT)
        return frozenset(found)


def may_match(gate: tuple | None, present: frozenset | None) -> bool:
    """Whether a pattern with this gate (literal_gates) can match a text holding `present` keys."""
    if gate is None or present is None:
        return True
    for keys in gate:
        if keys.isdisjoint(present):
            return False
    return True


def enabled() -> bool:
    return _ENABLED[0]


@contextlib.contextmanager
def disabled():
    """Every pattern runs on every text and every table looks again, as without the prefilter
    and the memo (for tests comparing the two)."""
    _ENABLED[0] = False
    try:
        yield
    finally:
        _ENABLED[0] = True


class PatternSet:
    """Patterns run one after another over the same text (date patterns, trap patterns, noise
    rules), and the gates that tell which of them can match it. The patterns are indexed by the
    keys of their most selective set: a text's keys name the few to check. The gates are read
    on the first text (reading a pattern's tree costs as much as compiling it: a language whose
    rules are never used does not pay)."""

    def __init__(self, patterns, items=None):
        self.patterns = tuple(patterns)
        self.items = tuple(items) if items is not None else self.patterns

    @classmethod
    def build(cls, patterns, items=None) -> "PatternSet":
        return cls(patterns, items)

    def __eq__(self, other) -> bool:
        return isinstance(other, PatternSet) and (self.patterns, self.items) == (other.patterns, other.items)

    def __hash__(self) -> int:
        return hash(self.patterns)

    def __reduce__(self):  # sent to another process without its automaton: built again there
        return (PatternSet, (self.patterns, self.items))

    @functools.cached_property
    def gates(self) -> tuple:
        return tuple(literal_gates(p) for p in self.patterns)

    @functools.cached_property
    def keys(self) -> KeyFinder:
        return KeyFinder.build(self.gates)

    @functools.cached_property
    def by_key(self) -> dict:
        """key -> indexes of the patterns whose first set holds it."""
        by_key: dict = {}
        for i, gate in enumerate(self.gates):
            for key in gate[0] if gate else ():
                by_key.setdefault(key, set()).add(i)
        return {k: frozenset(v) for k, v in by_key.items()}

    @functools.cached_property
    def always(self) -> frozenset:
        """Indexes of the patterns without a gate."""
        return frozenset(i for i, g in enumerate(self.gates) if g is None)

    def indexes(self, text: str) -> list[int]:
        """The indexes of the patterns that may match `text` (all of them where the prefilter
        cannot tell), in order."""
        present = self.keys.present(text)
        if present is None:
            return list(range(len(self.items)))
        found = set(self.always)
        by_key = self.by_key
        for key in present:
            hit = by_key.get(key)
            if hit:
                found |= hit
        gates = self.gates
        out = []
        for i in found:  # may_match, inlined: a pattern of no gate always runs
            gate = gates[i]
            if gate is not None:
                for keys in gate:
                    if keys.isdisjoint(present):
                        break
                else:
                    out.append(i)
            else:
                out.append(i)
        out.sort()
        return out

    def candidates(self, text: str) -> list:
        """The items whose pattern may match `text`, in their order."""
        items = self.items
        return [items[i] for i in self.indexes(text)]
