"""A count above the limit its article gives ("tiket dicetak hingga 42 ribu lembar" beside "kapasitas
stadion yang hanya 38 ribu orang"; 250 aboard a ferry built for 150): who gives the count says the
limit was exceeded, a stance that a denial elsewhere ("kuota tidak kami lampaui") meets. The limits
and the propositions they make are the stance rules' `over_limit`."""
from __future__ import annotations

from dataclasses import replace

from checker.model import Claim, Proposition


def over_limit_stances(claims: list[Claim], stances, actors, article_id: str) -> list[Claim]:
    """The claims with a confirmation after each count its speaker gives above a limit of the
    same happening the article gives (its own or the same speaker's), ids numbered again in order."""
    if not getattr(stances, "over_limit", ()):
        return claims
    held = {(c.speaker, c.proposition) for c in claims if c.kind == "stance"}
    after: dict[int, list[Claim]] = {}
    for limit, counts, agent, predicate in stances.over_limit:
        limits = [(i, c) for i, c in enumerate(claims) if _figure(c, (limit,)) and c.value.high is not None]
        for i, count in enumerate(claims):
            if not _figure(count, counts) or count.speaker is None:
                continue
            # the most the count says ("hingga 42 ribu": as many as 42,000), above the limit's top
            most = count.value.high if count.value.high is not None else count.value.low
            if most is None:
                continue
            over = [j for j, c in limits if c.subject == count.subject and c.speaker in (None, count.speaker)
                    and most > c.value.high]
            if not over:
                continue
            country = count.event.country if count.event is not None else None
            proposition = Proposition(agent, predicate, theme=agent, place=count.where, country=country)
            if (count.speaker, proposition.id) in held:
                continue
            held.add((count.speaker, proposition.id))
            body = getattr(actors, "body", actors.government)(count.speaker)
            details = dict(count.extra)
            # taken when it was told, not on the day the count holds for (the match day's tickets, told a day on)
            told = details.get("stated") or details.get("published") or count.when
            stance = replace(count, kind="stance", subject=actors.government(count.speaker), measure=None,
                             value=None, unit=None, stance="confirm", proposition=proposition.id,
                             where=count.where, when=told, event=None,
                             extra=(("cue", details.get("figure")), ("rule", f"over_limit:{limit}"),
                                    ("agent", agent), ("predicate", predicate), ("theme", agent), ("body", body),
                                    ("published", details.get("published"))))
            after.setdefault(max(i, *over), []).append(stance)
    if not after:
        return claims
    ordered = [c for i, claim in enumerate(claims) for c in (claim, *after.get(i, ()))]
    return [replace(c, id=f"{article_id}:{n}") for n, c in enumerate(ordered, 1)]


def _figure(claim: Claim, measures) -> bool:
    return claim.kind == "quantity" and claim.measure in measures and claim.value is not None \
        and claim.modality == "actual"
