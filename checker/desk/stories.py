"""Articles grouped into stories: two articles are in one story when they share a fact (a
figure's subject and measure, a stance's proposition, or an event's date) and stand within
`max_gap_days` of each other; a story is what these links join, one link after another. An
undated article joins every article it shares a fact with (nothing says it is far in time).

The engine is pure: it takes each article's date and fact keys and returns the groups; which
kinds of fact link articles and how far apart they may be is rules/common/stories.yaml. Names
are made from the labels of rules/compare.yaml (`names`), never from raw ids.
"""
from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass
from datetime import date

from marshmallow import Schema, fields, validate

from checker.model import UNTYPED_EVENT


@dataclass(frozen=True)
class StorySettings:
    link_kinds: tuple[str, ...]  # claim kinds whose keys link articles
    event_dates: bool  # an event_date key links only when its subject is an event (`type@country`)
    max_gap_days: int


@dataclass(frozen=True)
class ArticleFacts:
    id: str
    published: date | None
    keys: frozenset[str]  # claim keys as the store writes them ("quantity|north_korea|troops")


@dataclass(frozen=True)
class Story:
    id: str
    articles: tuple[str, ...]  # by date, undated last
    keys: tuple[str, ...]  # the facts its articles share, most shared first
    first: date | None
    last: date | None

    @property
    def main_key(self) -> str | None:
        return self.keys[0] if self.keys else None


def linking(key: str, settings: StorySettings) -> bool:
    kind, _, rest = key.partition("|")
    if kind not in settings.link_kinds:
        return False
    if kind == "event_date" and settings.event_dates:
        return "@" in rest.split("|")[0]
    return True


def group(articles: list[ArticleFacts], settings: StorySettings) -> list[Story]:
    """The stories of `articles`, latest first (by their last day, then size). An article
    sharing no linking fact with any other is a story of its own."""
    parent = {a.id: a.id for a in articles}

    def root(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def join(a: str, b: str) -> None:
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    by_key: dict[str, list[ArticleFacts]] = {}
    for article in articles:
        for key in article.keys:
            if linking(key, settings):
                by_key.setdefault(key, []).append(article)
    for members in by_key.values():
        dated = sorted((a for a in members if a.published is not None), key=lambda a: (a.published, a.id))
        for earlier, later in zip(dated, dated[1:]):
            if (later.published - earlier.published).days <= settings.max_gap_days:
                join(earlier.id, later.id)
        for undated in (a for a in members if a.published is None):
            for other in members:
                join(undated.id, other.id)
    groups: dict[str, list[ArticleFacts]] = {}
    for article in articles:
        groups.setdefault(root(article.id), []).append(article)
    stories = [_story(members, settings) for members in groups.values()]
    return sorted(stories, key=lambda s: (s.last or date.min, len(s.articles), s.id), reverse=True)


def _story(members: list[ArticleFacts], settings: StorySettings) -> Story:
    members = sorted(members, key=lambda a: (a.published is None, a.published or date.min, a.id))
    shared = Counter(k for a in members for k in a.keys if linking(k, settings))
    keys = tuple(k for k, _ in sorted(shared.items(), key=lambda kv: (-kv[1], _kind_rank(kv[0]), kv[0])))
    days = [a.published for a in members if a.published is not None]
    # the id is its first article's: stable while the story only grows later in time
    ident = hashlib.sha256(members[0].id.encode()).hexdigest()[:12]
    return Story(ident, tuple(a.id for a in members), keys, min(days, default=None), max(days, default=None))


def _kind_rank(key: str) -> int:
    """A story is named after an event or a stance before a figure of it; the date of an
    incident of unknown type ("the tragedy") names less than a figure of it does."""
    kind, _, rest = key.partition("|")
    if kind == "event_date" and rest.startswith(UNTYPED_EVENT + "@"):
        return 3
    return {"event_date": 0, "stance": 1, "quantity": 2}.get(kind, 3)


# --- names --------------------------------------------------------------------------------------

def story_name(story: Story, fact_label, untitled: str = "Untitled story", w=None) -> str:
    """Its main fact's label, then its dates: 'North Korea deployment in Russia, 28 Oct 2024 –
    29 Apr 2025'; `untitled` when it shares no fact. Dates in `w`'s language (a Wording)."""
    from checker.compare.wording import day_text

    what = fact_label(story.main_key) if story.main_key else untitled
    if story.first is None:
        return f"{what} ({day_text(None, w)})"
    if story.first == story.last:
        return f"{what}, {day_text(story.first, w)}"
    return f"{what}, {day_text(story.first, w)} \u2013 {day_text(story.last, w)}"


# --- rules --------------------------------------------------------------------------------------

class StoriesSchema(Schema):
    link_kinds = fields.List(fields.String(validate=validate.OneOf(["quantity", "stance", "event_date", "duration"])),
                             required=True, validate=validate.Length(min=1))
    event_dates_need_event = fields.Boolean(load_default=True)
    max_gap_days = fields.Integer(required=True, validate=validate.Range(min=0, max=3650))


def compile_settings(datas: list[dict]) -> StorySettings:
    merged: dict = {}
    for data in datas:
        merged.update(data)
    return StorySettings(tuple(merged["link_kinds"]), merged["event_dates_need_event"], merged["max_gap_days"])


def run_stories_example(example: dict, language_rules) -> tuple:
    articles = [ArticleFacts(a["id"], date.fromisoformat(str(a["published"])) if a.get("published") else None,
                             frozenset(a.get("keys", ()))) for a in example["articles"]]
    stories = group(articles, language_rules["stories"])
    expected = sorted(sorted(s) for s in example["stories"])
    return expected, sorted(sorted(s.articles) for s in stories)
