"""Ingest: a source (text, HTML, a file with YAML front matter) -> Article.

Metadata comes from the front matter, then from `meta` (API query parameters, which win), then
from the page itself: the language identified among the languages the rules have (py3langid's
model, helped by each language's distinctive words: see identify_language), the publication date
from the page's date line, label or wire dateline, else its URL (checker.dateline), the title
from its first headline-like line. The body is the page's text with page noise removed by the
`noise` rules (rules/<lang>/noise.yaml, rules/common/noise.yaml); what remains keeps its characters as written, so sentence offsets
point into Article.body.
"""
from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

import yaml
from marshmallow import Schema, fields

from checker.dateline import DatelineRules, DatelineSchema, compile_dateline, find_page_date
from checker.model import Article
from checker.recognise.prefilter import PatternSet
from checker.rulebook import LanguageRules, Rules, alternation, fold, valid_regex

REQUEST_SOURCE = "<request>"
METADATA_FIELDS = ("source", "url", "published", "language", "title")
HTML_SUFFIXES = (".html", ".htm")
# the longest a given metadata field may be (the store's columns and the API's schema agree)
FIELD_LIMITS = {"source": 200, "url": 2000, "title": 1000, "language": 8}
FRONT_MATTER_LIMIT = 16 * 1024  # characters: metadata, not a second article
# Invisible format characters (Unicode Cf): soft hyphen, zero-width space and joiners, the
# bidirectional controls, word joiner and invisible operators, the byte-order mark. Pasted from
# pages and chat apps they would split a number ("8.\u200b000"), a name or a date in two.
INVISIBLE = re.compile("[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f"
                       "\ufeff\ufff9-\ufffb]")


def normalise_text(text: str) -> str:
    """NFC (one code point sequence per character as typed) without invisible format characters."""
    return unicodedata.normalize("NFC", INVISIBLE.sub("", text))


class IngestError(ValueError):
    """Input that cannot become an Article: names the source, the field and what is wrong."""

    def __init__(self, source: str, field: str, message: str):
        self.source, self.field, self.message = source, field, message
        super().__init__(f"{source}: {field}: {message}")


# --- noise rules ------------------------------------------------------------------------------

class LineRuleSchema(Schema):
    name = fields.String(required=True)
    pattern = fields.String(required=True, validate=valid_regex)  # must match the whole line
    # the next non-blank line goes too when it matches this whole ("Halaman" then "123")
    then = fields.String(validate=valid_regex)
    # keep taking following lines while they match `then` (a list of related headlines)
    repeat = fields.Boolean(load_default=False)


class SpanRuleSchema(Schema):
    name = fields.String(required=True)
    pattern = fields.String(required=True, validate=valid_regex)  # removed wherever found


class ShapeSchema(Schema):
    min_words = fields.Integer(required=True)
    max_words = fields.Integer(load_default=10_000)
    # a headline never ends with one of these; a prose line always does
    final_marks = fields.String(required=True)


class NoiseSchema(Schema):
    lines = fields.List(fields.Nested(LineRuleSchema), load_default=list)
    spans = fields.List(fields.Nested(SpanRuleSchema), load_default=list)
    # where the outlet names itself at the top of a page ("KONTAN.CO.ID - BRUSSELS."): each
    # pattern has a group named `outlet`; the first match in the page head names the source
    sources = fields.List(fields.Nested(SpanRuleSchema), load_default=list)
    headline = fields.Nested(ShapeSchema)  # what a title line looks like
    prose = fields.Nested(ShapeSchema)  # what a body paragraph looks like (ends the page head)
    # how the page states its publication date, and which of its lines never do (checker.dateline)
    dateline = fields.Nested(DatelineSchema)


@dataclass(frozen=True)
class LineRule:
    name: str
    pattern: re.Pattern
    then: re.Pattern | None
    repeat: bool = False


@dataclass(frozen=True)
class Shape:
    min_words: int
    max_words: int
    final_marks: str


@dataclass(frozen=True)
class NoiseRules:
    lines: tuple[LineRule, ...]
    spans: tuple[tuple[str, re.Pattern], ...]
    headline: Shape
    prose: Shape
    sources: tuple[tuple[str, re.Pattern], ...] = ()
    dateline: DatelineRules = field(default_factory=lambda: compile_dateline([]))
    # the line and span patterns with their prefilter: which can match a line (one pass)
    line_set: PatternSet | None = None
    span_set: PatternSet | None = None


def compile_noise(datas: list[dict]) -> NoiseRules:
    lines, spans, sources = [], [], []
    headline = prose = None
    for data in datas:
        for r in data["sources"]:
            pattern = re.compile(r["pattern"])
            if "outlet" not in pattern.groupindex:
                raise ValueError(f"source pattern {r['name']!r} has no group named 'outlet'")
            sources.append((r["name"], pattern))
        lines += [LineRule(r["name"], re.compile(r["pattern"]),
                           re.compile(r["then"]) if r.get("then") else None, r["repeat"])
                  for r in data["lines"]]
        spans += [(r["name"], re.compile(r["pattern"])) for r in data["spans"]]
        headline = Shape(**data["headline"]) if data.get("headline") else headline
        prose = Shape(**data["prose"]) if data.get("prose") else prose
    if headline is None or prose is None:
        raise ValueError("noise rules need a 'headline' and a 'prose' shape")
    return NoiseRules(tuple(lines), tuple(spans), headline, prose, tuple(sources),
                      compile_dateline([d["dateline"] for d in datas if d.get("dateline")]),
                      PatternSet.build((r.pattern for r in lines), lines),
                      PatternSet.build(p for _, p in spans))


@dataclass(frozen=True)
class CleanLine:
    """A line of the page that survived noise removal."""

    text: str
    index: int  # line number in the source text
    paragraph: bool  # a blank or removed line stood before it


def line_noise(line: str, noise: NoiseRules) -> LineRule | None:
    """The rule that makes this whole line noise; one that also takes the following lines
    (a marker and its headline) wins over one that takes the line alone."""
    stripped = line.strip()
    rules = noise.line_set.candidates(stripped) if noise.line_set is not None else noise.lines
    matching = [r for r in rules if r.pattern.fullmatch(stripped)]
    return next((r for r in matching if r.then is not None), matching[0] if matching else None)


def noise_lines(lines: list[str], noise: NoiseRules) -> dict[int, tuple[LineRule, bool]]:
    """The lines that are noise whole, by index: the rule, and whether a marker line took the
    line along (the headlines under "Baca juga") rather than the line being noise itself."""
    dropped: dict[int, tuple[LineRule, bool]] = {}
    for i, line in enumerate(lines):
        if i in dropped or not line.strip():
            continue
        rule = line_noise(line, noise)
        if rule is None:
            continue
        dropped[i] = (rule, False)
        following = i
        while rule.then is not None:
            following = next((j for j in range(following + 1, len(lines)) if lines[j].strip()), None)
            if following is None or not rule.then.fullmatch(lines[following].strip()):
                break
            dropped[following] = (rule, True)
            if not rule.repeat:
                break
    return dropped


def noise_line_numbers(lines: list[str], noise: NoiseRules) -> set[int]:
    """Indexes of the lines that are noise whole, with the lines their markers take along."""
    return set(noise_lines(lines, noise))


def _remove_spans(line: str, noise: NoiseRules) -> str:
    """The line without its noise spans; the pieces left are joined by one space."""
    patterns = noise.span_set.candidates(line) if noise.span_set is not None else [p for _, p in noise.spans]
    cuts = sorted((m.start(), m.end()) for p in patterns for m in p.finditer(line)
                  if m.end() > m.start())
    if not cuts:
        return line.strip()
    pieces, position = [], 0
    for start, end in cuts:
        if start >= position:
            pieces.append(line[position:start])
        position = max(position, end)
    pieces.append(line[position:])
    return " ".join(p.strip() for p in pieces if p.strip())


def clean_lines(text: str, noise: NoiseRules) -> list[CleanLine]:
    """The page's lines without noise lines, noise spans or repeats of an earlier line."""
    lines = text.split("\n")
    dropped = noise_line_numbers(lines, noise)
    kept, seen, gap = [], set(), False
    for i, line in enumerate(lines):
        if not line.strip():  # only a blank line in the page starts a paragraph
            gap = bool(kept)
            continue
        text_left = "" if i in dropped else _remove_spans(line, noise)
        if not text_left or text_left in seen:  # scraped pages repeat headlines, paragraphs
            continue
        seen.add(text_left)
        kept.append(CleanLine(text_left, i, gap))
        gap = False
    return kept


def clean_body(text: str, noise: NoiseRules) -> str:
    body = []
    for line in clean_lines(text, noise):
        if body:
            body.append("\n\n" if line.paragraph else "\n")
        body.append(line.text)
    return "".join(body)


def _words(line: str) -> int:
    return len(line.split())


def _is_headline(line: str, shape: Shape) -> bool:
    return (shape.min_words <= _words(line) <= shape.max_words
            and not line.endswith(tuple(shape.final_marks)) and "://" not in line)


def _is_prose(line: str, shape: Shape) -> bool:
    return _words(line) >= shape.min_words and line.endswith(tuple(shape.final_marks))


def infer_title(text: str, noise: NoiseRules) -> str:
    """The page's title: a headline-like line in the page head that the page repeats (scraped
    pages show it twice), else the last headline-like line before the first paragraph."""
    head = []
    for line in _noise_free_lines(text, noise):
        if _is_prose(line, noise.prose):
            break
        if _is_headline(line, noise.headline):
            head.append(line)
    raw = text.split("\n")
    for line in head:
        if sum(line in r for r in raw) > 1:
            return line
    return head[-1] if head else ""


def _noise_free_lines(text: str, noise: NoiseRules) -> list[str]:
    """Noise-free lines in page order, repeats included (repeats are a title's mark)."""
    lines = text.split("\n")
    dropped = noise_line_numbers(lines, noise)
    cleaned = (_remove_spans(line, noise) for i, line in enumerate(lines) if i not in dropped)
    return [line for line in cleaned if line]


def infer_source(text: str, noise: NoiseRules, url: str = "") -> str:
    """The outlet: the host of the article's URL, else the outlet's own name where the page
    opens its first paragraph ("TRIBUNNEWS.COM -", "KYIV, sp-globalindo.co.id –", "VIVA –")."""
    host = re.match(r"^[a-z][a-z0-9+.-]*://(?:www\.)?([^/:?#]+)", url.strip(), re.I)
    if host:
        return host.group(1).lower()
    head = text.split("\n")[:60]
    for _, pattern in noise.sources:
        for line in head:
            found = pattern.search(line)
            if found:
                return found.group("outlet").strip()
    return ""


def run_noise_example(example: dict, rules: LanguageRules) -> tuple[object, object]:
    noise = rules["noise"]
    if "source" in example:
        return example["source"], infer_source(example["text"], noise, example.get("url", ""))
    if "title" in example:
        return example["title"], infer_title(example["text"], noise)
    if "published" in example or "text_date" in example:
        from checker.dateline import run_published_example

        return run_published_example(example, rules)
    return example["clean"], clean_body(example["text"], noise)


# --- metadata ---------------------------------------------------------------------------------

FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)^(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S | re.M)


class _FrontMatterLoader(yaml.SafeLoader):
    """Safe YAML whose dates stay text: parse_published reads them and says what is wrong with
    one ("2024-13-45"), where YAML's own date reading fails with no field named."""


_FrontMatterLoader.yaml_implicit_resolvers = {
    first: [(tag, pattern) for tag, pattern in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()}


_NOT_PLAIN = object()


def _load_plain(block: str):
    """The front matter read in one pass when it cannot hold an alias (no `*` in it) and reads
    without error: what the two passes below give it (a stream `yaml.load` reads whole is one
    that `yaml.parse` reads too). Else _NOT_PLAIN, and the two passes run as before, with
    their errors."""
    if "*" in block:
        return _NOT_PLAIN
    try:
        return yaml.load(block, Loader=_FrontMatterLoader)
    except (yaml.YAMLError, RecursionError):
        return _NOT_PLAIN


def split_front_matter(raw: str, source: str) -> tuple[dict, str]:
    """(front matter fields, the text after it). A file without front matter has {}."""
    if not raw.startswith("---"):
        return {}, raw
    match = FRONT_MATTER.match(raw)
    if match is None:
        raise IngestError(source, "front matter", "opened with '---' but never closed")
    block = match.group(1)
    if len(block) > FRONT_MATTER_LIMIT:
        raise IngestError(source, "front matter", f"{len(block)} characters long; the limit is {FRONT_MATTER_LIMIT}")
    data = _load_plain(block)
    try:
        if data is _NOT_PLAIN and any(isinstance(event, yaml.AliasEvent)
                                      for event in yaml.parse(block, Loader=yaml.SafeLoader)):
            # a few hundred bytes of nested aliases expand to megabytes of title
            raise IngestError(source, "front matter", "YAML aliases (*name) are not accepted; write each value out")
        if data is _NOT_PLAIN:
            data = yaml.load(block, Loader=_FrontMatterLoader)
    except yaml.YAMLError as exc:
        raise IngestError(source, "front matter", f"invalid YAML: {exc}") from exc
    except RecursionError:
        raise IngestError(source, "front matter", "nested too deep") from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise IngestError(source, "front matter", "must be a mapping of field: value")
    return data, raw[match.end():]


@functools.lru_cache(maxsize=8)
def _language_identifier(codes: tuple[str, ...]):
    """py3langid's bundled model asked only about `codes` (those it knows; None if it knows none)."""
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_modelpath(MODEL_DIR / MODEL_FILE, norm_probs=True)
    known = [c for c in codes if c in identifier.nb_classes]
    if not known:
        return None
    identifier.set_languages(known)
    return identifier


@functools.lru_cache(maxsize=8)
def _distinctive(words: tuple[tuple[str, tuple[str, ...]], ...]) -> tuple[re.Pattern, dict]:
    """One alternation of every language's distinctive words; a matched word -> its languages."""
    owners: dict = {}
    for code, listed in words:
        for word in listed:
            owners.setdefault(fold(word), set()).add(code)
    pattern = re.compile(rf"(?<!\w){alternation(owners)}(?!\w)", re.IGNORECASE)
    return pattern, owners


# a language the model puts this far behind the best is out of the running, whatever words it has
CLOSE_RUNNER = 0.001
# with no word to tell close relatives apart, the model's choice stands when it is at least this
# many times as likely as the runner-up; a closer call goes to the manifests' identify_default
# (py3langid reads short Indonesian sentences as Malay: 203 of IndoNLI's 2,172, by a small margin)
CLEAR_CHOICE = 1.5


# a figure grouped in thousands ("10.000", "1,234,567"): which mark groups tells the convention
GROUPED_FIGURE = re.compile(r"(?<![\d.,])\d{1,3}(?:([.,])\d{3})+(?![\d.,]?\d)")


def identify_language(text: str, rules: Rules) -> str:
    """The most likely of the rules' languages. py3langid's model ranks them; among those it
    leaves in the running (close relatives such as Malay and Indonesian, which share most words
    and which the model alone confuses on short texts) the one with the most evidence wins, the
    model's order breaking ties. Evidence: each of the language's distinctive words
    (rules/<code>/language.yaml), and each figure grouped with the mark its manifest does not
    use as the decimal mark (Indonesian 10.000, Malay 10,000). A tie the model calls by less than
    CLEAR_CHOICE goes to the manifest that says `identify_default` (Indonesian)."""
    text = text[:5000]
    codes = rules.codes
    identifier = _language_identifier(codes)
    probability = dict(identifier.rank(text)) if identifier else {}
    ranked = sorted(probability, key=probability.get, reverse=True)
    ranked += [c for c in codes if c not in probability]  # languages the model does not know: by words alone
    best = probability.get(ranked[0], 0.0)
    running = [c for c in ranked if c not in probability or probability[c] >= best * CLOSE_RUNNER]
    manifests = {c: rules.for_language(c).manifest for c in codes}
    pattern, owners = _distinctive(tuple((c, m.distinctive_words if m else ()) for c, m in manifests.items()))
    counts = dict.fromkeys(running, 0)
    for match in pattern.finditer(text):
        for code in owners[fold(match.group(0))]:
            if code in counts:
                counts[code] += 1
    for figure in GROUPED_FIGURE.finditer(text):
        for code in running:
            if manifests[code] is not None and figure.group(1) != manifests[code].decimal_mark:
                counts[code] += 1
    best_code = max(running, key=lambda c: (counts[c], -running.index(c)))
    tied = [c for c in running if counts[c] == counts[best_code] and c in probability]
    if len(tied) > 1 and probability[tied[0]] < CLEAR_CHOICE * probability[tied[1]]:
        return next((c for c in tied if manifests[c] is not None and manifests[c].identify_default), best_code)
    return best_code


def parse_published(value, source: str, language_rules: LanguageRules | None) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    for parse in (date.fromisoformat, lambda t: datetime.fromisoformat(t).date()):
        try:
            return parse(text)
        except ValueError:
            pass
    if language_rules is not None and text:
        from checker.recognise.dates import find_dateline

        found = find_dateline(text, language_rules)
        if found is not None:
            return found
    raise IngestError(source, "published", f"unknown date format {text!r} (use YYYY-MM-DD)")


def _html_text(raw: str, source: str) -> tuple[str, dict]:
    """The page's main text and what its markup says about it (title, date, url)."""
    import trafilatura

    if not re.search(r"<html[\s>]", raw, re.I):  # a fragment: the parser wants a whole page
        raw = f"<html><body>{raw}</body></html>"
    document = trafilatura.bare_extraction(raw, with_metadata=True, include_comments=False,
                                           include_tables=False)
    text = getattr(document, "text", None) if document is not None else None
    found = {}
    if document is not None:
        found = {k: getattr(document, k, None) for k in ("title", "date", "url", "sitename")}
    if not text:  # too short for the extractor's heuristics: fall back to all visible text
        text = trafilatura.html2txt(raw) or ""
    if not text.strip():
        raise IngestError(source, "body", "the HTML page has no text")
    return text, {("published" if k == "date" else k): v for k, v in found.items() if v}


def parse_article(raw: str, *, article_id: str, rules: Rules, meta: dict | None = None,
                  html: bool = False, source_name: str = REQUEST_SOURCE,
                  today: date | None = None) -> Article:
    """An Article from raw text or HTML, its front matter and `meta` (which wins). `today`
    (default: the clock's) bounds the year of a dateline that gives none and the article no other."""
    if "\x00" in raw:
        raise IngestError(source_name, "encoding", "binary content (NUL bytes), not text")
    raw = normalise_text(raw).replace("\r\n", "\n").replace("\r", "\n")
    front, text = split_front_matter(raw, source_name)
    given = {k: v for k, v in front.items() if k in METADATA_FIELDS and v is not None}
    given.update({k: v for k, v in (meta or {}).items() if k in METADATA_FIELDS and v is not None})
    given = {k: normalise_text(v) if isinstance(v, str) else v for k, v in given.items()}
    for name, value in given.items():
        if "\x00" in str(value):  # no store's text column holds one
            raise IngestError(source_name, name, "holds a NUL character")
    for name, limit in FIELD_LIMITS.items():
        if name in given and len(str(given[name])) > limit:
            raise IngestError(source_name, name, f"{len(str(given[name]))} characters long; the limit is {limit}")
    page = {}
    if html:
        text, page = _html_text(text, source_name)
    if not text.strip():
        raise IngestError(source_name, "body", "the article has no text")

    if "language" in given:
        language = str(given["language"]).strip().lower()
        if language not in rules.languages:
            raise IngestError(source_name, "language",
                              f"{given['language']!r} is not one of {', '.join(rules.codes)}")
    else:
        # noise is removed before identifying the language (tickers and menus are no language):
        # every language's, since which one the page is in is not known yet
        body = text
        for code in rules.codes:
            body = clean_body(body, rules.for_language(code)["noise"])
        language = identify_language(body or text, rules)
    noise = rules.for_language(language)["noise"]
    body = clean_body(text, noise)
    if not body.strip():
        raise IngestError(source_name, "body", "nothing is left once page noise is removed")
    language_rules = rules.for_language(language)

    title = str(given.get("title") or page.get("title") or infer_title(text, noise)).strip()
    url = str(given.get("url") or page.get("url") or "").strip()
    if "published" in given:
        published = parse_published(given["published"], source_name, language_rules)
    elif "published" in page:
        published = parse_published(page["published"], source_name, language_rules)
    else:
        # the page's own date line, label or wire dateline, else its URL's date; only the page's
        # head is read, so a pathological page (megabytes without a line break) costs its head
        others = tuple(rules.for_language(other) for other in rules.codes if other != language)
        found = find_page_date(text, noise, language_rules, url=url, body=body,
                               today=today or date.today(), other_rules=others)
        published = found.day if found else None
    source = str(given.get("source") or page.get("sitename") or "").strip() or infer_source(text, noise, url)
    # what was read off the page rather than given is cut to fit, never refused
    title, url, source = (value[:FIELD_LIMITS[name]] for name, value in
                          (("title", title), ("url", url), ("source", source)))
    return Article(id=article_id, body=body, language=language, title=title,
                   source=source, url=url, published=published)


def read_article_file(path: Path, rules: Rules, article_id: str | None = None) -> Article:
    """An Article from a UTF-8 file: id = `article_id` or the file's stem, HTML by its suffix."""
    if not path.is_file():  # a FIFO or a device would block the read or never end
        raise IngestError(path.name, "file", "not a regular file")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise IngestError(path.name, "file", f"cannot read: {exc.strerror or exc}") from exc
    if b"\x00" in data:
        raise IngestError(path.name, "encoding", "binary content (NUL bytes), not a text file")
    try:
        raw = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise IngestError(path.name, "encoding",
                          f"not valid UTF-8 (byte {exc.start}: {data[exc.start:exc.start + 1]!r})") from exc
    return parse_article(raw, article_id=article_id or path.stem, rules=rules,
                         html=path.suffix.lower() in HTML_SUFFIXES, source_name=path.name)
