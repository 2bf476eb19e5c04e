"""End-to-end: the real `checker` command in a subprocess, on the seeds and on bad input."""
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


def checker(*args, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "checker.cli", *map(str, args)], cwd=cwd,
                          capture_output=True, text=True, timeout=120)


def test_extract_json_follows_the_contract():
    run = checker("extract", SEEDS / "001_1e607148f1def720.txt", "--format", "json")
    assert run.returncode == 0, run.stderr
    report = json.loads(run.stdout)
    assert report["version"] == 1
    assert report["articles"][0]["id"] == "001_1e607148f1def720"
    claim = report["claims"][0]
    for field in ("id", "article", "kind", "subject", "measure", "value", "where", "when", "modality",
                  "speaker", "stance", "proposition", "evidence"):
        assert field in claim
    assert set(claim["evidence"]) >= {"text", "start", "end"}


def test_extract_table_lists_claims():
    run = checker("extract", SEEDS / "000_80da218001a5c4dd.txt")
    assert run.returncode == 0, run.stderr
    assert "8.000" in run.stdout or "8000" in run.stdout


def test_parse_prints_mentions():
    run = checker("parse", "sekitar 10.000 tentara tiba pada Senin", "--lang", "id", "--ref", "2024-10-29")
    assert run.returncode == 0, run.stderr
    out = json.loads(run.stdout)
    kinds = {m["kind"] for m in out["mentions"]}
    assert {"quantity", "date", "measure"} <= kinds
    quantity = next(m for m in out["mentions"] if m["kind"] == "quantity")
    assert quantity["value"]["low"] < 10000 < quantity["value"]["high"]
    day = next(m for m in out["mentions"] if m["kind"] == "date")
    assert day["value"]["day"] == "2024-10-28"


def test_parse_bad_ref_is_a_usage_error():
    run = checker("parse", "8.000", "--ref", "yesterday")
    assert run.returncode == 2 and "--ref" in run.stderr


def test_missing_file_is_a_usage_error(tmp_path):
    run = checker("extract", tmp_path / "nope.txt")
    assert run.returncode == 2 and "nope.txt" in run.stderr


def test_binary_file_is_reported_and_the_rest_goes_on(tmp_path):
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01\x02\xff\xfe")
    good = tmp_path / "good.txt"
    good.write_text((SEEDS / "000_80da218001a5c4dd.txt").read_text(encoding="utf-8"), encoding="utf-8")
    run = checker("scan", tmp_path, "--format", "json", "--fail-on", "never")
    assert "bad.txt" in run.stderr
    assert run.returncode == 2, run.stderr  # the good file is reported; the skipped one fails the scan
    assert [a["id"] for a in json.loads(run.stdout)["articles"]] == ["good"]


def test_nothing_readable_exits_2(tmp_path):
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe\x00")
    run = checker("scan", tmp_path)
    assert run.returncode == 2 and "bad.txt" in run.stderr


def test_an_old_baseline_is_refused_with_a_way_out(tmp_path):
    old = tmp_path / "baseline.json"
    old.write_text(json.dumps({"version": 1, "fingerprints": ["0cedb797008523b97d7ab8c9890f2da69e9f651c"]}))
    run = checker("scan", SEEDS / "000_80da218001a5c4dd.txt", "--baseline", old)
    assert run.returncode == 2
    assert "earlier checker" in run.stderr and "checker baseline" in run.stderr and str(old) in run.stderr


def test_baseline_file_names_its_scheme(tmp_path):
    out = tmp_path / "baseline.json"
    run = checker("baseline", SEEDS / "000_80da218001a5c4dd.txt", SEEDS / "001_1e607148f1def720.txt", "--out", out)
    assert run.returncode == 0, run.stderr
    baseline = json.loads(out.read_text())
    assert baseline["fingerprint_scheme"] == 5 and all(len(f) == 16 for f in baseline["fingerprints"])


def test_an_impossible_front_matter_date_skips_its_file_and_exits_2(tmp_path):
    (tmp_path / "bad.txt").write_text("---\npublished: 2024-13-45\n---\nPentagon: 8.000 tentara tiba.\n",
                                      encoding="utf-8")
    (tmp_path / "good.txt").write_text((SEEDS / "000_80da218001a5c4dd.txt").read_text(encoding="utf-8"),
                                       encoding="utf-8")
    run = checker("scan", tmp_path, "--format", "json", "--fail-on", "never")
    assert run.returncode == 2 and "Traceback" not in run.stderr
    assert "bad.txt" in run.stderr and "published" in run.stderr
    assert [a["id"] for a in json.loads(run.stdout)["articles"]] == ["good"]


def test_a_fifo_named_on_the_command_line_is_skipped_not_waited_on(tmp_path):
    import os

    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    run = checker("scan", fifo, SEEDS / "000_80da218001a5c4dd.txt", "--fail-on", "never")
    assert run.returncode == 2 and "pipe.txt" in run.stderr and "regular file" in run.stderr


def test_two_files_of_one_name_in_two_folders_keep_their_contradiction(tmp_path):
    for folder, figure in (("harian-a", "8.000"), ("harian-b", "12.000")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "story.txt").write_text(
            f"---\nsource: {folder}\npublished: 2024-11-04\n---\n"
            f"Pentagon mengatakan {figure} tentara Korea Utara telah tiba di Kursk pada 4 November 2024.\n",
            encoding="utf-8")
    run = checker("scan", tmp_path, "--format", "json")
    report = json.loads(run.stdout)
    assert sorted(a["id"] for a in report["articles"]) == ["harian-a/story", "harian-b/story"]
    assert run.returncode == 1
    assert any(f["type"] == "conflict" and len(set(f["articles"])) == 2 for f in report["findings"])


def mixed_folder(root: Path, synthetic: int) -> Path:
    """root/articles: the seeds, `synthetic` synthetic articles sharing their facts, and a file
    whose front matter is broken (skipped by a scan)."""
    from bench.corpus import article

    folder = root / "articles"
    folder.mkdir()
    for path in sorted(SEEDS.glob("*.txt")):
        (folder / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    for index in range(synthetic):
        name, text = article(index, target_bytes=1200)
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "broken.md").write_text("---\npublished: 2024-13-45\n---\nTeks.\n", encoding="utf-8")
    return folder


def test_scan_on_several_processes_writes_the_same_report_byte_for_byte(tmp_path):
    """--jobs N extracts in N processes and compares after: the report is the one a single
    process writes, for every format (the seeds, and synthetic articles sharing their facts)."""
    folder = mixed_folder(tmp_path, 12)
    for fmt in ("json", "markdown", "junit"):
        outputs = []
        for jobs in (1, 3):
            out = tmp_path / f"{fmt}_{jobs}.out"
            run = checker("scan", folder, "--format", fmt, "--out", out, "--fail-on", "never", "--jobs", jobs)
            assert run.returncode == 2, run.stderr  # the broken file is skipped, the others reported
            assert "broken.md" in run.stderr
            outputs.append(out.read_bytes())
        assert outputs[0] == outputs[1], fmt
    assert json.loads((tmp_path / "json_3.out").read_text(encoding="utf-8"))["findings"]


def test_scan_refuses_a_number_of_processes_below_one():
    run = checker("scan", SEEDS, "--jobs", "0")
    assert run.returncode == 2 and "at least 1" in run.stderr
