"""`make peer` measures where dateparser's own parse of a date span our rules found agrees with
ours (bench/peer_dates.dateparser_agreement): one row of counts per language of the rules."""
from bench.peer_dates import dateparser_agreement


def test_a_row_per_language_whose_counts_add_up():
    rows = {r["lang"]: r for r in dateparser_agreement()}
    assert set(rows) == {"en", "id", "ms"}
    for row in rows.values():
        assert row["spans"] == row["agree"] + row["differ"] + row["dateparser_none"] + row["open"]
        assert 0 <= row["convention"] <= row["differ"]
        assert len(row["differ_examples"]) == min(row["differ"], 8)
    # measured when it was written: dateparser agrees on most spans the rules find in each language
    assert all(r["agree"] > r["differ"] - r["convention"] for r in rows.values())
    assert rows["id"]["spans"] > 300 and rows["ms"]["spans"] > 10
