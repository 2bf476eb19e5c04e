"""The word-list engines: alias matching, actor governments, the place hierarchy."""
from checker.recognise.lexicon import AliasTable


def test_alias_table_prefers_longest_and_respects_case():
    table = AliasTable.build([("Korea", "korea", False), ("Korea Utara", "north_korea", False),
                              ("AS", "united_states", True)])
    found = [(t, i) for _, _, i, t in table.find("Korea Utara dan AS, as well as korea")]
    assert found == [("Korea Utara", "north_korea"), ("AS", "united_states"), ("korea", "korea")]


def test_alias_spaces_match_any_whitespace():
    table = AliasTable.build([("Korea Utara", "north_korea", False)])
    assert [i for *_, i, _ in table.find("Korea\n  Utara")] == ["north_korea"]


def test_aliases_need_word_boundaries():
    table = AliasTable.build([("AS", "united_states", True), ("Rusia", "russia", False)])
    assert table.find("KASUS Rusian") == []


def test_governments_and_places(rules):
    id_rules = rules.for_language("id")
    actors, places = id_rules["actors"], id_rules["places"]
    assert actors.government("peskov") == "russia"
    assert actors.government("russia") == "russia"
    assert actors.role("reuters") == "conduit"
    assert places.within("kursk", "russia")
    assert not places.within("russia", "kursk")
    assert places.country("kursk") == "russia"


def test_every_actor_government_is_an_actor(rules):
    actors = rules.for_language("en")["actors"]
    known = set(actors.roles)
    assert {actors.government(a) for a in known} <= known


def test_possessive_names_its_noun():
    table = AliasTable.build([("Lebanon", "lebanon", True)])
    assert [(t, i) for _, _, i, t in table.find("Lebanon's health ministry")] == [("Lebanon", "lebanon")]


def test_countries_come_from_packages_and_keep_the_hand_ids(rules):
    actors, places = rules.for_language("en")["actors"], rules.for_language("id")["places"]
    for ident in ("north_korea", "russia", "united_states", "south_korea", "ukraine", "lebanon", "libya"):
        assert actors.role(ident) == "state" and places.country(ident) == ident
    assert [m.value for m in actors.find("Korut and the Lebanese")] == ["north_korea", "lebanon"]
    assert places.within("beirut", "lebanon") and places.within("kanjuruhan", "east_java")


def test_bodies_speak_for_themselves_and_belong_to_a_state(rules):
    actors = rules.for_language("en")["actors"]
    assert actors.body("lebanon_health_ministry") == "lebanon_health_ministry"
    assert actors.government("lebanon_health_ministry") == "lebanon"
    assert actors.body("lavrov") == "russia_foreign_ministry" and actors.government("lavrov") == "russia"
    assert actors.body("putin") == "russia" and actors.body("russia") == "russia"
    assert actors.government("libya_red_crescent") == "libya_red_crescent"


def test_regional_word_tables_agree(rules):
    """actors.yaml and places.yaml each carry the Indonesian-to-English word table (a rule kind
    sees only its own files): they must not drift apart."""
    files = {f.path.name: f.data for f in rules.files if f.kind in ("actors", "places")}
    assert files["actors.yaml"]["regional"]["english"] == files["places.yaml"]["english"]
