"""The goals `make peer` prints: each read over the rows it names, met or not."""
from bench.peer import goals

COMPARED = {"entailment_pairs": 300, "entailment_flagged": 0, "neutral_pairs": 207, "neutral_flagged": 0,
            "contradiction_pure_pairs": 44, "contradiction_pure_flagged": 36}


def row(suite, lang, dimension, cases, correct, out=0):
    return {"suite": suite, "lang": lang, "dimension": dimension, "cases": cases, "correct": correct,
            "out_of_scope": out}


def by_goal(rows, compared=COMPARED):
    return {g["goal"]: g for g in goals(rows, compared)}


def test_a_language_s_numbers_are_read_over_all_its_number_rows():
    found = by_goal([row("a", "en", "number", 100, 100), row("b", "en", "number_in_text", 27, 26),
                     row("c", "id", "number", 50, 48), row("d", "id", "ordinal", 10, 0)])
    assert found["numbers, en"]["cases"] == 127 and found["numbers, en"]["met"]  # 126/127 = 99.2 %
    assert found["numbers, id"]["correct"] == 48 and not found["numbers, id"]["met"]  # 96 %; ordinals are no numbers


def test_each_english_date_suite_and_its_out_of_scope_share_stand_alone():
    found = by_goal([row("duckling", "en", "date", 100, 96, out=5), row("rt", "en", "date", 100, 94, out=12)])
    assert found["duckling en date, in scope"]["met"] and not found["rt en date, in scope"]["met"]
    assert found["duckling en date: out of scope"]["met"]  # 5 of 105
    assert not found["rt en date: out of scope"]["met"]  # 12 of 112 is 10.7 %


def test_one_entailment_pair_flagged_misses_its_goal():
    found = by_goal([], dict(COMPARED, neutral_flagged=1))
    assert not found["IndoNLI entailment and neutral pairs flagged"]["met"]
    assert found["IndoNLI pure number/date substitutions flagged"]["met"]  # 36/44 = 81.8 %
