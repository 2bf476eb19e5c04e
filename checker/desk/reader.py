"""The reader's language on the dashboard: which one (a `lang` query or cookie, else the best
of the rules' languages for the browser's Accept-Language, else the default report language),
and its words. Every word comes from rules/<lang>/wording.yaml: the page chrome under `names` as
`ui.<key>` (the dashboard's own ids, beside the engine's), the findings' summaries and reasons as
the compare stage words them. No language is named here: they are the rules' languages."""
from __future__ import annotations

import functools
import re
from collections import OrderedDict
from threading import Lock

from checker.compare.wording import Wording, report_wording

UI = "ui."
FIELD = re.compile(r"\{(\w+)\}")


def _rules():
    from checker.rulebook import default_rules

    return default_rules()


@functools.lru_cache(maxsize=16)
def wording(language: str | None = None) -> Wording:
    """A language's wording with the compare settings' display names under its own."""
    return report_wording(_rules(), language)


def default_language() -> str:
    return _rules().report_language


def languages() -> list[tuple[str, str]]:
    """(code, the language's own name) of every language whose wording labels the dashboard."""
    rules = _rules()
    found = []
    for code in rules.codes:
        if "wording" in rules.languages[code].compiled and UI + "language_name" in wording(code).names:
            found.append((code, wording(code).names[UI + "language_name"]))
    return found


def choose(asked: str | None, remembered: str | None, accept_languages) -> str:
    """The page's language: asked for (?lang=), else remembered (the cookie), else the browser's
    best among ours (werkzeug's Accept-Language), else the default report language."""
    codes = [code for code, _ in languages()]
    for code in (asked, remembered):
        if code in codes:
            return code
    return accept_languages.best_match(codes) or default_language()


_REQUIRED = object()


def label(language: str, key: str, missing=_REQUIRED, **values) -> str:
    """The dashboard's word for `key` in `language`, its {fields} filled in; the default report
    language's when this language lacks it (tests require every language to have them all);
    `missing` when neither has it, else a KeyError naming the label."""
    template = wording(language).names.get(UI + key) or wording(default_language()).names.get(UI + key)
    if template is None:
        if missing is _REQUIRED:
            raise KeyError(f"no dashboard label {UI + key!r} in rules/{default_language()}/wording.yaml")
        return missing
    return FIELD.sub(lambda m: str(values[m.group(1)]), template) if values else template


def missing_labels(language: str) -> list[str]:
    """The default language's labels this language lacks, or whose {fields} differ."""
    own, default = wording(language).names, wording(default_language()).names
    return sorted(k[len(UI):] for k, v in default.items() if k.startswith(UI) and
                  (k not in own or set(FIELD.findall(own[k])) != set(FIELD.findall(v))))


# --- findings in the reader's language ---------------------------------------------------------

_said: "OrderedDict[tuple, str]" = OrderedDict()
_said_lock = Lock()
SAID_CAP = 20_000  # summaries kept per process (a finding's claims are fixed by its id)


def summaries(session, findings, language: str) -> dict[str, str]:
    """Each finding's summary in `language`: the compare stage run again over the finding's own
    claims, which makes the same finding (the same fingerprint) worded in that language; the
    stored summary where it does not (or when the language is the one it was stored in)."""
    from checker.compare import compare
    from checker.desk.exports import claims_by_id
    from checker.storage.repository import articles_by_id

    if language == default_language():
        return {f.id: f.summary for f in findings}
    out, wanted = {}, []
    with _said_lock:
        for finding in findings:
            said = _said.get((finding.id, language, finding.claims))
            if said is None:
                wanted.append(finding)
            else:
                out[finding.id] = said
    if wanted:
        claims = claims_by_id(session, [c for f in wanted for c in f.claims])
        articles = articles_by_id(session, {c.article for c in claims.values()} | {a for f in wanted for a in f.articles})
        for finding in wanted:
            own = [claims[c] for c in finding.claims if c in claims]
            again = {f.id: f for f in compare(own, [], {a: articles[a] for a in {c.article for c in own} if a in articles},
                                              _rules(), report_language=language)} if own else {}
            out[finding.id] = again[finding.id].summary if finding.id in again else finding.summary
            with _said_lock:
                _said[(finding.id, language, finding.claims)] = out[finding.id]
                while len(_said) > SAID_CAP:
                    _said.popitem(last=False)
    return out
