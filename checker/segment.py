"""Segment: an article's clean body -> sentences with character offsets into it.

A line break always ends a sentence (scraped pages put headlines, captions and paragraphs on
lines of their own). Inside a line, a terminator (. ! ? …) followed by space ends a sentence
unless the rules say otherwise: the token before the period is an abbreviation or an initial,
the next word cannot start a sentence (`"Ini bahaya!" kata dia.`), or the period sits inside a
quotation that closes later on the same line. Which tokens are abbreviations, what may start a
sentence and which marks quote are language knowledge, kept in rules/<lang>/segment.yaml.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from marshmallow import Schema, fields, validate

from checker.model import Sentence
from checker.rulebook import LanguageRules, valid_regex


class SegmentSchema(Schema):
    terminators = fields.String(load_default=".!?…")  # characters that may end a sentence
    closing_marks = fields.String(load_default="\"”’')]»")  # may follow a terminator
    # tokens (with their final period, case-sensitive) after which a sentence never ends
    abbreviations = fields.List(fields.String(), load_default=list)
    # tokens that end no sentence when a digit follows ("No. 5", "Oct. 28", "Hal. 3")
    abbreviations_before_digit = fields.List(fields.String(), load_default=list)
    # regexes a whole token (with its period) may match to end no sentence: initials
    non_final_tokens = fields.List(fields.String(validate=valid_regex), load_default=list)
    # regex for the first character of a sentence; a boundary before anything else is not one
    sentence_start = fields.String(validate=valid_regex)
    # regexes for fragments too small to be a sentence (list markers "1.", "a)")
    fragments = fields.List(fields.String(validate=valid_regex), load_default=list)
    # quotation marks as [open, close]; terminators inside a quote closing on the same line
    # do not end the sentence (the speaker tag after it belongs to the quote)
    quotes = fields.List(fields.List(fields.String(validate=validate.Length(equal=1)),
                                     validate=validate.Length(equal=2)), load_default=list)
    # regexes for a terminator glued to the next sentence by a lost space ("ke Rusia.Juru
    # Bicara"): it ends a sentence all the same
    glued_boundaries = fields.List(fields.String(validate=valid_regex), load_default=list)


@dataclass(frozen=True)
class SegmentRules:
    boundary: re.Pattern  # a run of terminators and closing marks followed by space or end
    abbreviations: frozenset
    abbreviations_before_digit: frozenset
    non_final_tokens: tuple[re.Pattern, ...]
    sentence_start: re.Pattern
    fragments: tuple[re.Pattern, ...]
    quotes: tuple[tuple[str, str], ...]
    glued: re.Pattern | None = None


def compile_segment(datas: list[dict]) -> SegmentRules:
    terminators, closing, start = ".!?…", "\"”’')]»", r"[^\sa-z,;:)\]}]"
    abbreviations, before_digit, tokens, fragments, quotes, glued = set(), set(), [], [], [], []
    for data in datas:
        terminators = data.get("terminators", terminators)
        closing = data.get("closing_marks", closing)
        start = data.get("sentence_start", start)
        abbreviations.update(data["abbreviations"])
        before_digit.update(data["abbreviations_before_digit"])
        tokens += data["non_final_tokens"]
        fragments += data["fragments"]
        quotes += [tuple(q) for q in data["quotes"]]
        glued += data["glued_boundaries"]
    boundary = re.compile(f"([{re.escape(terminators)}]+)[{re.escape(closing)}]*(?=\\s|$)")
    return SegmentRules(
        boundary, frozenset(abbreviations), frozenset(before_digit),
        tuple(re.compile(t) for t in tokens), re.compile(start),
        tuple(re.compile(f) for f in fragments), tuple(dict.fromkeys(quotes)),
        re.compile("|".join(f"(?:{g})" for g in glued)) if glued else None)


def _token_before(line: str, end: int) -> str:
    """The whitespace-delimited token ending at `end`, without opening punctuation."""
    begin = end
    while begin > 0 and not line[begin - 1].isspace():
        begin -= 1
    return line[begin:end].lstrip("([{\"“‘'«")


def _inside_quote(line: str, pos: int, quotes: tuple[tuple[str, str], ...]) -> bool:
    """Whether `pos` lies inside a quotation that closes later on the same line."""
    for opening, closing in quotes:
        before, after = line[:pos], line[pos:]
        if opening == closing:
            if before.count(opening) % 2 == 1 and opening in after:
                return True
        elif before.count(opening) > before.count(closing) and closing in after:
            return True
    return False


def _is_boundary(line: str, match: re.Match, sentence_begin: int, rules: SegmentRules) -> bool:
    rest = line[match.end():].lstrip()
    if not rest:
        return True
    if not rules.sentence_start.match(rest):
        return False
    if match.group(1) == ".":  # a single period: maybe an abbreviation or an initial
        token = _token_before(line, match.start() + 1)
        if token in rules.abbreviations:
            return False
        if token in rules.abbreviations_before_digit and rest[0].isdigit():
            return False
        if any(p.fullmatch(token) for p in rules.non_final_tokens):
            return False
    fragment = line[sentence_begin:match.end()].strip()
    if any(p.fullmatch(fragment) for p in rules.fragments):
        return False
    return not _inside_quote(line, match.end(), rules.quotes)


def _sentence(body: str, start: int, end: int) -> Sentence | None:
    text = body[start:end]
    stripped = text.strip()
    if not stripped:
        return None
    lead = len(text) - len(text.lstrip())
    return Sentence(stripped, start + lead, start + lead + len(stripped))


def split_sentences(body: str, rules: LanguageRules) -> list[Sentence]:
    """The body's sentences in order; body[s.start:s.end] == s.text for every one."""
    segment_rules: SegmentRules = rules["segment"]
    sentences = []
    for line_match in re.finditer(r"[^\n]+", body):
        line, offset = line_match.group(), line_match.start()
        begin = 0
        glued = list(segment_rules.glued.finditer(line)) if segment_rules.glued is not None else []
        candidates = sorted([(m.end(), m, True) for m in segment_rules.boundary.finditer(line)]
                            + [(m.end(), m, False) for m in glued], key=lambda c: c[0])
        for end, match, checked in candidates:
            if end <= begin or (checked and not _is_boundary(line, match, begin, segment_rules)):
                continue
            found = _sentence(body, offset + begin, offset + end)
            if found:
                sentences.append(found)
            begin = end
        found = _sentence(body, offset + begin, offset + len(line))
        if found:
            sentences.append(found)
    return sentences


def run_segment_example(example: dict, rules: LanguageRules) -> tuple[list, list]:
    return list(example["sentences"]), [s.text for s in split_sentences(example["text"], rules)]
