"""`checker scan --engine dask`: the extraction over partitions on a Dask cluster (a local cluster
of two worker processes, and a cluster named by --scheduler) writes the report a single-process
scan writes, byte for byte; without Dask installed it is a clear error."""
from __future__ import annotations

import subprocess
import sys

import pytest

from test_cli import ROOT, SEEDS, checker, mixed_folder

pytest.importorskip("distributed", reason="the test extra installs dask[distributed]; checker[dask] is optional")


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    return mixed_folder(tmp_path_factory.mktemp("dask"), 10)


def _scan(folder, out, *options) -> bytes:
    run = checker("scan", folder, "--format", "json", "--out", out, "--fail-on", "never", *options)
    assert run.returncode == 2, run.stderr  # the broken file is skipped, the others reported
    assert "broken.md" in run.stderr
    return out.read_bytes()


def test_a_scan_on_a_local_dask_cluster_writes_the_single_process_report(folder, tmp_path):
    single = _scan(folder, tmp_path / "single.json", "--jobs", "1")
    assert b'"findings"' in single and b"broken.md" not in single
    assert _scan(folder, tmp_path / "dask.json", "--engine", "dask") == single


def test_a_scan_on_a_named_scheduler_writes_the_same_report(folder, tmp_path):
    from distributed import LocalCluster

    single = _scan(folder, tmp_path / "single.json", "--jobs", "1")
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        on_cluster = _scan(folder, tmp_path / "cluster.json", "--engine", "dask", "--scheduler", cluster.scheduler_address)
    assert on_cluster == single


def test_a_scheduler_without_the_dask_engine_is_refused():
    run = checker("scan", SEEDS, "--scheduler", "tcp://127.0.0.1:8786")
    assert run.returncode == 2 and "--engine dask" in run.stderr, run.stderr


def test_without_dask_the_engine_asks_for_the_extra():
    # Dask's distributed package made unimportable, as on an install without checker[dask]
    code = ("import sys\n"
            "class NoDask:\n"
            "    def find_spec(self, name, path=None, target=None):\n"
            "        if name.split('.')[0] in ('distributed', 'dask'):\n"
            "            raise ModuleNotFoundError(f'No module named {name!r}', name=name)\n"
            "sys.meta_path.insert(0, NoDask())\n"
            "from checker.cli import main\n"
            f"sys.exit(main(['scan', {str(SEEDS)!r}, '--engine', 'dask']))\n")
    run = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert run.returncode == 2, run.stderr
    assert "install checker[dask]" in run.stderr, run.stderr
    assert "Traceback" not in run.stderr
