"""The framing rules (rules/<lang>/framing.yaml): how sentences hang together, compiled (the schema they
are loaded with is checker.frame.schema)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from checker.frame.schema import WINDOWS
from checker.recognise.lexicon import AliasTable
from checker.rulebook import alternation, rule_regex
from checker.frame.wordspans import words


@dataclass(frozen=True)
class Framing:
    subject_side: str
    windows: dict
    clause_break: re.Pattern
    place_preposition: re.Pattern
    undated_events: frozenset
    owner_links: frozenset
    total_verbs: AliasTable
    part_markers: AliasTable
    increment_before: AliasTable
    increment_after: AliasTable
    running_total_links: AliasTable
    sum_words: AliasTable
    besides_before: AliasTable
    besides_after: AliasTable
    figure_anaphora: AliasTable
    statement_anaphora: AliasTable
    as_of_cues: AliasTable
    honorifics: frozenset
    anaphoric_speakers: AliasTable
    determiners: frozenset
    named_only: frozenset
    group_anaphors: frozenset
    continuations: AliasTable
    speech_goes_on: AliasTable
    location_cues: AliasTable
    appositive_links: frozenset
    share_links: AliasTable
    offset_words: frozenset
    earlier_cues: AliasTable
    recovery_cues: AliasTable | None = None
    recovery_measures: frozenset = frozenset()
    possessives: tuple = ()
    person_roles: AliasTable | None = None
    phase_cues: AliasTable | None = None
    sending_topics: frozenset = frozenset()
    sent_measures: frozenset = frozenset()
    venue_parts: AliasTable | None = None
    child_victims: AliasTable | None = None
    area_parts: AliasTable | None = None
    own_cause_types: frozenset = frozenset()  # happenings no other brings about (a clan fight)
    one_disaster_types: frozenset = frozenset()  # types one weather disaster is told by (a storm, its floods)
    after_only: frozenset = frozenset()
    adjacent_only: frozenset = frozenset()
    verb_only_cues: frozenset = frozenset()
    limit_measures: frozenset = frozenset()
    limit_links: frozenset = frozenset()
    happening_anchors: frozenset = frozenset()
    # an `anchored_days` phrase fused to the happening's noun ("tiga hari pascagempa"): group 1 the phrase
    anchored_fused: re.Pattern | None = None
    not_counted: frozenset = frozenset()
    regional_government_before: re.Pattern | None = None  # ends right before the place
    regional_name_after: re.Pattern | None = None  # after a region's government words: an institution's name
    regional_government_after: re.Pattern | None = None  # starts right after the place
    regional_government_bare: re.Pattern | None = None  # a region's own officials named without it
    numbering_words: frozenset = frozenset()
    inclusion_markers: re.Pattern | None = None
    destination: re.Pattern | None = None  # ends right before a place a preposition sends something to
    counted_shape: re.Pattern | None = None
    counted_things: frozenset = frozenset()
    people_counted: frozenset = frozenset()
    group_count_measures: frozenset = frozenset()
    counted_outcomes: dict = field(default_factory=dict)  # counted measure -> AliasTable of verb -> outcome
    thing_states: dict = field(default_factory=dict)  # counted measure -> outcomes told after it
    state_links: frozenset = frozenset()  # words between a counted thing and what befell it
    zero_counts: re.Pattern | None = None  # words of none, a zero count before an outcome (zeros.py)
    zero_links: frozenset = frozenset()
    zero_unknown_after: re.Pattern | None = None
    zero_group_after: re.Pattern | None = None  # "no deaths among the worshippers": one group's none
    zero_never: frozenset = frozenset()  # measures a word of none never counts: "without a certificate" lacks one
    share_groups: AliasTable | None = None
    age_bound_groups: tuple = ()  # (group, regex of the words ending right before an age bound)
    excluded_groups: tuple = ()  # (group, the pattern naming who the toll leaves out)
    joint_links: frozenset = frozenset()
    own_links: frozenset = frozenset()
    same_period_cues: AliasTable | None = None
    ranking_next: AliasTable | None = None
    ranked_place: re.Pattern | None = None
    adverb_places: frozenset = frozenset()
    # a group's words after its figure (one to three), then a joiner ("prajurit dan", "police
    # officers,"): what stands between two figures of one list of groups
    group_then_joiner: re.Pattern | None = None
    joint_cues: AliasTable | None = None
    capital_cues: AliasTable | None = None
    body_words: frozenset = frozenset()
    state_titles: frozenset = frozenset()
    name_links: frozenset = frozenset()
    defined_body: re.Pattern | None = None  # "Name Of A Body (ABBR)", built from name_links
    # a date, a comma, then a body's full name and its short name before the verb: built from name_links
    body_run: re.Pattern | None = None
    next_predicate: re.Pattern | None = None
    appositive_openers: frozenset = frozenset()
    after_links: frozenset = frozenset()
    post_links: frozenset = frozenset()
    group_links: frozenset = frozenset()
    relative_markers: frozenset = frozenset()
    anchored_days: AliasTable | None = None
    colon_labels: frozenset = frozenset()
    home_country: str | None = None
    contrast_cues: AliasTable | None = None
    comparisons: AliasTable | None = None
    comparison_goes_on: frozenset = frozenset()
    figure_alternatives: re.Pattern | None = None  # the whole text between a disputed figure and its alternative
    guessed_measures: frozenset = frozenset()  # tolls no one plans: a plan or a vague guess of them is a forecast
    guess_alternatives: re.Pattern | None = None  # the whole text between a guessed figure and a higher alternative
    named_joins: re.Pattern | None = None  # a capitalised name and a link right before an "others" figure
    list_goes_on: re.Pattern | None = None  # after a list's item: a comma, a link, a lower-case word (", dan suporter")
    controller: re.Pattern | None = None  # ends right before the one who runs a body named before
    route: re.Pattern | None = None  # ends right before a place on a journey's route
    when_link: re.Pattern | None = None  # opens a clause a date before it dates ("on Monday when ...")
    reason_link: re.Pattern | None = None  # opens a clause of reason ("because"): an outcome before it is not its figure's
    origin: re.Pattern | None = None  # ends right before the country something comes from ("perusahaan asal")
    facility: re.Pattern | None = None  # ends right before a body a facility is named after ("RS Pertamina")
    end_cues: AliasTable | None = None  # before a day: when a happening ended ("under control", "padam")
    publication_cues: AliasTable | None = None  # before a month: when a report came out ("published in")
    reaction_heads: AliasTable | None = None  # before an incident: a reaction to it ("anger over"), which a day after dates
    attacker_types: frozenset = frozenset()  # happenings a state right at the word carries out, not suffers
    about_links: AliasTable | None = None  # between a day and an incident: what the day's act is about ("over the stampede")
    own_people: re.Pattern | None = None  # right after a figure: a state's own people by a possessive ("of its pilgrims")
    opponent_links: re.Pattern | None = None  # right before a state: the side a state fought ("fighting with Thailand")
    own_side: re.Pattern | None = None  # after a figure in its clause: the teller's own country ("on its side of the border")
    group_noun: re.Pattern | None = None  # a group a demonym beside it describes ("the Lebanese militant group")
    operated_vehicle: re.Pattern | None = None  # a vehicle an operator beside it labels ("a Malaysia Airlines jet")
    subgroup: re.Pattern | None = None  # starts right after a figure that counts a group ("40 dewasa")
    clause_openers: frozenset = frozenset()  # casefolded: open a clause without naming anyone
    finders: re.Pattern | None = None  # opening a clause: searchers who name no source of their own
    cue_joiners: frozenset = frozenset()  # casefolded: join a second stance verb to the first's subject
    speech_auxiliaries: frozenset = frozenset()  # casefolded: may stand between a name and its verb of telling
    site_after: re.Pattern | None = None  # a capitalised name, then its kind ("Jajarkot district"): group "name"
    site_before: re.Pattern | None = None  # a kind, then a capitalised name ("distrik Jajarkot"): group "name"
    relative_links: frozenset = frozenset()  # casefolded: go on after a comma about the noun before it
    day_joiners: frozenset = frozenset()  # casefolded: join two days of one happening ("and", "dan")
    complementizer: re.Pattern | None = None  # opens a reported clause ("that", "bahwa")
    happening_days: int = 7  # the most days a happening's run of days or waves may span
    subgroup_link: re.Pattern | None = None  # after a figure: a few words, a link, a subgroup noun ("101 were women")
    earlier_figure: re.Pattern | None = None  # an earlier figure ending right before a date ("up from 151 ")
    present_speech: AliasTable | None = None  # "says", "has estimated": told as of the report
    present_marks: AliasTable | None = None  # "so far", "sejauh ini": counted up to the report
    # right after a figure, a nationality's noun and where its country's name starts: group "state"
    # ("13 pekerja asal China"), or the demonym (group "state") and its noun ("four Chinese nationals")
    national: re.Pattern | None = None
    # ", the operator of the industrial park " right before a cue: a speaker no table knows
    unnamed_subject: re.Pattern | None = None
    proximity: re.Pattern | None = None  # ends right before a landmark ("near the capital ")
    # "Dari 199 jemaah yang wafat, " ending right before a figure: the whole it is a share of
    whole_before: re.Pattern | None = None
    percent_measures: tuple = ()  # (measure read near a percent, the claim's measure) pairs
    gaining_topics: frozenset = frozenset()
    gained_measures: frozenset = frozenset()
    projection_measures: frozenset = frozenset()
    projected_measures: tuple = ()  # (measure, the measure it is in a projection's clause) pairs
    other_standard: re.Pattern | None = None  # a word of another standard of measure
    other_standard_measures: tuple = ()  # (measure, the measure it is by another standard) pairs
    pronoun_subject: re.Pattern | None = None  # ends right before a verb whose subject is a pronoun
    restating: re.Pattern | None = None  # ends right before a figure given again in another unit
    # starts right after a figure standing alone as a subject ("10,000 are in Russia"): it counts
    # what the sentence counted before
    figure_subject: re.Pattern | None = None
    not_source_links: frozenset = frozenset()  # casefolded: "data di PDN" is where the data is, not whose
    relative_pronoun: re.Pattern | None = None  # opens a relative clause ("that", "yang")
    site_share: re.Pattern | None = None  # one site's share of those counted
    new_after: AliasTable | None = None  # "12 new deaths": an increment whatever verb comes before
    since_words: re.Pattern | None = None  # a date's opening words that make it a count's start
    private_roles: AliasTable | None = None  # right before a name: a person of their own ("businessman X")
    money_measures: frozenset = frozenset()  # the measures a sum of money is read for
    undated_incidents: frozenset = frozenset()  # incident types no date beside their name dates
    acted_incidents: frozenset = frozenset()  # incident types whose owner did them ("Israeli strikes")
    # a bare "from" before a figure and a date, after a total verb ("rose to 15 on Tuesday from 9 on Monday")
    earlier_figure_after_total: re.Pattern | None = None
    earlier_date: re.Pattern | None = None  # an earlier-figure cue ending right before a date
    earlier_date_after_total: re.Pattern | None = None  # ... or a bare "dari", "from"
    # a generic happening's noun pointing back ("that disaster", "kecelakaan tersebut"): a regex
    # searched before the noun (ending there) or matched right after it
    happening_anaphora: re.Pattern | None = None
    time_anaphora: re.Pattern | None = None  # "Saat itu, ...": the time the sentence before told of
    whole_area_cues: AliasTable | None = None  # "di seluruh daerah terdampak": the whole happening's toll
    omission_verbs: AliasTable | None = None  # "the tally missed 5,000": a figure a count left out
    ranking_cues: AliasTable | None = None  # "terbanyak di Jawa Tengah": a place where most were, a part
    recording_verbs: re.Pattern | None = None  # "Congo has reported": the country's own count
    earlier_happening_days: int = 7  # a day this long before the happening's dates an earlier one
    background_days: int = 14  # below the lead, a day this long before publication is background
    day_part_after: re.Pattern | None = None  # matches right after a day's mention: group "part"
    day_part_order: dict = field(default_factory=dict)  # a part's words casefolded -> its order in the day
    many_regions: re.Pattern | None = None  # "in 22 provinces": across the country, not in one of them
    many_countries: re.Pattern | None = None  # "from 13 African countries": across a region, no one country
    many_countries_place: str | None = None  # the place of such a count when no region is named
    made_in: re.Pattern | None = None  # ends right before a firm's or a product's country ("made in")
    nationality_before: re.Pattern | None = None  # ends right before a person's country ("berkebangsaan")
    nationality_after: re.Pattern | None = None  # starts right after a person's country ("pilot")
    firm_names: re.Pattern | None = None  # a firm named with its legal form: group "name" or "name_before_form"
    statement_setting: re.Pattern | None = None  # ends right before where a statement was given
    site_anaphor: re.Pattern | None = None  # "the county's": group "kind", a kind of site_kinds_*
    site_kind_words: frozenset = frozenset()  # those kinds, casefolded

    def window(self, name: str) -> int:
        return self.windows[name]


def opens_count(framing, text: str, d, phrase: bool = False) -> bool:
    """Whether a date is where a count runs from: opened by a since word (framing `since_words`),
    in its own words ("sejak 7 Oktober") or right before it ("sejak Senin (26/2)"); with `phrase`,
    also the day of what a since phrase names a few words on, with no figure nor break between
    ("killed since the first deaths on July 16", "tewas sejak korban pertama jatuh pada Selasa (16/7)")."""
    since = getattr(framing, "since_words", None)
    if since is None:
        return False
    if since.match(d.text):
        return True
    before = re.search(r"([^\W\d_][\w'’-]*)\s+$", text[max(0, d.start - 30):d.start])
    if before is not None and since.match(before.group(1) + " ") is not None:
        return True
    if not phrase:
        return False
    starts = [m.start() for m in since.finditer(text, 0, d.start) if m.start() == 0 or not text[m.start() - 1].isalnum()]
    if not starts:
        return False
    between = text[starts[-1]:d.start]
    return not re.search(r"[\d,;:.()\"“”]", between) and words(text, starts[-1], d.start) <= framing.window("since_clause")


def _statement_forms(spec: dict) -> list[str]:
    """Every noun, with or without a word between, before every verb of telling."""
    return [" ".join(w for w in (noun, between, verb) if w) for noun in spec.get("nouns", ())
            for between in ("", *spec.get("between", ())) for verb in spec.get("verbs", ())]


def _table(forms: list[str], ident: str) -> AliasTable:
    return AliasTable.build([(f, ident, False) for f in forms])


def _defined_body(links) -> re.Pattern:
    """A name of capitalised words (and the name's small linking words) with its abbreviation
    in brackets: group 1 the name, group 2 the abbreviation."""
    word = r"[A-Z][\w'’-]*"
    return rule_regex(rf"((?:{word}\s+(?:{alternation(links)}\s+)?){{1,7}}{word})\s*\(([A-Z][A-Za-z0-9]{{1,11}})\)",
                      "name_links")


def _body_run(links: frozenset) -> re.Pattern | None:
    """The run between a date opening a sentence and its verb when a body speaks there: capitalised
    words joined by the small words of a name (`name_links`), after one of them ("the"), and the
    short name in brackets after it: "Pada Sabtu malam, Kantor PBB untuk Koordinasi Urusan
    Kemanusiaan (OCHA) sempat melaporkan ...", "On Friday night, the Ministry of Home Affairs said"."""
    if not links:
        return None
    link = "(?:" + "|".join(re.escape(w) for w in sorted(links, key=len, reverse=True)) + r")\s+"
    cap = r"[A-Z][\w.'’-]*"
    return re.compile(rf"\s*(?:[^\W\d_]+\s*)?,\s*(?:{link})?(?:{cap}\s+(?:{link})*)*{cap}(?:\s+\({cap}\))?"
                      rf"(?:\s+[^\W\d_A-Z][\w'’-]*)?\s*")


def _happening_anaphora(words: dict) -> re.Pattern | None:
    """One regex for words pointing back at a happening: those before its noun end the text
    searched ("that "), those after it open the text matched (" tersebut")."""
    parts = []
    if words.get("before"):
        parts.append(rf"(?<![\w-])(?:{alternation(words['before'])})\s+$")
    if words.get("after"):
        parts.append(rf"\A\s+(?:{alternation(words['after'])})(?![\w-])")
    return re.compile("|".join(parts), re.I) if parts else None


def _anchored_fused(data: dict) -> re.Pattern | None:
    """The `anchored_days` phrases whose last word is a fused prefix, matched fused to a noun."""
    prefixes = {p.casefold() for p in data.get("fused_prefixes", ())}
    phrases = [f for f in data.get("anchored_days", {}) if f.split()[-1].casefold() in prefixes]
    if not phrases:
        return None
    return re.compile(rf"(?<![\w-])({alternation(phrases)})-?(?=[^\W\d_])", re.I)


def _route(data: dict) -> re.Pattern | None:
    """Text ending right before a place on a route: a travel word, up to three words, an origin
    link ("flight 7C2216 from "), or a bound link ("bound for "), and the first place of a pair."""
    parts = []
    if data.get("route_words") and data.get("route_origins"):
        parts.append(rf"(?<![\w-])(?:{alternation(data['route_words'])})(?:\W+[\w-]+){{0,3}}?\W+"
                     rf"(?:{alternation(data['route_origins'])})\s+")
    if data.get("route_bound"):
        parts.append(rf"(?<![\w-])(?:{alternation(data['route_bound'])})\s+")
    if data.get("care_words") and data.get("care_links"):
        # the hospitals' towns, a list of them too ("di Balasore, Cuttack, dan Bhubaneswar")
        parts.append(rf"(?<![\w-])(?:{alternation(data['care_words'])})(?:\W+[\w-]+){{0,4}}?\W+"
                     rf"(?:{alternation(data['care_links'])})\s+(?:[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?\s*(?:,\s*|\s+(?:and|dan)\s+)){{0,4}}")
    if data.get("traveller_origins"):
        # where those aboard come from is where their journey began ("most of them from Pakistan")
        parts.append(rf"(?<![\w-])(?:{alternation(data['traveller_origins'])})\s+")
    # the second of a pair joined by a dash is on the route too ("rute Jakarta-Pontianak"), and so
    # are the country after a city on it ("after leaving Tobruk in Libya", "berangkat dari Tobruk,
    # Libya") and the places of a list ("from Pakistan, Syria and Egypt")
    links = rf"|,?\s+(?:{alternation(data['route_links'])})\s+" if data.get("route_links") else ""
    # a place on the way is a name, one or two capitalised words, or any two after an article ("in the Talaud
    # islands", "to the provincial capital, Manado"): never a verb, so the place where a ship "from Ternate
    # sank in the Maluku islands" is no place on its route
    name = r"(?:(?<=\bthe\s)[^\W\d_][\w.]*(?:\s+[^\W\d_][\w.]*)?|(?-i:[^\W\d_a-z])[\w.]*(?:\s+(?-i:[^\W\d_a-z])[\w.]*)?)"
    pair = rf"(?:{name}(?:\s*[-–]\s*|,\s+{links})){{0,3}}"
    return rule_regex(rf"(?:{'|'.join(parts)})(?:the\s+)?{pair}$", "route_words", re.I) if parts else None


_CAPITALISED = r"[A-Z][\w'’-]*[a-z][\w'’-]*"  # a capitalised word, not an acronym
GROUP_WORDS = r"(?:\s+[^\W\d_][\w'’-]*){1,3}"  # a group's noun after its figure: one to three words


def _subgroup_link(data: dict) -> re.Pattern | None:
    """After a figure: a few words, then a link and a subgroup noun ("101 were women") or a phrase
    setting the group among those counted ("were among the dead")."""
    kinds = []
    if data.get("subgroup_links") and data.get("subgroup_nouns"):
        kinds.append(rf"(?:{alternation(data['subgroup_links'])})\s+(?:{alternation(data['subgroup_nouns'])})")
    if data.get("among_counted"):
        kinds.append(rf"(?:{alternation(data['among_counted'])})")
    return re.compile(rf"(?:\s+[\w'’-]+){{0,3}}?\s+(?:{'|'.join(kinds)})(?![\w-])", re.I) if kinds else None


def _group_noun(nouns) -> re.Pattern | None:
    """Group nouns as one pattern; an entry opening with a hyphen is a suffix of the state's own word
    ("U.S.-based", "Iran-backed"), the others whole words."""
    words = [n for n in nouns if not n.startswith("-")]
    suffixes = [n for n in nouns if n.startswith("-")]
    parts = ([rf"(?<![\w-])(?:{alternation(words)})"] if words else []) \
        + ([rf"(?:{alternation(suffixes)})"] if suffixes else [])
    return re.compile(rf"(?:{'|'.join(parts)})(?![\w-])", re.I) if parts else None


def compile_framing(datas: list[dict]) -> Framing:
    data = {k: v for d in datas for k, v in d.items()}
    breaks = "|".join(f"(?:{b})" for b in data["clause_breaks"])
    return Framing(
        subject_side=data["subject_side"],
        windows={**WINDOWS, **data.get("windows", {})},
        clause_break=rule_regex(breaks, "clause_breaks", re.IGNORECASE),
        place_preposition=rule_regex(rf"(?<![\w-]){alternation(data['place_prepositions'])}\s+(?:\w+(?:['’]s)?\s+){{0,3}}$", "place_prepositions",
                   re.IGNORECASE),  # (a possessive among the words: "in Syria's Idlib province")
        undated_events=frozenset(data.get("undated_events", ())),
        owner_links=frozenset(w.casefold() for w in data.get("owner_links", ())),
        total_verbs=_table(data.get("total_verbs", []), "total"),
        part_markers=_table(data.get("part_markers", []), "part"),
        increment_before=_table(data.get("increment_before", []), "increment"),
        increment_after=_table(data.get("increment_after", []), "increment"),
        new_after=_table(data["new_after"], "increment") if data.get("new_after") else None,
        running_total_links=_table(data.get("running_total_links", []), "running_total"),
        sum_words=_table(data.get("sum_words", []), "sum"),
        besides_before=_table(data.get("besides_before", []), "besides"),
        besides_after=_table(data.get("besides_after", []), "others"),
        figure_anaphora=_table(data.get("figure_anaphora", []), "figure"),
        statement_anaphora=_table(_statement_forms(data.get("statement_anaphora", {})), "statement"),
        as_of_cues=_table(data.get("as_of_cues", []), "as_of"),
        end_cues=_table(data.get("end_cues", []), "end"),
        publication_cues=_table(data.get("publication_cues", []), "publication"),
        reaction_heads=_table(data.get("reaction_heads", []), "reaction"),
        attacker_types=frozenset(data.get("attacker_types", ())),
        about_links=_table(data.get("about_links", []), "about") if data.get("about_links") else None,
        own_people=re.compile(rf"[\s-]*{alternation(data['own_people'])}(?!\w)", re.IGNORECASE)
        if data.get("own_people") else None,
        opponent_links=re.compile(rf"(?<!\w){alternation(data['opponent_links'])}\s+$", re.IGNORECASE)
        if data.get("opponent_links") else None,
        own_side=re.compile(rf"(?<!\w){alternation(data['own_side'])}(?!\w)", re.IGNORECASE)
        if data.get("own_side") else None,
        honorifics=frozenset(h.casefold().rstrip(".") for h in data.get("honorifics", ())),
        anaphoric_speakers=_table(data.get("anaphoric_speakers", []), "speaker"),
        determiners=frozenset(w.casefold() for w in data.get("determiners", ())),
        named_only=frozenset(w.casefold() for w in data.get("named_only", ())),
        group_anaphors=frozenset(w.casefold() for w in data.get("group_anaphors", ())),
        continuations=_table(data.get("continuations", []), "continuation"),
        speech_goes_on=_table(data.get("speech_goes_on", []), "speech_goes_on"),
        location_cues=_table(data.get("location_cues", []), "location"),
        appositive_links=frozenset(w.casefold() for w in data.get("appositive_links", ())),
        share_links=_table(data.get("share_links", []), "share"),
        offset_words=frozenset(w.casefold() for w in data.get("offset_words", ())),
        earlier_cues=_table(data.get("earlier_cues", []), "earlier"),
        recovery_cues=_table(data.get("recovery_cues", []), "recovery"),
        recovery_measures=frozenset(data.get("recovery_measures", ())),
        possessives=tuple(data.get("possessives", ())),
        person_roles=_table(data.get("person_roles", []), "role"),
        phase_cues=AliasTable.build([(f, "sequel", False) for f in data.get("sequel_cues", [])]
                         + [(f, "all", False) for f in data.get("all_waves_cues", [])]
                         + [(f, "later", False) for f in data.get("later_happening_cues", [])]),
        sending_topics=frozenset(data.get("sending_topics", ())),
        sent_measures=frozenset(data.get("sent_measures", ())),
        child_victims=AliasTable.build([(f, child, False) for child, forms in data.get("child_victims", {}).items()
                                        for f in forms]) if data.get("child_victims") else None,
        venue_parts=AliasTable.build([(f, ident, False) for ident, forms in data.get("venue_parts", {}).items() for f in forms]),
        own_cause_types=frozenset(data.get("own_cause_types", ())),
        one_disaster_types=frozenset(data.get("one_disaster_types", ())),
        area_parts=AliasTable.build([(f, ident, False) for ident, forms in data.get("area_parts", {}).items() for f in forms]),
        after_only=frozenset(data.get("after_only", ())),
        adjacent_only=frozenset(data.get("adjacent_only", ())),
        verb_only_cues=frozenset(w.casefold() for w in data.get("verb_only_cues", ())),
        limit_measures=frozenset(data.get("limit_measures", ())),
        limit_links=frozenset(w.casefold() for w in data.get("limit_links", ())),
        happening_anchors=frozenset(w.casefold() for w in data.get("happening_anchors", ())),
        anchored_fused=_anchored_fused(data),
        not_counted=frozenset(w.casefold() for w in data.get("not_counted", ())),
        regional_government_before=re.compile(rf"(?<![\w-])(?:{alternation(data['regional_government_before'])})\s+$", re.I)
        if data.get("regional_government_before") else None,
        # (as written, capitalised: "Government Medical College Hospital" is a name, "government hospitals" are none)
        regional_name_after=re.compile(rf"\s+(?:[A-Z][\w.'-]*\s+){{0,5}}?(?:{alternation(data['regional_name_after'])})(?![\w-])")
        if data.get("regional_name_after") else None,
        regional_government_after=re.compile(rf"(?:{alternation(data.get('possessives', []))})?\s+"
                   rf"(?:{alternation(data['regional_government_after'])})(?![\w-])", re.I)
        if data.get("regional_government_after") else None,
        regional_government_bare=re.compile(rf"(?<![\w-])(?:{alternation(data['regional_government_bare'])})(?![\w-])", re.I)
        if data.get("regional_government_bare") else None,
        numbering_words=frozenset(w.casefold() for w in data.get("numbering_words", ())),
        inclusion_markers=re.compile(rf"(?<![\w-])(?:{alternation(data['inclusion_markers'])})(?![\w-])", re.I)
        if data.get("inclusion_markers") else None,
        destination=re.compile(rf"(?<![\w-])(?:{alternation(data['destination_words'])})\s+(?:the\s+)?$", re.I)
        if data.get("destination_words") else None,
        counted_shape=rule_regex(data["counted_shape"], "counted_shape") if data.get("counted_shape") else None,
        counted_things=frozenset(data.get("counted_things", ())),
        people_counted=frozenset(data.get("people_counted", ())),
        group_count_measures=frozenset(data.get("group_count_measures", ())),
        counted_outcomes={counted: AliasTable.build([(verb, outcome, False) for verb, outcome in verbs.items()])
                          for counted, verbs in data.get("counted_outcomes", {}).items()},
        thing_states={counted: frozenset(states) for counted, states in data.get("thing_states", {}).items()},
        state_links=frozenset(w.casefold() for w in data.get("state_links", ())),
        zero_counts=re.compile(rf"(?<![\w-])(?:{alternation(data['zero_counts'])})(?![\w-])", re.I)
        if data.get("zero_counts") else None,
        zero_links=frozenset(w.casefold() for w in data.get("zero_links", ())),
        zero_unknown_after=re.compile(rf"\s+(?:{alternation(data['zero_unknown_after'])})(?![\w-])", re.I)
        if data.get("zero_unknown_after") else None,
        zero_group_after=re.compile(rf"\s+(?:{alternation(data['zero_group_after'])})(?![\w-])", re.I)
        if data.get("zero_group_after") else None,
        zero_never=frozenset(data.get("zero_never", ())),
        share_groups=AliasTable.build([(form, group, False) for group, forms in data.get("share_groups", {}).items()
                                       for form in forms]),
        age_bound_groups=tuple((group, re.compile(rf"(?<![\w-])(?:{alternation(forms)})\s*$", re.I))
                               for group, forms in data.get("age_bound_groups", {}).items() if forms),
        excluded_groups=tuple((group, rule_regex(pattern, f"excluded_groups.{group}", re.IGNORECASE))
                              for group, pattern in data.get("excluded_groups", {}).items()),
        joint_links=frozenset(w.casefold() for w in data.get("joint_links", ())),
        own_links=frozenset(w.casefold() for w in data.get("own_links", ())),
        same_period_cues=_table(data.get("same_period_cues", []), "same_period"),
        ranking_next=_table(data.get("ranking_next", []), "ranking_next"),
        ranked_place=rule_regex(data["ranked_place"], "ranked_place", re.IGNORECASE) if data.get("ranked_place") else None,
        adverb_places=frozenset(w.casefold() for w in data.get("adverb_places", ())),
        group_then_joiner=re.compile(rf"{GROUP_WORDS}\s*(?:,\s*)?(?:{alternation(data.get('joint_links', []))}|,)\s*"
                                     if data.get("joint_links") else rf"{GROUP_WORDS}\s*,\s*", re.I),
        joint_cues=_table(data.get("joint_cues", []), "joint"),
        capital_cues=_table(data.get("capital_cues", []), "capital"),
        body_words=frozenset(w.casefold() for w in data.get("body_words", ())),
        state_titles=frozenset(w.casefold() for w in data.get("state_titles", ())),
        name_links=frozenset(w.casefold() for w in data.get("name_links", ())),
        defined_body=_defined_body(data.get("name_links", ())),
        body_run=_body_run(frozenset(w.casefold() for w in data.get("name_links", ()))),
        next_predicate=rule_regex("|".join(f"(?:{p})" for p in data["next_predicate"]), "next_predicate", re.I)
        if data.get("next_predicate") else None,
        appositive_openers=frozenset(w.casefold() for w in data.get("appositive_openers", ())),
        after_links=frozenset(w.casefold() for w in data.get("after_links", ())),
        post_links=frozenset(" ".join(w.casefold().split()) for w in data.get("post_links", ())),
        group_links=frozenset(w.casefold() for w in data.get("group_links", ())),
        relative_markers=frozenset(w.casefold() for w in data.get("relative_markers", ())),
        anchored_days=AliasTable.build([(f, str(n), False) for f, n in data.get("anchored_days", {}).items()]),
        colon_labels=frozenset(data.get("colon_labels", ())),
        home_country=data.get("home_country"),
        contrast_cues=_table(data.get("contrast_cues", []), "contrast"),
        comparisons=_table(data.get("comparisons", []), "comparison") if data.get("comparisons") else None,
        comparison_goes_on=frozenset(w.casefold() for w in data.get("comparison_goes_on", ())),
        controller=re.compile(rf"(?<![\w-])(?:{alternation(data['controller_cues'])})\s+$", re.I)
        if data.get("controller_cues") else None,
        named_joins=re.compile(rf"\b[A-Z][\w'’-]+,?\s+(?:{alternation(data['named_joins'])})\s+$")
        if data.get("named_joins") else None,
        list_goes_on=re.compile(rf"\s*,\s*(?:{alternation(data['named_joins'])})\s+[a-z]") if data.get("named_joins") else None,
        figure_alternatives=re.compile(rf"\s*(?:{alternation(data['figure_alternatives'])})\s*", re.I)
        if data.get("figure_alternatives") else None,
        guessed_measures=frozenset(data.get("guessed_measures", ())),
        # a comma or a conjunction, then a word of doubt, then a few words: "dead, perhaps we will come"
        guess_alternatives=re.compile(rf"[^.;:!?]{{0,60}}?(?:,|\b(?:and|or|dan|atau)\b)\s*(?:{alternation(data['guess_alternatives'])})"
                                      rf"(?![\w-])[^.,;:!?]{{0,30}}", re.I)
        if data.get("guess_alternatives") else None,
        route=_route(data),
        when_link=re.compile(rf"\s*(?:{alternation(data['when_links'])})\s", re.I) if data.get("when_links") else None,
        reason_link=re.compile(rf"(?<![\w'’-])(?:{alternation(data['reason_links'])})(?![\w'’-])", re.I)
        if data.get("reason_links") else None,
        origin=re.compile(rf"(?<![\w-])(?:{alternation(data['origin_words'])})\s+$", re.I) if data.get("origin_words") else None,
        facility=re.compile(rf"(?<![\w-])(?:{alternation(data['facility_words'])})\s+$")
        if data.get("facility_words") else None,
        group_noun=_group_noun(data.get("group_nouns", ())),
        operated_vehicle=_group_noun(data.get("operated_vehicles", ())),
        subgroup=re.compile(rf"(?:\s+(?:{alternation(data.get('subgroup_fillers', []))}))?[\s-]+"
                   rf"(?:{alternation(data['subgroup_nouns'])})(?![\w-])", re.I)
        if data.get("subgroup_nouns") else None,
        clause_openers=frozenset(w.casefold() for w in data.get("clause_openers", ())),
        finders=re.compile(rf"(?:{alternation(data['finders'])})(?![\w-])", re.I) if data.get("finders") else None,
        cue_joiners=frozenset(w.casefold() for w in data.get("cue_joiners", ())),
        speech_auxiliaries=frozenset(w.casefold() for w in data.get("speech_auxiliaries", ())),
        site_after=re.compile(rf"(?P<name>{_CAPITALISED}(?:\s+{_CAPITALISED})?)(?:\s+|{_apposition(data)})"
                   rf"(?i:{alternation(data['site_kinds_after'])})(?![\w-])")
        if data.get("site_kinds_after") else None,
        site_before=re.compile(rf"(?<![\w-])(?i:{alternation(data['site_kinds_before'])})\s+(?P<name>{_CAPITALISED}(?:\s+{_CAPITALISED})?)")
        if data.get("site_kinds_before") else None,
        relative_links=frozenset(w.casefold() for w in data.get("relative_links", ())),
        day_joiners=frozenset(w.casefold() for w in data.get("day_joiners", ())),
        complementizer=re.compile(rf"(?<![\w-])(?:{alternation(data['complementizers'])})(?![\w-])", re.I)
        if data.get("complementizers") else None,
        happening_days=data.get("happening_days", 7),
        subgroup_link=_subgroup_link(data),
        # the earlier figure may be a share ("up from 8% a day earlier"): its date is still its own
        # (the earlier count may give two figures joined by a link word: "up from 206 cases and 99 deaths two days earlier")
        earlier_figure=re.compile(rf"(?<![\w-])(?:{alternation(data['earlier_figure_cues'])})\s+\d[\d.,]*%?(?:\s+[\w-]+){{0,2}}"
                                  rf"(?:\s+(?:{alternation(data.get('joint_links', []) or ['and'])})\s+\d[\d.,]*%?(?:\s+[\w-]+){{0,2}})?\s+$", re.I)
        if data.get("earlier_figure_cues") else None,
        present_speech=_table(data.get("present_speech", []), "present"),
        present_marks=_table(data.get("present_marks", []), "present"),
        national=_national(data),
        unnamed_subject=rule_regex(rf",\s*(?i:{alternation(data['unnamed_subject_openers'])})\s+"
                   rf"(?!(?i:{alternation(data.get('unnamed_subject_not', []))})(?![\w-]))[\w'’ -]+?\s*$",
                   "unnamed_subject_openers")
        if data.get("unnamed_subject_openers") else None,
        proximity=re.compile(rf"(?<![\w-])(?:{alternation(data['proximity_words'])})\s+(?P<gap>(?:[\w'’-]+\s+){{0,3}})$", re.I)
        if data.get("proximity_words") else None,
        whole_before=re.compile(rf"(?:^|[,:]\s*|[\"“]\s*)(?:{alternation(data['whole_openers'])})\s+\d[\d.,]*(?![\d.,]*\s*(?:%|persen|percent))"
                   rf"[^,;:.!?\d]{{0,80}},\s*$", re.I)
        if data.get("whole_openers") else None,
        percent_measures=tuple(sorted(data.get("percent_measures", {}).items())),
        gaining_topics=frozenset(data.get("gaining_topics", ())),
        gained_measures=frozenset(data.get("gained_measures", ())),
        projection_measures=frozenset(data.get("projection_measures", ())),
        projected_measures=tuple(sorted(data.get("projected_measures", {}).items())),
        other_standard=re.compile(rf"(?<![\w-])(?:{alternation(data['other_standard_words'])})(?![\w-])", re.I)
        if data.get("other_standard_words") else None,
        other_standard_measures=tuple(sorted(data.get("other_standard_measures", {}).items())),
        pronoun_subject=re.compile(rf"(?<![\w-])(?:{alternation(data['subject_pronouns'])})(?:\s+[\w'’-]+)?\s+$", re.I)
        if data.get("subject_pronouns") else None,
        restating=re.compile(rf"(?<![\w-])(?:{alternation(data['restating_links'])})\s+$", re.I)
        if data.get("restating_links") else None,
        figure_subject=re.compile(rf"\s+(?:{alternation(data['figure_subject_verbs'])})(?![\w-])", re.I)
        if data.get("figure_subject_verbs") else None,
        not_source_links=frozenset(w.casefold() for w in data.get("not_source_links", ())),
        relative_pronoun=re.compile(rf"(?<![\w-])(?:{alternation(data['relative_pronouns'])})(?![\w-])", re.I)
        if data.get("relative_pronouns") else None,
        site_share=rule_regex("|".join(f"(?:{p})" for p in data["site_share"]), "site_share", re.I)
        if data.get("site_share") else None,
        since_words=re.compile(rf"(?:{alternation(data['since_words'])})\s", re.I) if data.get("since_words") else None,
        private_roles=_table(data.get("private_roles", []), "private_role"),
        money_measures=frozenset(data.get("money_measures", ())),
        undated_incidents=frozenset(data.get("undated_incidents", ())),
        earlier_date=re.compile(rf"(?<![\w-])(?:{alternation(data['earlier_figure_cues'])})\s+$", re.I)
        if data.get("earlier_figure_cues") else None,
        earlier_date_after_total=re.compile(rf"(?<![\w-])(?:{alternation(data['earlier_figure_after_total'])})\s+$", re.I)
        if data.get("earlier_figure_after_total") else None,
        acted_incidents=frozenset(data.get("acted_incidents", ())),
        earlier_figure_after_total=re.compile(rf"(?<![\w-])(?:{alternation(data['earlier_figure_after_total'])})\s+\d[\d.,]*(?:\s+[\w-]+){{0,2}}\s+$", re.I)
        if data.get("earlier_figure_after_total") else None,
        happening_anaphora=_happening_anaphora(data.get("happening_anaphora", {})),
        time_anaphora=re.compile(rf"\W*(?:{alternation(data['time_anaphora'])})(?![\w-])", re.I)
        if data.get("time_anaphora") else None,
        whole_area_cues=_table(data.get("whole_area_cues", []), "whole_area"),
        omission_verbs=_table(data["omission_verbs"], "omission") if data.get("omission_verbs") else None,
        ranking_cues=_table(data["ranking_cues"], "ranking") if data.get("ranking_cues") else None,
        recording_verbs=re.compile(rf"\s*(?:{alternation(data['recording_verbs'])})(?![\w-])", re.I)
        if data.get("recording_verbs") else None,
        earlier_happening_days=data.get("earlier_happening_days", 7),
        background_days=data.get("background_days", 14),
        day_part_after=re.compile(rf"\s*(?:\([^()]{{1,24}}\)\s*)?(?P<part>{alternation(data['day_parts'])})(?![\w-])", re.I)
        if data.get("day_parts") else None,
        day_part_order={" ".join(w.casefold().split()): n for w, n in data.get("day_parts", {}).items()},
        # a word may stand for the number ("di sejumlah kota", "in several cities"): many all the same
        many_regions=re.compile(rf"(?<![\w-])(?:{alternation(data['many_regions_links'])})\s+"
                   rf"(?:\d+|{alternation(data.get('many_regions_quantifiers', []))})\s+"
                   rf"(?:{alternation(data['many_regions_nouns'])})(?![\w-])", re.I)
        if data.get("many_regions_links") and data.get("many_regions_nouns") else None,
        # (a demonym may stand before the noun: "13 African countries", "several European nations")
        many_countries=re.compile(rf"(?<![\w-])(?:{alternation(data['many_regions_links'])})\s+"
                     rf"(?:\d+|{alternation(data.get('many_regions_quantifiers', []))})\s+"
                     rf"(?:(?-i:[A-Z])[\w'’-]*\s+)?(?:{alternation(data['many_countries_nouns'])})(?![\w-])", re.I)
        if data.get("many_regions_links") and data.get("many_countries_nouns") else None,
        many_countries_place=data.get("many_countries_place"),
        made_in=re.compile(rf"(?<![\w-])(?:{alternation(data['made_in_words'])})\s+$", re.I) if data.get("made_in_words") else None,
        nationality_before=re.compile(rf"(?<![\w-])(?:{alternation(data['nationality_words'])})\s+$", re.I)
        if data.get("nationality_words") else None,
        nationality_after=re.compile(rf"\s+(?:{alternation(data['nationality_nouns'])})(?![\w-])")
        if data.get("nationality_nouns") else None,
        firm_names=_firm_names(data),
        statement_setting=re.compile(rf"(?<![\w-])(?:{alternation(data['statement_settings'])})(?:\s+[\w'’-]+){{0,2}}?\s+$", re.I)
        if data.get("statement_settings") else None,
        site_anaphor=_site_anaphor(data),
        site_kind_words=frozenset(" ".join(k.casefold().split()) for k in site_kinds(data)),
    )


def site_kinds(data: dict) -> list[str]:
    """The kinds of site a name goes with, as a bare noun ("county of" -> "county")."""
    return list(data.get("site_kinds_after", [])) + [
        k[:-3] if k.endswith(" of") else k for k in data.get("site_kinds_before", [])]


def _site_anaphor(data: dict) -> re.Pattern | None:
    """"the county's toll", "the district": a kind after a pointing word, no name after it
    (a name would make it a site of its own: "the district of Lalo")."""
    if not data.get("site_anaphors") or not site_kinds(data):
        return None
    return re.compile(rf"(?<![\w-])(?i:{alternation(data['site_anaphors'])})\s+"
                      rf"(?P<kind>(?i:{alternation(site_kinds(data))}))(?:['’]s)?(?![\w'’-])(?!\s+(?:of\s+)?[A-Z])")


def _firm_names(data: dict) -> re.Pattern | None:
    """"PT Jasa Marga (Persero) Tbk" (name after the form), "Synergy Marine Corp" (before it): the
    name is the capitalised words, never the forms themselves."""
    before, after = data.get("firm_forms_before"), data.get("firm_forms_after")
    if not before and not after:
        return None
    forms_after = alternation(after or [])
    word = rf"(?!{forms_after}(?![\w-]))[A-Z][\w&'’-]*"
    return re.compile(
        rf"(?<![\w-]){alternation(before or [])}\s+(?P<name>{word}(?:\s+{word}){{0,4}})(?:\s+{forms_after})*(?![\w-])"
        rf"|(?<![\w-])(?P<name_before_form>{word}(?:\s+{word}){{0,3}})\s+{forms_after}(?![\w-])")


def _apposition(data: dict) -> str:
    """A site's kind set after its name by a comma and an article ("at Just-In-Time Recreation, a
    bowling alley"): framing `site_apposition` lists the articles."""
    if not data.get("site_apposition"):
        return "(?!)"
    return rf",\s+(?i:{alternation(data['site_apposition'])})\s+"


def _national(data: dict) -> re.Pattern | None:
    """Right after a figure: a nationality's noun, a link, then the country's capitalised name
    (group "state"); or a capitalised demonym (group "state") and the noun after it."""
    fillers = rf"(?:\s+(?:{alternation(data['subgroup_fillers'])}))?" if data.get("subgroup_fillers") else ""
    parts = []
    if data.get("national_nouns_before_country"):
        links = rf"(?:(?i:{alternation(data['national_links'])})\s+)?" if data.get("national_links") else ""
        parts.append(rf"(?i:{alternation(data['national_nouns_before_country'])})\s+{links}(?P<state>[A-Z][\w'’-]*)")
    if data.get("national_nouns_after_demonym"):
        parts.append(rf"(?P<demonym>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)\s+(?i:{alternation(data['national_nouns_after_demonym'])})(?![\w-])")
    if not parts:
        return None
    return rule_regex(rf"{fillers}\s+(?:{'|'.join(parts)})", "national_nouns")
