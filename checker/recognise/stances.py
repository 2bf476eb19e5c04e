"""Stance cues: confirm / deny / accuse, the negations that flip or weaken them, and the
predicate lexicon's grammar that tells the frame stage what a stance is about.

A stance verb is found from the rule file's forms; the words just before it (and whole phrases
such as "neither confirmed nor denied", "fake news", "declined to comment") decide the label:
  confirm | deny | non_denial ("did not explicitly deny") | non_confirm ("could not confirm") |
  neutral ("declined to comment", "neither confirmed nor denied": says nothing either way).
An accusation ("blamed Israel", "menuding Israel sebagai dalang") is a confirmation whose agent
is the one accused. Each cue is a Mention whose value is a `StanceCue`: its label, its role
(report; accuse; contrast: "125, not 174" disputes the figure after it; self: "had nothing
to do with", the holder denies its own part) and whether it is
passive ("dibantah oleh X", "was denied by X": the holder follows the agent marker).

The same rule file holds the grammar of propositions (`predicates`, `themes`): which words of
the topics table are predicates and which are themes, which predicates are light ("involvement",
"link", "behind": they take their content from what they govern), which need a theme, which
negate another ("excessive" denies "justified"), and the words that negate a predicate
("never", "bukan") or refer back to the holder ("his country", "negaranya").
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from marshmallow import Schema, fields, validate

from checker.model import Mention
from checker.recognise.lexicon import AliasTable
from checker.recognise.prefilter import PatternSet
from checker.rulebook import LanguageRules, alternation, rule_regex

LABELS = ("confirm", "deny", "non_denial", "non_confirm", "neutral")
ROLES = ("report", "accuse", "contrast", "self")


@dataclass(frozen=True)
class StanceCue:
    """The value of a stance mention."""

    label: str  # confirm | deny | non_denial | non_confirm | neutral
    role: str = "report"  # report | accuse | contrast | self ("had nothing to do with")
    passive: bool = False

    def __str__(self) -> str:  # what `checker parse` prints
        extra = "" if self.role == "report" else f" ({self.role})"
        return self.label + extra + (" passive" if self.passive else "")


class ModifierSchema(Schema):
    # a regex that must match the text right before the verb (it is anchored at that end)
    before = fields.String(required=True)
    applies_to = fields.List(fields.String(validate=validate.OneOf(["confirm", "deny", "accuse"])),
                             required=True)
    # "keep": the verb's own label stands; "none": the verb states nothing ("untuk memastikan
    # penyebabnya", "in order to confirm": a purpose, what someone means to find out)
    label = fields.String(required=True, validate=validate.OneOf(LABELS + ("keep", "none")))
    name = fields.String(required=True)


class PhraseSchema(Schema):
    pattern = fields.String(required=True)
    label = fields.String(required=True, validate=validate.OneOf(LABELS))
    role = fields.String(load_default="report", validate=validate.OneOf(ROLES))
    name = fields.String(required=True)
    # an idiom that is a stance only when no other cue is in the sentence: "fake news" alone is
    # Peskov's denial; in "dismissed the reports as baseless" the verb is the stance
    alone = fields.Boolean(load_default=False)


class PredicateSchema(Schema):
    light = fields.Boolean(load_default=False)  # takes its content from what it governs
    requires_theme = fields.Boolean(load_default=False)  # generic words: "locked" needs doors
    themes = fields.List(fields.String(), load_default=list)  # the themes it takes, if limited
    negates = fields.String(load_default=None)  # "excessive" negates "justified"
    means = fields.String(load_default=None)  # "made" (of devices) means "manufacture"
    # who the proposition is about when no actor is named: "the doors were locked" (theme);
    # "someone" when a stance on it holds without knowing who ("admitted the centre was attacked");
    # "holder" when it is the holder's own unless another is named ("police admit failures");
    # "anyone" when even a speaker only saying it takes that stance ("menilai ledakan itu akibat
    # kelalaian perusahaan": whoever ran it was negligent); "whoever" when who did it is no part of
    # the fact at all ("the Army confirmed it had alerted police" and "denied police were warned"
    # are about one warning)
    agent = fields.String(load_default="actor",
                          validate=validate.OneOf(["actor", "theme", "someone", "holder", "anyone", "whoever"]))
    # whether where it happens is part of what it is ("deployed in Kursk"; not "made the pagers")
    placed = fields.Boolean(load_default=True)
    # whether a speaker saying it ("X said BAC made the pagers") is a stance of the speaker
    asserted = fields.Boolean(load_default=True)
    # whether a country right after its verb is where it goes ("supplying Russia with drones")
    object_place = fields.Boolean(load_default=False)
    # whether the first place after its words in their clause is where it came from ("the haze came
    # from fires in Indonesia"), though the agent finder took it for the doer
    origin_place = fields.Boolean(load_default=False)
    # whether the first actor after its words in their clause owns where it came from ("the oil came
    # from a pipe belonging to Pertamina", "berasal dari pipa milik Pertamina"): that owner is its
    # agent, else the holder's own ("berasal dari fasilitasnya")
    origin_owner = fields.Boolean(load_default=False)
    # whether it is placed where the article's happening is, whatever country its sentence names beside it
    # ("Saudi Arabia said it had warned German authorities" and "Germany denied receiving a warning from
    # Saudi Arabia" are one warning about the attack in Germany: the warner's and the warned's countries are
    # who gave and got it, not where)
    happening_place = fields.Boolean(load_default=False)
    # whether an actor named just before its word, after the cue, is whose it is ("BPOM said syrup
    # made by PT Afi Farma was contaminated"): a maker's product, not the speaker's own
    owner_before = fields.Boolean(load_default=False)
    # whether an actor named just before its active verb does it ("sources said Russian air defences shot
    # down the plane"), though the speaker's own act is the default; before a passive one it suffered it
    subject_before = fields.Boolean(load_default=False)
    # whether, with agent holder, the holder's own only when it denies it: no one owns up to spying, so one
    # telling of a spy balloon it does not say whose ("the Pentagon said it was tracking a surveillance
    # balloon") tells of someone's, while "Beijing denied the balloon was spying" denies its own
    denied_own = fields.Boolean(load_default=False)
    # the act whose place it takes when its sentence names none ("Trump called the three sites
    # destroyed" after "the US struck three sites in Isfahan": where the strike landed)
    follows = fields.String(load_default=None)
    # whether it is a thing's own fault (a vehicle's, a venue's: "a short circuit"), so an actor named
    # before its words is where it happened or who found it, never its doer
    own_fault = fields.Boolean(load_default=False)
    # with agent theme, the theme it is about when its sentence names none, whatever happening the article
    # tells and whoever the sentence names ("admitted passengers were not on the manifest", "denied it had
    # carried passengers off the manifest": a vehicle's list, in a fire as in a sinking)
    default_theme = fields.String(load_default=None)


class ThemeSchema(Schema):
    default = fields.String(load_default=None)  # the predicate a bare theme stands for (troops)
    as_ = fields.Dict(data_key="as", keys=fields.String(), values=fields.String(), load_default=dict)
    # people who act for whoever they belong to ("its soldiers killed"): never an agent of their own
    acts_for_owner = fields.Boolean(load_default=False)


class OverLimitSchema(Schema):
    limit = fields.String(required=True)  # the measure of the limit: capacity
    counts = fields.List(fields.String(), required=True)  # the measures a limit holds: tickets, on_board
    proposition = fields.String(required=True)  # "<agent>.<predicate>" a count above the limit confirms


class NotAPlaceSchema(Schema):
    before = fields.List(fields.String(), load_default=list)  # "Ukraine war": a name, not a place
    after = fields.List(fields.String(), load_default=list)  # "perang Ukraina"


class StancesSchema(Schema):
    verbs = fields.Dict(keys=fields.String(validate=validate.OneOf(["confirm", "deny", "accuse"])),
                        values=fields.List(fields.String()), required=True)
    suffixes = fields.List(fields.String(), load_default=list)  # enclitics: "membantahnya"
    passive = fields.String(required=True)  # regex on the verb form, or on the words before it
    agent_markers = fields.List(fields.String(), required=True)  # "oleh", "by"
    modifiers = fields.List(fields.Nested(ModifierSchema), load_default=list)
    phrases = fields.List(fields.Nested(PhraseSchema), load_default=list)  # whole-phrase cues
    # words after a verb that make it not a stance ("memastikan keamanan" = ensure security)
    not_stance_after = fields.Dict(keys=fields.String(), values=fields.List(fields.String()),
                                   load_default=dict)
    # verbs that are stances only before one of these words ("rejected the claim", not
    # "rejected the offer"), looked for within `needs_after_window` words
    needs_after = fields.Dict(keys=fields.String(), values=fields.List(fields.String()),
                              load_default=dict)
    needs_after_window = fields.Integer(load_default=4)
    # --- the grammar of propositions ---
    predicates = fields.Dict(keys=fields.String(), values=fields.Nested(PredicateSchema), load_default=dict)
    themes = fields.Dict(keys=fields.String(), values=fields.Nested(ThemeSchema), load_default=dict)
    incident_predicates = fields.Dict(keys=fields.String(), values=fields.String(), load_default=dict)
    # the theme an incident stands for when a predicate of its theme names none: "denied that a
    # blackout caused the sinking" is about the vessel of the article's sinking
    incident_themes = fields.Dict(keys=fields.String(), values=fields.String(), load_default=dict)
    negations = fields.List(fields.String(), load_default=list)  # "never", "bukan", "nothing to do with"
    # a count above the limit its article gives ("tiket dicetak hingga 42 ribu lembar" beside "kapasitas stadion
    # yang hanya 38 ribu"): who gives the count says the limit was exceeded (frame/over_limit.py)
    over_limit = fields.List(fields.Nested(OverLimitSchema), load_default=list)
    negation_window = fields.Integer(load_default=5)  # words before a predicate a negation reaches
    not_negating_after = fields.List(fields.String(), load_default=list)  # "not only", "tidak hanya"
    # "membantah kebocoran data akibat serangan ransomware": what follows is the cause, taken as
    # given, not what the stance is about when a predicate stands before it
    cause_links = fields.List(fields.String(), load_default=list)
    coordinators = fields.List(fields.String(), load_default=list)  # "Hezbollah and the cabinet"
    determiners = fields.List(fields.String(), load_default=list)  # "the" between them
    reflexives = fields.List(fields.String(), load_default=list)  # "his country", "negaranya"
    # words that make what follows no assertion of the speaker: "reports of", "to prevent", "could"
    unasserted = fields.List(fields.String(), load_default=list)
    # the same, right after it: "adulteration fears", "isu oplosan" told of, never asserted
    unasserted_after = fields.List(fields.String(), load_default=list)
    # phrases holding an unasserted word that name who is held, not the holding: "those detained had
    # been working illegally" asserts it of them; unless a link word after them names what they are
    # held over ("those arrested over the attack")
    held_named = fields.List(fields.String(), load_default=list)
    held_links = fields.List(fields.String(), load_default=list)
    # a question word standing as the predicate's agent ("could not confirm who had fired on the plant", "pihak mana
    # yang menembaki"): the act is at issue, its doer unnamed, never the holder's own
    unknown_agents = fields.List(fields.String(), load_default=list)
    higher = fields.List(fields.String(), load_default=list)  # "the higher toll": the larger figure
    # words right after a cue that point back to what was said before ("the report", "laporan itu")
    anaphors = fields.List(fields.String(), load_default=list)
    # anaphors that name an accusation ("denied the accusation", "membantah tuduhan itu"): one
    # rejects what one is accused of, so the holder is the agent of what was said before
    accusation_anaphors = fields.List(fields.String(), load_default=list)
    nouns = fields.List(fields.String(), load_default=list)  # "bantahan Polri": the holder follows
    # a predicate's form that is a verb: right after a cue its agent is the holder ("denied
    # sending troops", "membantah mengirim senjata"), unlike a noun ("denied the deployment")
    verbal = fields.String(load_default="(?!)")
    # words that make a measure a figure named without a number ("the death toll", "jumlah korban")
    figure_nouns = fields.List(fields.String(), load_default=list)
    # a name no table knows is an agent's id without these ("BAC Consulting KFT": bac_consulting)
    name_affixes = fields.List(fields.String(), load_default=list)
    auxiliaries = fields.List(fields.String(), load_default=list)  # "BAC had made", "telah membuat"
    # words that point back to something told (demonstratives): a capitalised run holding one is no
    # name ("Polisi: Isu Guru Rasis Itu Hoaks", "Police Say This Claim Is False")
    pointers = fields.List(fields.String(), load_default=list)
    # right after a reflexive word, what makes it an empty subject ("it was likely that ...", "it is
    # believed that ..."): then it refers to no one, least of all the holder
    expletive_after = fields.String(load_default="(?!)")
    # verbs that carry a predicate's noun ("carried out airstrikes", "melancarkan serangan udara"):
    # right after a cue, like a verb form, the holder does what the noun names
    support_verbs = fields.List(fields.String(), load_default=list)
    # a cue in the present ("holds Israel responsible") or after these words ("has promised
    # revenge"): the stance stands as of the report, not as of the day the story told last
    present_forms = fields.List(fields.String(), load_default=list)
    # what an accuser calls its adversary instead of naming it ("blamed \"the enemy\", the term the
    # group uses for Israel"): the accused is the next actor named that is not the accuser's side
    enemy_words = fields.List(fields.String(), load_default=list)
    # prepositions, besides the framing rules' own, after which a country's name is a place
    # ("came out of Hungary"), not the state acting
    place_prepositions = fields.List(fields.String(), load_default=list)
    not_a_place = fields.Nested(NotAPlaceSchema, load_default=lambda: {"before": [], "after": []})


@dataclass(frozen=True)
class Modifier:
    before: re.Pattern
    applies_to: frozenset
    label: str
    name: str


@dataclass(frozen=True)
class Predicate:
    light: bool = False
    requires_theme: bool = False
    themes: frozenset = frozenset()
    negates: str | None = None
    asserted: bool = True
    means: str | None = None
    agent: str = "actor"
    placed: bool = True
    object_place: bool = False  # a country right after its verb is where it goes
    owner_before: bool = False  # an actor just before its word (after the cue) is whose it is
    follows: str | None = None  # the act whose place it takes when its sentence names none
    origin_place: bool = False  # the first place after its words in their clause is where it came from
    origin_owner: bool = False  # the first actor after its words in their clause owns where it came from
    subject_before: bool = False  # an actor just before its active verb does it
    denied_own: bool = False  # the holder's own only in its denial; told of unnamed, someone's
    own_fault: bool = False  # a thing's own fault: an actor named before it never does it
    happening_place: bool = False  # placed where the article's happening is, whoever gave or got it
    default_theme: str | None = None  # the theme it is about when its sentence names none


@dataclass(frozen=True)
class Theme:
    default: str | None = None
    as_: tuple[tuple[str, str], ...] = ()
    acts_for_owner: bool = False

    def predicate_for(self, predicate: str) -> str:
        return dict(self.as_).get(predicate, predicate)

    @property
    def own(self) -> frozenset:
        """The predicates whose agent is whoever the theme belongs to ("North Korean troops"
        deploy for North Korea; "Gold Apollo pagers" are not made by their owner)."""
        return frozenset(p for p in (self.default, *dict(self.as_).values()) if p)


@dataclass(frozen=True)
class StanceRules:
    verbs: AliasTable
    passive: re.Pattern
    agent_markers: AliasTable
    modifiers: tuple[Modifier, ...]
    phrases: tuple[tuple[re.Pattern, str, str, str, bool], ...]  # pattern, label, role, name, alone
    not_stance_after: dict  # casefolded verb form -> compiled regex of following words
    needs_after: dict  # casefolded verb form -> regexes of the words it needs after (or before, at a clause's end)
    predicates: dict  # predicate id -> Predicate
    themes: dict  # theme id -> Theme
    incident_predicates: dict  # incident type -> predicate id
    negations: AliasTable
    negation_window: int
    not_negating_after: frozenset
    coordination: re.Pattern  # what may stand between coordinated holders
    reflexives: AliasTable
    unasserted: AliasTable
    higher: AliasTable
    anaphors: AliasTable
    nouns: frozenset
    verbal: re.Pattern
    figure_nouns: AliasTable
    place_preposition: re.Pattern
    name_affixes: frozenset
    auxiliaries: frozenset
    not_a_place_before: AliasTable
    not_a_place_after: AliasTable
    phrase_set: PatternSet | None = None  # the phrases with their prefilter
    enemy: re.Pattern | None = None  # right after an accusation: the accuser's word for its adversary
    present: frozenset = frozenset()  # cue words and words before a cue that put it in the present
    incident_themes: dict = field(default_factory=dict)  # incident type -> the theme it stands for
    cause_links: AliasTable | None = None
    support_verbs: frozenset = frozenset()  # casefolded words of verbs carrying a predicate's noun
    unasserted_after: AliasTable | None = None  # right after a predicate's word: "adulteration fears"
    pointers: frozenset = frozenset()  # casefolded demonstratives: a run holding one is no name
    expletive_after: re.Pattern | None = None  # after "it": an empty subject ("it was likely that")
    held_named: AliasTable | None = None  # "those detained", "yang ditahan": who is held, no holding
    held_links: AliasTable | None = None  # "over", "terkait": what the held are held over
    over_limit: tuple = ()  # (limit measure, frozenset of count measures, agent, predicate)
    unknown_agents: AliasTable | None = None  # "who", "pihak mana": a doer asked after, unnamed


def _check_regex(pattern: str, where: str) -> re.Pattern:
    return rule_regex(pattern, where, re.IGNORECASE)


def _words(forms, ident: str) -> AliasTable:
    return AliasTable.build([(f, ident, False) for f in forms])


def _anaphors(plain, accusations) -> AliasTable:
    """Anaphors after a cue, those naming an accusation marked so ("the accusation")."""
    return AliasTable.build([(f, "anaphor", False) for f in plain] + [(f, "accusation", False) for f in accusations])


def compile_stances(datas: list[dict]) -> StanceRules:
    verbs, agents, modifiers, phrases, not_after, needs = [], [], [], [], {}, {}
    passive, predicates, themes, incident_predicates, incident_themes = [], {}, {}, {}, {}
    negations, reflexives, higher, nap_before, nap_after = [], [], [], [], []
    not_negating, coordinators, determiners, unasserted, preps = [], [], [], [], []
    affixes, auxiliaries, anaphors, nouns, figure_nouns, enemy, present = [], [], [], [], [], [], []
    accusations, causes, support, unasserted_after, pointers = [], [], [], [], []
    held_named, held_links, over_limit, unknown_agents = [], [], [], []
    window, negation_window, verbal, expletive = 4, 5, "(?!)", "(?!)"
    for data in datas:
        for label, forms in data["verbs"].items():
            verbs += [(f + suffix, label, False) for f in forms for suffix in ("", *data["suffixes"])]
        agents += [(a, "agent", False) for a in data["agent_markers"]]
        passive.append(data["passive"])
        for m in data["modifiers"]:
            modifiers.append(Modifier(_check_regex(f"(?:{m['before']})\\s*$", m["name"]),
                                      frozenset(m["applies_to"]), m["label"], m["name"]))
        for p in data["phrases"]:
            phrases.append((_check_regex(p["pattern"], p["name"]), p["label"], p["role"], p["name"], p["alone"]))
        for verb, following in data["not_stance_after"].items():
            not_after[verb.casefold()] = _check_regex(rf"^\W*{alternation(following)}\b", verb)
        window = data["needs_after_window"]
        for verb, following in data["needs_after"].items():
            # the words after it, or before it when it ends its clause ("a claim the Kremlin rejects")
            needs[verb.casefold()] = (
                _check_regex(rf"^\W*(?:[\w'’-]+\W+){{0,{window}}}?{alternation(following)}\b", verb),
                _check_regex(rf"\b{alternation(following)}\W+(?:[\w'’-]+\W+){{0,{window}}}?$", verb))
        for ident, spec in data["predicates"].items():
            predicates[ident] = Predicate(spec["light"], spec["requires_theme"] or bool(spec["themes"]),
                                          frozenset(spec["themes"]), spec["negates"], spec["asserted"],
                                          spec["means"], spec["agent"], spec["placed"], spec["object_place"],
                                          spec["owner_before"], spec["follows"], spec["origin_place"],
                                          spec["origin_owner"], spec["subject_before"],
                                          spec["denied_own"], spec["own_fault"], spec["happening_place"],
                                          spec["default_theme"])
        for ident, spec in data["themes"].items():
            themes[ident] = Theme(spec["default"], tuple(sorted(spec["as_"].items())), spec["acts_for_owner"])
        for rule in data["over_limit"]:
            agent, _, predicate = rule["proposition"].partition(".")
            over_limit.append((rule["limit"], frozenset(rule["counts"]), agent, predicate))
        incident_predicates.update(data["incident_predicates"])
        incident_themes.update(data["incident_themes"])
        negations += data["negations"]
        negation_window = data["negation_window"]
        not_negating += data["not_negating_after"]
        causes += data["cause_links"]
        coordinators += data["coordinators"]
        determiners += data["determiners"]
        reflexives += data["reflexives"]
        unasserted += data["unasserted"]
        unasserted_after += data["unasserted_after"]
        held_named += data["held_named"]
        held_links += data["held_links"]
        unknown_agents += data["unknown_agents"]
        higher += data["higher"]
        preps += data["place_prepositions"]
        affixes += data["name_affixes"]
        anaphors += data["anaphors"]
        accusations += data["accusation_anaphors"]
        nouns += data["nouns"]
        figure_nouns += data["figure_nouns"]
        verbal = data["verbal"]
        auxiliaries += data["auxiliaries"]
        pointers += data["pointers"]
        if data["expletive_after"] != "(?!)":
            expletive = data["expletive_after"]
        support += [w for form in data.get("support_verbs", []) for w in form.split()]
        enemy += data["enemy_words"]
        present += data["present_forms"]
        nap_before += data["not_a_place"]["before"]
        nap_after += data["not_a_place"]["after"]
    for ident, spec in predicates.items():
        for target in (spec.negates, spec.means):
            if target and target not in predicates:
                raise ValueError(f"predicate {ident!r} names {target!r}, which is no predicate")
    for ident, spec in themes.items():
        for target in (spec.default, *dict(spec.as_).values()):
            if target and target not in predicates:
                raise ValueError(f"theme {ident!r} names {target!r}, which is no predicate")
    for ident, spec in predicates.items():
        if spec.default_theme is not None and spec.default_theme not in themes:
            raise ValueError(f"predicate {ident!r} names {spec.default_theme!r} as its theme, which is no theme")
    for _, _, _, predicate in over_limit:
        if predicate not in predicates:
            raise ValueError(f"over_limit: {predicate!r} is no predicate")
    for kind, theme in incident_themes.items():
        if theme not in themes:
            raise ValueError(f"incident_themes: {kind!r} names {theme!r}, which is no theme")
    return StanceRules(AliasTable.build(verbs), _check_regex("|".join(passive), "passive"),
                       AliasTable.build(agents), tuple(modifiers), tuple(phrases), not_after, needs,
                       predicates, themes, incident_predicates, _words(negations, "negation"),
                       negation_window, frozenset(w.casefold() for w in not_negating),
                       _coordination(coordinators, determiners), _words(reflexives, "reflexive"), _words(unasserted, "unasserted"), _words(higher, "higher"), _anaphors(anaphors, accusations), frozenset(w.casefold() for w in nouns),
                       _check_regex(verbal, "verbal"), _words(figure_nouns, "figure"),
                       _preposition(preps), frozenset(w.casefold() for w in affixes),
                       frozenset(w.casefold() for w in auxiliaries),
                       _words(nap_before, "name"), _words(nap_after, "name"),
                       PatternSet.build((p[0] for p in phrases), phrases),
                       _check_regex(rf"[\s\"“'‘]*{alternation(enemy)}\b", "enemy_words") if enemy else None,
                       frozenset(w.casefold() for w in present), incident_themes, _words(causes, "cause"),
                       frozenset(w.casefold() for w in support), _words(unasserted_after, "unasserted"),
                       frozenset(w.casefold() for w in pointers), rule_regex(expletive, "expletive_after", re.IGNORECASE),
                       _words(held_named, "held") if held_named else None,
                       _words(held_links, "held link") if held_links else None, tuple(over_limit),
                       _words(unknown_agents, "unknown agent") if unknown_agents else None)


def _preposition(words: list[str]) -> re.Pattern:
    return re.compile(rf"(?<![\w-]){alternation(words)}\s+(?:the\s+)?$", re.IGNORECASE)


def _coordination(coordinators: list[str], determiners: list[str]) -> re.Pattern:
    """Between two coordinated actors: a coordinator, perhaps a comma and a determiner
    ("Hezbollah and the Lebanese cabinet", "pemerintah Lebanon maupun Hizbullah")."""
    det = f"(?:{alternation(determiners)}\\s+)?" if determiners else ""
    return re.compile(rf"\s*,?\s*{alternation(coordinators)}\s+{det}", re.IGNORECASE)


def find_stances(text: str, rules: LanguageRules) -> list[Mention]:
    """Stance cues in a sentence. Mention.value is a StanceCue; rule names the verb or phrase
    and the modifier that changed its label."""
    stance: StanceRules = rules["stances"]
    found: list[Mention] = []
    taken: list[tuple[int, int]] = []
    idioms: list[Mention] = []
    phrases = stance.phrase_set.candidates(text) if stance.phrase_set is not None else stance.phrases
    for pattern, label, role, name, alone in phrases:
        for m in pattern.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            said = label
            if role == "accuse":  # "stopped short of holding Israel responsible"
                said = _modified("accuse", text[max(0, m.start() - 80):m.start()], stance)[0] or label
            cue = Mention("stance", m.group(), m.start(), m.end(), StanceCue(said, role), rule=f"phrase:{name}")
            (idioms if alone else found).append(cue)
            taken.append((m.start(), m.end()))
    for start, end, kind, form in stance.verbs.find(text):
        if any(s <= start < e for s, e in taken):
            continue
        folded = " ".join(form.split()).casefold()
        follow = stance.not_stance_after.get(folded)
        if follow is not None and follow.search(text[end:]):
            continue
        needed = stance.needs_after.get(folded)
        if needed is not None and not needed[0].search(text[end:]) \
                and not (re.match(r"\s*(?:[.,;!?\"”’)]|$)", text[end:]) and needed[1].search(text[max(0, start - 60):start])):
            continue
        before = text[max(0, start - 80):start]
        rule = f"verb:{form.casefold()}"
        label = "confirm" if kind == "accuse" else kind
        changed, name = _modified(kind, before, stance)
        if changed == "none":
            continue  # a purpose, not a stance: "olah TKP untuk memastikan penyebab kebakaran"
        if changed:
            label, rule = changed, f"{rule}+{name}"
        # "dibantah", "was denied (by X)": the holder is the agent, never the subject before
        passive = is_passive(stance, form, before)
        role = "accuse" if kind == "accuse" else "report"
        found.append(Mention("stance", form, start, end, StanceCue(label, role, passive), rule=rule))
    if not found:
        found = idioms[:1]
    return sorted(found, key=lambda m: m.start)


def is_passive(stance: StanceRules, form: str, before: str) -> bool:
    """Whether a verb stands in the passive: its own form ("dibantah", "diserang") or the words
    before it ("was denied", "were attacked"), a verbal form ("denying") never."""
    return bool(stance.passive.search(form) and not stance.verbal.search(form)) or bool(
        stance.passive.search(before[-25:]) and not stance.verbal.search(form))


def _modified(kind: str, before: str, stance: StanceRules) -> tuple[str | None, str]:
    """The label a modifier before a verb gives it ("did not deny": non_denial), if any."""
    for mod in stance.modifiers:
        if kind in mod.applies_to and mod.before.search(before):
            if mod.label == "keep":  # "tidak hanya membantah" stays a denial
                return None, mod.name
            return mod.label, mod.name
    return None, ""


def agent_after(text: str, rules: LanguageRules, pos: int) -> int | None:
    """Offset just after an agent marker ("oleh", "by") following a passive verb, if any."""
    for start, end, _, _ in rules["stances"].agent_markers.find(text[pos:pos + 40]):
        return pos + end
    return None


def label_of(cue: Mention) -> str:
    return cue.value.label if isinstance(cue.value, StanceCue) else str(cue.value)


def run_stance_example(example: dict, rules: LanguageRules):
    """A stance example: the labels of the cues found ("expect"); with "propositions", also the
    stance claims framing makes of the sentence, as "<stance> <proposition>" (a figure stance
    adds its value: "deny crowd_disaster@indonesia.deaths.figure 174")."""
    labels = [label_of(m) for m in find_stances(example["text"], rules)]
    if "propositions" not in example:
        return example["expect"], labels
    from checker.frame import frame
    from checker.model import Article, Sentence
    from checker.segment import split_sentences

    text = example["text"]
    article = Article(id="example", body=text, language=rules.language)
    sentences = split_sentences(text, rules) if example.get("article") else [Sentence(text, 0, len(text))]
    got = []
    for claim in frame(article, sentences, rules):
        if claim.kind != "stance":
            continue
        value = ""
        if claim.value is not None:
            low, high = claim.value.low, claim.value.high
            value = f" {_num(low)}" if low == high else f" {_num(low)}-{_num(high)}"
        got.append(f"{claim.stance} {claim.proposition}{value}")
    return (example["expect"], example["propositions"]), (labels, got)


def _num(x) -> str:
    if x is None:
        return "?"
    return str(int(x)) if float(x).is_integer() else str(x)
