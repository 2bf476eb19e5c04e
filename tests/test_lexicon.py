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
