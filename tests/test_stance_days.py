"""A stance is dated when it was taken: of two days its sentence names, the later one; the earlier
is the day of what it is about ("accused them of starting the fire on 2 February, the office said
on 23 March")."""
from checker.cli import scan_report

ARTICLES = {
    "en": ("Chile charges two men over deadly fires\n\n"
           "SANTIAGO, March 24 (Reuters) - Wildfires swept Viña del Mar, Chile, in February. Prosecutors accused "
           "two men of deliberately starting the fires on Friday, Feb. 2, the prosecutor's office said on "
           "Saturday, March 23. The suspects' lawyers denied the accusation."),
    "id": ("Jaksa Chile Tuduh Dua Pria Sulut Kebakaran\n\n"
           "Jakarta - Kebakaran hutan melanda Viña del Mar, Chile. Jaksa menuduh dua pria sengaja menyalakan api "
           "pada Jumat (2/2/2024), seperti dikutip AFP, Sabtu (23/3/2024). Kuasa hukum para tersangka membantah "
           "tuduhan tersebut."),
}


def _scan(tmp_path, lang):
    (tmp_path / "01.txt").write_text(f"---\nsource: Test\npublished: 2024-03-24\nlanguage: {lang}\n---\n"
                                     + ARTICLES[lang] + "\n", encoding="utf-8")
    report, _ = scan_report([str(tmp_path)])
    return report if isinstance(report, dict) else report.__dict__


def test_accusation_dated_when_made_en(tmp_path):
    report = _scan(tmp_path, "en")
    stances = [c for c in report["claims"] if c["kind"] == "stance"]
    assert {str(c["when"]) for c in stances} == {"2024-03-23"}, stances
    assert any(f["dimension"] == "stance" and f["type"] == "conflict" for f in report["findings"])


def test_accusation_dated_when_made_id(tmp_path):
    report = _scan(tmp_path, "id")
    stances = [c for c in report["claims"] if c["kind"] == "stance"]
    assert {str(c["when"]) for c in stances} == {"2024-03-23"}, stances
    assert any(f["dimension"] == "stance" and f["type"] == "conflict" for f in report["findings"])
