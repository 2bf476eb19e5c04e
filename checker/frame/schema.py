"""The framing rules' schema (rules/<lang>/framing.yaml as written): every field, its type and what it
means; checker.frame.settings compiles a loaded file into the framing the frame stage reads."""
from __future__ import annotations

from marshmallow import Schema, fields, validate

from checker.rulebook import valid_regex

WINDOWS = {
    "measure_after": 8,  # a figure and the counted noun or outcome after it
    "measure_before": 4,  # ... or before it
    "owner": 4,  # a counted noun and its owner ("tentara dari Korea Utara")
    "speaker_after": 10,  # an attribution cue and the speaker after it
    "speaker_before": 7,  # "..., the Pentagon said": a speaker just before the verb
    "pronoun": 5,  # a pronoun and the attribution verb it is the subject of
    "cue_before": 6,  # a total, increment, part or as-of cue and the figure or date after it
    "earlier_cue": 10,
    "recovery_cue": 3,  # a toll's figure and the recovery word beside it in its clause ("recovered 41 bodies", "42 jenazah telah diangkat")  # "In its first report on Saturday, OCHA had said at least 11,300": the clause's opening
    "cue_after": 5,  # an increment or part cue after a figure
    "modality_after": 2,  # a modality cue right after a figure
    "place_after": 10,  # a figure and the place it counts in after it, before one earlier in its clause counts
    "modality_before": 6,  # ... or before it in its clause ("plans to send up to 10,000")
    "event_date": 18,  # an incident or event noun and its date
    "appositive": 4,  # the start of an appositive after a name and the body it names
    "dateline": 4,  # words besides its dates in a byline or dateline ("World News | 15 September 2023")
    "speech_date": 5,  # a date and the attribution verb it dates ("On Wednesday, Minister X announced")
    "colon_speaker": 6,  # a headline's speaker before its colon ("BPBD Jatim: ...")
    "colon_source": 4,  # ... or its source closing it after its last colon ("...: EU intelligence")
    "subject_outcome": 16,  # a figure opening its clause and the outcome its long noun phrase leads to
    "speech_runs_on": 1,  # sentences of a paragraph after one with a speaker that go on with its account
    "figure_day": 4,  # a figure and the day right after it in a sentence of several days ("enam orang pada Kamis")
    "child_age": 8,  # a child's noun and its age after it ("anak perempuan seorang anggota Hizbullah yang baru berusia 10 tahun")
    "share_group": 4,  # a share's figure and the group it counts ("tujuh di antaranya warga sipil")
    "since_clause": 6,  # a since word and the day of what its phrase names ("since the first deaths on July 16")
    "compared_source": 3,  # a comparison word and the cue naming the source of what is compared ("than the toll announced by")
    # (in days) a day named this far before publication is recalled, and dates no figure of the next paragraph
    "recalled_days": 365,
    # (in days) a figure counted over a closed past span this long (months: "selama September hingga
    # Desember 2017", "from Sept. 20 to Dec. 31, 2017") holds as of the span's last day
    "counted_span_days": 28,
    # (in days) a figure release counted to a cut-off ("hingga Sabtu (27/4/2024)") and told up to this much
    # later ("kata Imran ..., Senin (29/4/2024)"): the figures told after still hold as of the cut-off
    "cutoff_told_days": 7,
}


class FramingSchema(Schema):
    subject_side = fields.String(required=True, validate=validate.OneOf(["after", "before"]))
    # how far apart, in words, two things may stand and still belong together
    windows = fields.Dict(keys=fields.String(validate=validate.OneOf(WINDOWS)),
                          values=fields.Integer(validate=validate.Range(min=0)), load_default=dict)
    clause_breaks = fields.List(fields.String(), required=True)  # regexes that end a clause
    place_prepositions = fields.List(fields.String(), required=True)  # "ke", "di", "to", "in"
    # events that name what durations are about rather than a dated happening ("war")
    undated_events = fields.List(fields.String(), load_default=list)
    # happenings no other one brings about (a fight between clans): a figure standing nearer one
    # of them than the article's happening in a sentence naming both is its own
    own_cause_types = fields.List(fields.String(), load_default=list)
    # types that tell of one weather disaster (a storm and the floods it brings): a sentence naming one of them
    # in an article whose happening is another tells of that happening, placed where the sentence places it
    one_disaster_types = fields.List(fields.String(), load_default=list)
    # words that may stand between a counted noun and its owner ("pasukan dari Korea Utara")
    owner_links = fields.List(fields.String(), load_default=list)
    # "naik menjadi 174", "rose to 62": the figure is the total of a measure named earlier
    total_verbs = fields.List(fields.String(), load_default=list)
    # "dari jumlah itu, 34 ...", "of them": a part of the figure before, not a total
    part_markers = fields.List(fields.String(), load_default=list)
    # a noun after these names a part of the figure before, not what it counts ("46 people,
    # including the crew", "46 orang termasuk awak kapal")
    inclusion_markers = fields.List(fields.String(), load_default=list)
    # a name after these is where something goes, never who speaks ("sent troops to Russia,
    # officials say"); "officials in Kyiv said" keeps its speaker
    destination_words = fields.List(fields.String(), load_default=list)
    # a place a journey starts from or is bound for is on its route, not where anything in the
    # sentence happened ("flight 7C2216 from Bangkok", "pesawat yang terbang dari Bangkok",
    # "bound for Jakarta"): a travel word, then an origin link a few words on; or a bound link
    route_words = fields.List(fields.String(), load_default=list)
    route_origins = fields.List(fields.String(), load_default=list)
    route_bound = fields.List(fields.String(), load_default=list)
    # where the hurt are taken or treated is not where it happened either ("dirawat di rumah sakit
    # di Balasore", "taken to hospitals in Cuttack"): a care word, a few words, then a link
    care_words = fields.List(fields.String(), load_default=list)
    care_links = fields.List(fields.String(), load_default=list)
    route_links = fields.List(fields.String(), load_default=list)
    traveller_origins = fields.List(fields.String(), load_default=list)
    # "2,000 more troops", "bertambah 12": an increment, not a total
    increment_before = fields.List(fields.String(), load_default=list)
    increment_after = fields.List(fields.String(), load_default=list)
    # "12 new deaths", "12 kematian baru": the additions of a day, even after a total verb ("recorded")
    new_after = fields.List(fields.String(), load_default=list)
    # what carries a figure into a new total later in the sentence: the figure is what was added
    # ("pulled 14 bodies from the mud, bringing the toll to 21", "menemukan tiga jenazah, sehingga
    # total korban meninggal menjadi 21 orang")
    running_total_links = fields.List(fields.String(), load_default=list)
    # a sum after the parts it adds up ("178 passengers ... and five cabin crew, a total of 188
    # people", "dua pilot dan enam awak kabin, total 189 orang"): the whole the parts make
    sum_words = fields.List(fields.String(), load_default=list)
    # "another 982", "a further 20": more of a measure the article counted before, else a
    # figure of its own ("Another 982 people were injured" after the dead)
    besides_before = fields.List(fields.String(), load_default=list)
    # ... or right after its noun: "tiga jenazah lainnya", "three others"
    besides_after = fields.List(fields.String(), load_default=list)
    # "Raisi, the foreign minister and six others were killed": the link between named people
    # and an "others" figure, which then counts the rest of the toll, not its whole
    named_joins = fields.List(fields.String(), load_default=list)
    # "Angka itu diumumkan X", "the figure was given by X": X speaks the sentence before
    figure_anaphora = fields.List(fields.String(), load_default=list)
    # "Hal itu disampaikan X, Minggu (2/10)", "The remarks came on Tuesday": a noun pointing back
    # and a verb of telling (an adverb between them may stand) opening a sentence: the sentence
    # before was told by X, as of the day this one names
    statement_anaphora = fields.Dict(keys=fields.String(validate=validate.OneOf(["nouns", "between", "verbs"])),
                                     values=fields.List(fields.String()), load_default=dict)
    # "per", "hingga", "as of": a date after these is a figure's reference time
    as_of_cues = fields.List(fields.String(), load_default=list)
    # words before a day that say when a happening ended ("brought the blaze under control early on
    # Saturday", "api baru padam pada Sabtu"): that day is not when it happened
    end_cues = fields.List(fields.String(), load_default=list)
    # words before a month or year that make it when a report came out ("a study published in May",
    # "kajian yang terbit pada Mei lalu"): no past period its figures count
    publication_cues = fields.List(fields.String(), load_default=list)
    reaction_heads = fields.List(fields.String(), load_default=list)
    # between a day and an incident after it: what the day's act is about ("arrested on Thursday over the stampede")
    about_links = fields.List(fields.String(), load_default=list)
    # happenings someone carries out (an attack): a state right at its word ("Israel menggempur", "serangan Israel")
    # carries it out, and is not where it was
    attacker_types = fields.List(fields.String(), load_default=list)
    # right after a figure, a state's own people by a possessive ("169 of its pilgrims", "464 warganya"):
    # the state named before the figure owns them, as "169 Iranians" would
    own_people = fields.List(fields.String(), load_default=list)
    own_side = fields.List(fields.String(), load_default=list)
    opponent_links = fields.List(fields.String(), load_default=list)
    # ranks and honorifics between a title and a name ("Irjen", "drg", "Gen.")
    honorifics = fields.List(fields.String(), load_default=list)
    # a service written right after a rank, part of the rank ("Marsdya TNI Mohammad Syafii", "Irjen Pol Nico")
    # "juru bicara itu", "a spokesman", "the agency": the last named body speaks
    anaphoric_speakers = fields.List(fields.String(), load_default=list)
    # the words of an anaphor that point rather than name ("the", "itu"): "the agency" is the
    # last body named with "agency"
    determiners = fields.List(fields.String(), load_default=list)
    # the heads of anaphors that name an office ("the governor", "bupati itu"): only a body named
    # so before speaks, never merely the last speaker (the police are no governor)
    named_only = fields.List(fields.String(), load_default=list)
    # the heads of anaphors that name a group ("officials", "para pejabat"): never one person
    # named alone before, who speaks for no body the tables know
    group_anaphors = fields.List(fields.String(), load_default=list)
    # "Sesudahnya, 10 tembakan ...": a sentence opening so goes on with the last speaker's account
    continuations = fields.List(fields.String(), load_default=list)
    # "Abiad menambahkan bahwa ...", "he added": the speaker goes on with the same telling, of its day
    speech_goes_on = fields.List(fields.String(), load_default=list)
    # "sehari sebelum kick off", "two days after the quake": a length before these is the gap
    # between two happenings, not time elapsed up to the report
    offset_words = fields.List(fields.String(), load_default=list)
    # "124 dari 125", "four of the 19": what stands between a share and its whole
    share_links = fields.List(fields.String(), load_default=list)
    # "laporan awal ... 130", "initially put the toll at": a figure its own source has since replaced
    earlier_cues = fields.List(fields.String(), load_default=list)
    # "recovered 41 bodies", "42 jenazah telah diangkat": beside a figure of one of `recovery_measures`, a count of
    # the bodies brought out so far, which stays below the toll of the dead (all 67 killed while 41 are recovered)
    recovery_cues = fields.List(fields.String(), load_default=list)
    recovery_measures = fields.List(fields.String(), load_default=list)
    # right before a past period, these make it the same stretch of that year ("periode yang sama tahun lalu",
    # "the same period of 2023"): a count as of the same day then, not of the year's end
    same_period_cues = fields.List(fields.String(), load_default=list)
    # the outlet setting one figure against another's ("higher than the one given by", "jauh lebih
    # tinggi dibanding"): figures of two sources it reports as disagreeing, in that sentence or the next
    contrast_cues = fields.List(fields.String(), load_default=list)
    # a comparison ("far fewer than the toll announced by Hamas", "jauh lebih sedikit dari angka yang
    # diumumkan Hamas"): the source named after it is the compared figure's, not the sentence's speaker
    comparisons = fields.List(fields.String(), load_default=list)
    # ...unless a relative word after it lets that source go on to give its own ("..., who said 19")
    comparison_goes_on = fields.List(fields.String(), load_default=list)
    # the word joining a disputed figure to its alternative ("not 200 or 500 dead"): disputed too
    figure_alternatives = fields.List(fields.String(), load_default=list)
    # a toll guessed before it is counted is what it may come to, no reading of it (a forecast): the measures no
    # one plans ("there will be several hundred dead"), and the words that go on from such a guess to a higher one
    # ("several hundred, perhaps close to a thousand, even several thousand")
    guessed_measures = fields.List(fields.String(), load_default=list)
    guess_alternatives = fields.List(fields.String(), load_default=list)
    # who runs a body named before ("the ministry, which is run by Hamas, said", "kementerian yang
    # dikelola Hamas itu menyebut"): the body speaks, not the one running it
    controller_cues = fields.List(fields.String(), load_default=list)
    # a conjunction after a date opening the clause of the happening it dates ("on Monday when ...")
    when_links = fields.List(fields.String(), load_default=list)
    # a conjunction opening a clause of reason ("the toll could rise because dozens were missing"): an
    # outcome named before it is the main clause's, never the measure of a figure after it
    reason_links = fields.List(fields.String(), load_default=list)
    # words that open a clause said or reported ("said on Tuesday that the quake ...", "menyatakan pada
    # Selasa bahwa gempa ..."): a day before them is the telling's, never the happening's after them
    complementizers = fields.List(fields.String(), load_default=list)
    # words joining two days of one happening ("on Tuesday and Wednesday", "pada Selasa dan Rabu")
    day_joiners = fields.List(fields.String(), load_default=list)
    # the most days a run of days ("17-18 September") or a happening's waves may span
    happening_days = fields.Integer(load_default=7, validate=validate.Range(min=1))
    # words after a comma that go on telling of the noun before it ("the quake, which struck on
    # Monday"); another lower-case word after a comma opens a clause of its own
    relative_links = fields.List(fields.String(), load_default=list)
    # words that open a clause without naming anyone ("while", "and", "sementara"): a clause
    # with other words before its own cue names its own source ("while the search agency put
    # the toll at 15"), whom the sentence's speaker does not speak for
    clause_openers = fields.List(fields.String(), load_default=list)
    # those who find or pull out what a clause counts ("rescuers have recovered 31 bodies"): no
    # source of their own, so a tag closing the sentence speaks for their clause too
    finders = fields.List(fields.String(), load_default=list)
    cue_joiners = fields.List(fields.String(), load_default=list)
    # words that may stand between a name no table knows and the verb it speaks by ("Abdulaziz Aydin had put
    # the toll at 10", "Abdulaziz Aydin sebelumnya telah mengatakan"): the name still speaks
    speech_auxiliaries = fields.List(fields.String(), load_default=list)
    # kinds of place a name no table knows goes with: after it ("Jajarkot district") or before
    # it ("distrik Jajarkot", "the village of Lalo"); the name is then a place of its own
    site_kinds_after = fields.List(fields.String(), load_default=list)
    site_apposition = fields.List(fields.String(), load_default=list)  # "Just-In-Time Recreation, a bowling alley"
    site_kinds_before = fields.List(fields.String(), load_default=list)
    # words before a site's kind that point back at the last site of that kind ("the county's toll")
    site_anaphors = fields.List(fields.String(), load_default=list)
    # reporting verbs in the present ("the ministry says", "has estimated"): what they tell holds
    # as of the report, not as of a day an earlier paragraph named
    present_speech = fields.List(fields.String(), load_default=list)
    present_marks = fields.List(fields.String(), load_default=list)
    # words before a country something comes from ("perusahaan asal Taiwan, Gold Apollo,")
    origin_words = fields.List(fields.String(), load_default=list)
    # words opening a facility's name ("RS Pertamina Jaya", "RS Polri"): the body after them names the place
    facility_words = fields.List(fields.String(), load_default=list)
    # groups a demonym beside them only describes ("the Lebanese militant group")
    group_nouns = fields.List(fields.String(), load_default=list)
    # vehicles an operator's name beside them only labels ("a Malaysia Airlines jet", "pesawat Garuda Indonesia")
    operated_vehicles = fields.List(fields.String(), load_default=list)
    # a figure right before one of these counts a group among those its measure counts ("40
    # dewasa, 7 anak-anak", "43 adults, seven children", "killing 12 children"): a share, never
    # a rival of the whole
    subgroup_nouns = fields.List(fields.String(), load_default=list)
    # a verb that says what a counted group is ("98 korban tewas adalah perempuan", "101 were
    # women"): a subgroup noun right after it makes the figure a share too
    subgroup_links = fields.List(fields.String(), load_default=list)
    # what says a counted group is among those a toll counts, after the group ("Four soldiers were
    # among the dead", "empat prajurit termasuk di antara korban tewas"): a share too
    among_counted = fields.List(fields.String(), load_default=list)
    # what sets a figure against the earlier one ("157 injured, up from 151 a day earlier"):
    # the date right after that earlier figure is its day, not the new figure's
    earlier_figure_cues = fields.List(fields.String(), load_default=list)
    # a bare "from"/"dari" with a figure after a total verb: that figure's day follows ("rose to 15
    # on Tuesday from 9 on Monday")
    earlier_figure_after_total = fields.List(fields.String(), load_default=list)
    # a phrase opening the sentence or a clause that names the whole a figure after its comma
    # divides ("Dari 199 jemaah yang wafat, 72 orang ...", "Of the 199 pilgrims who died, 72 ..."):
    # the words that open it
    whole_openers = fields.List(fields.String(), load_default=list)
    # words that may stand between such a figure and its group ("empat lainnya WNA")
    subgroup_fillers = fields.List(fields.String(), load_default=list)
    # people of one nationality among those counted: a noun a country follows ("13 pekerja asal
    # China", "warga Indonesia") or a demonym precedes ("four Chinese nationals"): a share
    national_nouns_before_country = fields.List(fields.String(), load_default=list)
    national_links = fields.List(fields.String(), load_default=list)
    national_nouns_after_demonym = fields.List(fields.String(), load_default=list)
    # what opens a subject no table knows, right before its verb at a sentence's end ("..., the
    # operator of the industrial park said"): that one speaks, not an actor named before it
    unnamed_subject_openers = fields.List(fields.String(), load_default=list)
    # ...unless it is what the one named before put out ("..., the statement said")
    unnamed_subject_not = fields.List(fields.String(), load_default=list)
    # what joins a name to the body it speaks for after it: "Kais Fhakeri of the Red
    # Crescent", "Osama Hamad, who heads the eastern government," ("," is the appositive)
    appositive_links = fields.List(fields.String(), load_default=list)
    # words before the place where something happens ("di", "melanda", "hit"), unlike the
    # place people come from ("dari Jepang")
    location_cues = fields.List(fields.String(), load_default=list)
    # words before a landmark something happened by, not in ("a prison near the capital Jakarta",
    # "west of Jakarta"): a site the lead names with "in" is where it happened
    proximity_words = fields.List(fields.String(), load_default=list)
    # what makes a name the owner of the noun after it ("Iran's ambassador"), not a place
    possessives = fields.List(fields.String(), load_default=list)
    # what a person no rule knows is introduced as ("Yuli Sumpil, a conductor of ...", "Pendiri
    # Gold Apollo, Hsu Ching-kuang"): such a name speaks for itself
    person_roles = fields.List(fields.String(), load_default=list)
    # a later wave of a happening ("a second wave of blasts", "gempa susulan") and all its waves
    # together ("both waves", "kedua gelombang"): each counts figures of its own
    # the verbs (topics ids) whose subject owns the troops counted after them ("X sent 1,500
    # troops"), and the measures they own so
    # parts of a venue a figure may count in ("10 tembakan diarahkan ke tribun utara"): id -> forms
    # a child told with an age among the dead ("an eight-year-old girl"): description -> forms (the
    # girl, the boy), so outlets' different ages for that one child meet (child_victims.py)
    child_victims = fields.Dict(keys=fields.String(), values=fields.List(fields.String()), load_default=dict)
    venue_parts = fields.Dict(keys=fields.String(), values=fields.List(fields.String()), load_default=dict)
    # the part of a country a side holds ("government-held areas", "wilayah yang dikuasai
    # oposisi"), named anywhere in the figure's clause: the two sides' tolls are no rivals
    area_parts = fields.Dict(keys=fields.String(), values=fields.List(fields.String()), load_default=dict)
    # days counted from the day the text last named, not from publication ("the next day",
    # "keesokan harinya", "sehari sebelumnya"): phrase -> days after that day
    anchored_days = fields.Dict(keys=fields.String(), values=fields.Integer(), load_default=dict)
    # measures a figure counts only as the noun right after it, or after one of `after_links`
    # ("hundreds of pagers", "ribuan pager"): never a noun elsewhere in the clause ("pager
    # explosions kill 8" counts the dead)
    after_only = fields.List(fields.String(), load_default=list)
    # measures a figure counts only when the cue touches it ("an 11-year-old", "aged 62", "a girl
    # of eight"): never a figure further on ("an 11-year-old boy, and wounded 2,800")
    adjacent_only = fields.List(fields.String(), load_default=list)
    # cue words that are a verb only right before their figure ("Troops rescue 155 passengers", "Evakuasi
    # 40 Warga"): the same word elsewhere is a noun that counts nothing ("rescue workers", "tim evakuasi")
    verb_only_cues = fields.List(fields.String(), load_default=list)
    # measures that are a limit counted in another noun's units ("a capacity of 43 passengers",
    # "berkapasitas 43 penumpang"): a figure right after the cue, or after one of `limit_links`,
    # is the limit's, never a count of the noun after it
    limit_measures = fields.List(fields.String(), load_default=list)
    limit_links = fields.List(fields.String(), load_default=list)
    # `anchored_days` phrases that count from the happening named right after them ("the day after
    # the sinking", "sehari setelah kapal tenggelam"), not from the day the text named last
    happening_anchors = fields.List(fields.String(), load_default=list)
    # words written fused to the happening they count from ("tiga hari pascagempa", "sepekan pasca-banjir"):
    # an `anchored_days` phrase ending in one of them counts from the happening when fused to its noun
    fused_prefixes = fields.List(fields.String(), load_default=list)
    # a figure no measure claims counts the noun right after it ("19 members", "a 124-page
    # report", "233 rekaman video"), read as a plain count (facts.yaml: attribute); except these
    # words, which are no counted noun ("12 of them", "2 dari 5"), and after a numbering word
    # the figure names one thing ("Gate 13", "Pasal 359", "pukul 22.11")
    not_counted = fields.List(fields.String(), load_default=list)
    # words that make a region's name its government ("Ishikawa prefecture said", "Pemerintah
    # Prefektur Ishikawa", "the governor of Hatay"): before or after the place
    regional_government_before = fields.List(fields.String(), load_default=list)
    # words after a region's government words that make them an institution's name ("the Kallakurichi
    # Government Medical College Hospital"), no government speaking
    regional_name_after = fields.List(fields.String(), load_default=list)
    regional_government_after = fields.List(fields.String(), load_default=list)
    # a region's own officials named without the region ("..., provincial officials said"): the one region
    # the sentence names before them speaks
    regional_government_bare = fields.List(fields.String(), load_default=list)
    numbering_words = fields.List(fields.String(), load_default=list)
    # the shape of a counted noun phrase (head, or head and the word after it): an English plural,
    # an Indonesian word without a verb's prefix, an acronym
    counted_shape = fields.String(validate=valid_regex, allow_none=True, load_default=None)
    # measures of things no outcome befalls as counted: right after a figure, such a noun is what
    # it counts even with an outcome later in the clause ("in several cities, killing 2,300")
    counted_things = fields.List(fields.String(), load_default=list)
    # measures of people an outcome right before their figure befalls: "killed four soldiers",
    # "melukai lima prajurit" count the dead and the hurt among them, not a force's size
    people_counted = fields.List(fields.String(), load_default=list)
    # measures whose figure, told of one of the `share_groups` right after it, counts that group alone whether or not
    # a whole was given ("Three soldiers were aboard the helicopter"): a fact of its own (on_board/soldiers)
    group_count_measures = fields.List(fields.String(), load_default=list)
    # a verb right before a counted thing that says what befell it: {counted measure: {verb: outcome
    # measure}} ("merusak 56.000 rumah" counts the houses damaged, "inundated 2,300 homes" those flooded)
    counted_outcomes = fields.Dict(keys=fields.String(), values=fields.Dict(keys=fields.String(), values=fields.String()),
                                   load_default=dict)
    # what may befall a counted thing, told after it ("2,000 homes were damaged", "500 rumah yang rusak
    # berat"): {counted measure: [outcome measures]}, linked to it only by `state_links`
    thing_states = fields.Dict(keys=fields.String(), values=fields.List(fields.String()), load_default=dict)
    # words of none before an outcome ("no one was killed", "tidak ada korban jiwa"): a count of zero
    # (frame/zeros.py), only `zero_links` between, never before what says nothing is known yet
    zero_counts = fields.List(fields.String(), load_default=list)
    zero_links = fields.List(fields.String(), load_default=list)
    zero_unknown_after = fields.List(fields.String(), load_default=list)
    zero_group_after = fields.List(fields.String(), load_default=list)
    zero_never = fields.List(fields.String(), load_default=list)
    state_links = fields.List(fields.String(), load_default=list)
    # the groups a share of a toll may count ("including nine civilians", "dua di antaranya
    # anak-anak"): a share naming one is a fact of its own, the toll among that group
    share_groups = fields.Dict(keys=fields.String(), values=fields.List(fields.String()), load_default=dict)
    # a share named by an age bound after its figure ("50 of the dead were under 18", "50 di antaranya
    # berusia di bawah 18 tahun"): the words right before the age reading that make it a bound, by group
    age_bound_groups = fields.Dict(keys=fields.String(), values=fields.List(fields.String()), load_default=dict)
    # those a toll leaves out, named after its figure in its clause ("13 orang, tidak termasuk para pelaku",
    # "12 people, not counting the bombers"): the toll among the rest, a group's fact of its own (a regex by group)
    excluded_groups = fields.Dict(keys=fields.String(), values=fields.String(validate=valid_regex), load_default=dict)
    # places counted together: the words that join two ("Turkey and Syria", "Turki-Suriah") and
    # the phrases that name the pair named last ("both countries", "kedua negara")
    joint_links = fields.List(fields.String(), load_default=list)
    # a place then one of these then its figure ("Jawa Timur dengan 8.604 kasus", "East Java with 8,604"): the
    # figure is that place's own, though the word also joins two places
    own_links = fields.List(fields.String(), load_default=list)
    # a ranking's next item ("disusul Jawa Timur", "followed by East Java"): no place of the figure before it
    ranking_next = fields.List(fields.String(), load_default=list)
    # right after a place, what ranks it ("menjadi provinsi dengan kasus terbanyak", "remained the hardest-hit
    # province"): the sentence's figures after it are that place's (a regex)
    ranked_place = fields.String(validate=valid_regex, load_default=None)
    # places written as adverbs of scope ("Globally,", "Secara global,"): no preposition needed before them
    adverb_places = fields.List(fields.String(), load_default=list)
    joint_cues = fields.List(fields.String(), load_default=list)
    # "the capital": the capital of the country the story happens in
    capital_cues = fields.List(fields.String(), load_default=list)
    # "across all affected areas": a figure for the whole happening, in its country
    whole_area_cues = fields.List(fields.String(), load_default=list)
    # a figure a count left out ("the official tally missed 5,000 deaths"): no reading of the measure
    omission_verbs = fields.List(fields.String(), load_default=list)
    # a place named as the top of a ranking ("terbanyak di Jawa Tengah"): one part of the happening, never its site
    ranking_cues = fields.List(fields.String(), load_default=list)
    # a country that records the figure is its place: "Congo has reported 537 deaths", "RD Kongo mencatat 511 kematian"
    recording_verbs = fields.List(fields.String(), load_default=list)
    # "in 22 provinces", "dari 20 provinsi": a figure counted across many of the country's regions,
    # a happening spread across it (a link, a number, a region noun)
    many_regions_links = fields.List(fields.String(), load_default=list)
    many_regions_nouns = fields.List(fields.String(), load_default=list)
    many_regions_quantifiers = fields.List(fields.String(), load_default=list)
    # "from 13 African countries", "di 13 negara Afrika": a count across many countries, no one country's
    many_countries_nouns = fields.List(fields.String(), load_default=list)
    many_countries_place = fields.String(load_default=None)  # ... when the sentence names no region: the world's
    # where a firm or a product comes from, right before a country ("sirup buatan perusahaan India",
    # "syrups made in India"): its origin, no place a figure counts in
    made_in_words = fields.List(fields.String(), load_default=list)
    # a country named as a person's nationality, before it ("pilot berkebangsaan Selandia Baru") or
    # with a person's noun after it ("a New Zealand pilot"): who they are, not where anything happened
    nationality_words = fields.List(fields.String(), load_default=list)
    nationality_nouns = fields.List(fields.String(), load_default=list)
    # a firm no table knows, named with its legal form: a form before its name ("PT Jasa Marga")
    # or after it ("Synergy Marine Corp", "Jasa Marga Tbk"); the name speaks for the firm
    firm_forms_before = fields.List(fields.String(), load_default=list)
    firm_forms_after = fields.List(fields.String(), load_default=list)
    # where a statement was given ("dalam keterangan tertulis di Jakarta", "at a news conference in
    # Kupang"): the place right after is where it was said, not where a figure counts
    statement_settings = fields.List(fields.String(), load_default=list)
    # words that make a name an organisation's: an article's "Badan Gizi Nasional (BGN)" speaks,
    # its "Makan Bergizi Gratis (MBG)" programme does not
    body_words = fields.List(fields.String(), load_default=list)
    # titles a state's head holds ("President Tayyip Erdogan", "Presiden Joko Widodo"): with no body in their sentence
    # they are the last state's, never the firm or group the sentence before named last
    state_titles = fields.List(fields.String(), load_default=list)
    # small words inside a name of several capitalised words ("Badan Siber dan Sandi Negara",
    # "Head of Public Relations"): the name goes on after them
    name_links = fields.List(fields.String(), load_default=list)
    # a link and a verb that start another predicate: a place after them is that one's
    # ("killing 31 people and hitting a hospital in Kyiv"), unless the verb is a measure's
    # ("killed 12 and injured 30 in Kyiv")
    next_predicate = fields.List(fields.String(validate=valid_regex), load_default=list)  # the verb: group 1
    # words that open an appositive noun phrase, which may end the sentence ("..., said Kuber
    # Kadayat, a police spokesman.")
    appositive_openers = fields.List(fields.String(), load_default=list)
    # from the language's manifest: the country a report names none for is about
    home_country = fields.String(allow_none=True)  # absent from files: the manifest's stands
    after_links = fields.List(fields.String(), load_default=list)
    # a body right after one of these ("Duta Besar Ukraina untuk PBB", "Ukraine's ambassador to the UN") is the post
    # an envoy holds: the name after it speaks for the body named before the link
    post_links = fields.List(fields.String(), load_default=list)
    # two groups joined by one of `group_links` and followed by a relative clause (`relative_markers`) that
    # tells what befell them share its outcome ("10 siswa dan satu guru yang dilarikan ke rumah sakit")
    group_links = fields.List(fields.String(), load_default=list)
    relative_markers = fields.List(fields.String(), load_default=list)
    # actors' roles that before a headline's colon are a label, not its speaker ("Lebanon: ...")
    colon_labels = fields.List(fields.String(), load_default=list)
    sending_topics = fields.List(fields.String(), load_default=list)
    sent_measures = fields.List(fields.String(), load_default=list)
    # a percent figure is read only for a measure that takes one, and as which measure: "58,59
    # persen suara" is a share of the votes, "turnout of 81.78%" the turnout itself
    percent_measures = fields.Dict(keys=fields.String(), values=fields.String(), load_default=dict)
    # what an actor gains ("Prabowo won 96.2 million votes"): the figure right after a gaining
    # verb (a topic) is the actor's own before it, never its state's
    gaining_topics = fields.List(fields.String(), load_default=list)
    gained_measures = fields.List(fields.String(), load_default=list)
    # a measure whose mention in a figure's clause makes the figure a projection (a quick count):
    # the measure it then is
    projection_measures = fields.List(fields.String(), load_default=list)
    # a person's pronoun as a verb's subject, with an auxiliary or not ("saying he won", "he had
    # won"): the person named before it
    subject_pronouns = fields.List(fields.String(), load_default=list)
    # links that give a figure again in another unit ("96.2 million votes, or 58.6%")
    restating_links = fields.List(fields.String(), load_default=list)
    # pronouns opening a relative clause ("a tower that collapsed on Friday", "gedung yang runtuh
    # pada Jumat"): a date told there dates what the clause tells, not the sentence's figures
    relative_pronouns = fields.List(fields.String(), load_default=list)
    projected_measures = fields.Dict(keys=fields.String(), values=fields.String(), load_default=dict)
    # words that, anywhere in a figure's sentence, measure it by another standard than the
    # country's own (a poverty count by an international line in dollars a day): the measure it
    # then is, another fact than the national one
    other_standard_words = fields.List(fields.String(), load_default=list)
    other_standard_measures = fields.Dict(keys=fields.String(), values=fields.String(), load_default=dict)
    sequel_cues = fields.List(fields.String(), load_default=list)
    all_waves_cues = fields.List(fields.String(), load_default=list)
    # "Days after the Kuriga attack, gunmen abducted 61 people ... on March 11": a happening of the story's type
    # told after one of these, on a day of its own, is a later one (see events.phase_of)
    later_happening_cues = fields.List(fields.String(), load_default=list)
    # "10,000 are in Russia": verbs after a figure with no noun of its own
    figure_subject_verbs = fields.List(fields.String(), load_default=list)
    # between a source cue and a body, these make the body a place, not the source ("data di PDN")
    not_source_links = fields.List(fields.String(), load_default=list)
    # patterns naming one site that received or treats some of those counted ("the hospital had
    # received 161 wounded", "dirawat di rumah sakit itu"): a figure in their clause is that
    # site's share of the whole, never a rival of the toll
    site_share = fields.List(fields.String(validate=valid_regex), load_default=list)
    # words opening a date a count runs from ("sejak 7 Oktober": the dates rules read it as the day)
    since_words = fields.List(fields.String(), load_default=list)
    # words pointing back at the happening just told of, right before or after a generic noun
    # ("that disaster", "kecelakaan tersebut"): its figures are that happening's
    # words opening a sentence that point back to the time the sentence before told of ("Saat itu", "At the time")
    time_anaphora = fields.List(fields.String(), load_default=list)
    happening_anaphora = fields.Dict(keys=fields.String(validate=validate.OneOf(["before", "after"])),
                                     values=fields.List(fields.String()), load_default=dict)
    # how many days before the reported happening's a day dating a happening a sentence names is an
    # earlier happening's; below the lead, how many days before publication such a day is background
    earlier_happening_days = fields.Integer(load_default=7, validate=validate.Range(min=1))
    background_days = fields.Integer(load_default=14, validate=validate.Range(min=1))
    # a part of the day right after a day's name or date ("Selasa pagi", "Tuesday night") and its
    # order in the day: two figures of one body as of the same part of the same day cannot both hold
    day_parts = fields.Dict(keys=fields.String(), values=fields.Integer(validate=validate.Range(min=0)),
                            load_default=dict)
    # who a person no rule knows is when named right after it ("businessman Harvey Moeis",
    # "pengusaha Harvey Moeis", "terdakwa ..."): someone who speaks for themself, no body's voice
    private_roles = fields.List(fields.String(), load_default=list)
    # the measures a sum of money is read for ("kerugian negara Rp 300 triliun"); any other sum is not read
    money_measures = fields.List(fields.String(), load_default=list)
    # incident types a date beside their name never dates (a graft case runs for years)
    undated_incidents = fields.List(fields.String(), load_default=list)
    # incident types done by someone: a state owning one ("serangan Israel", "Israeli strikes") is who did
    # it, not where it struck nor where its toll counts
    acted_incidents = fields.List(fields.String(), load_default=list)
