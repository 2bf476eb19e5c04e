"""What a stance is about: a proposition "<subject>.<topic>.<country>", built from the topic a
stance cue governs, the topic's owner and the place it is scoped to. Parts a sentence leaves
out come from the sentences before it (`Topic`)."""
from __future__ import annotations

from dataclasses import dataclass, replace

from checker.frame.syntax import owner_of, place_after, place_in
from checker.model import Mention
from checker.recognise import SentenceMentions, overlaps


@dataclass
class Topic:
    """What earlier sentences of the article were about."""

    subject: str | None = None
    place: str | None = None
    proposition: str | None = None


def proposition(sm: SentenceMentions, cue: Mention, holder: Mention, rules, topic_state: Topic) -> str | None:
    actors, places, framing = rules["actors"], rules["places"], rules["framing"]
    passive = cue.rule.endswith(":passive")
    scope = sm.topics if passive else [t for t in sm.topics if t.start >= cue.end]
    topic = scope[0] if scope else None
    if topic is None:
        if topic_state.proposition and not sm.topics:
            return topic_state.proposition  # "menepis laporan itu": the last one
        return None
    others = [a for a in sm.actors if a is not holder and not overlaps(a, holder)
              and actors.role(a.value) != "conduit"]
    subject_m = owner_of(framing, replace(sm, actors=others), topic, others)
    if subject_m is None and topic_state.subject is None:
        # no owner next to the topic and nothing earlier to refer back to
        later = sorted((a for a in others if a.start > topic.end), key=lambda a: a.start)
        subject_m = later[0] if later else None
    subject = actors.government(subject_m.value) if subject_m else topic_state.subject
    skip = [(subject_m.start, subject_m.end)] if subject_m else []
    skip.append((holder.start, holder.end))
    where = place_after(framing, sm, topic.start, skip) or place_in(framing, sm, skip)
    if where is None and topic_state.proposition:
        last_subject, last_topic, last_where = topic_state.proposition.split(".")
        if last_subject == subject and last_topic == topic.value:
            where = last_where
    if subject is None:
        return None
    country = places.country(where) if where else "unknown"
    if country == "unknown" and topic_state.place:
        country = places.country(topic_state.place)
    result = f"{subject}.{topic.value}.{country}"
    topic_state.proposition = result
    topic_state.subject = subject
    if where:
        topic_state.place = where
    return result
