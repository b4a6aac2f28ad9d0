"""The game as a facilitator installs it: the built wheel in a fresh environment, run from a folder outside the clone.

The wheel is built from a copy of the sources (so the clone gets no build/ or
egg-info folder) and installed with --no-deps into a new virtual environment
that borrows the test environment's packages, so no download is needed.
"""

from __future__ import annotations

import importlib.metadata
import json
import os
import shutil
import site
import struct
import subprocess
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest

import game
from game.persistence.storage import DATA_DIR_VARIABLE, LOG_DIR_VARIABLE

REPO = Path(__file__).resolve().parent.parent
BUILD_INPUTS = ("pyproject.toml", "README.md", "LICENSE", "game")
SHIPPED_DATA = ("assets", "scenarios")  # folders of game/ that hold no code, only what the game reads
OFFLINE_SETUPTOOLS = 77  # the build backend pyproject.toml asks for; older ones are fetched by pip instead
TIMEOUT = 300  # s: a safety net for a stuck subprocess, not a measurement


@dataclass(frozen=True)
class Installed:
    wheel: Path
    venv: Path
    python: Path
    command: Path
    site_packages: Path
    elsewhere: Path  # an empty folder outside the clone: the working directory of every command
    env: dict[str, str]

    def run(self, *argv: str | Path, program: Path | None = None) -> subprocess.CompletedProcess:
        return subprocess.run(
            [str(program or self.command), *map(str, argv)],
            cwd=self.elsewhere,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=TIMEOUT,
        )


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Installed:
    work = tmp_path_factory.mktemp("installed")
    wheel = build_wheel(copy_sources(work / "source"), work / "wheels")
    venv = work / "venv"
    checked([sys.executable, "-m", "venv", "--system-site-packages", "--without-pip", str(venv)])
    scripts = venv / ("Scripts" if os.name == "nt" else "bin")
    python = scripts / ("python.exe" if os.name == "nt" else "python")
    pip_install = [sys.executable, "-m", "pip", "--python", str(python), "install", "--quiet", "--no-deps"]
    checked([*pip_install, "--no-index", "--ignore-installed", str(wheel)])
    site_packages = Path(checked([str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"]))
    borrow_test_packages(site_packages)
    elsewhere = work / "elsewhere"
    elsewhere.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV")}
    env |= {"SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy", "PYTHONNOUSERSITE": "1"}
    env |= {DATA_DIR_VARIABLE: str(work / "data"), LOG_DIR_VARIABLE: str(work / "logs")}
    command = scripts / ("signal-race.exe" if os.name == "nt" else "signal-race")
    return Installed(wheel, venv, python, command, site_packages, elsewhere, env)


def copy_sources(target: Path) -> Path:
    target.mkdir()
    for name in BUILD_INPUTS:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        else:
            shutil.copy2(source, target / name)
    return target


def build_wheel(source: Path, out: Path) -> Path:
    command = [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--wheel-dir", str(out), str(source)]
    if _setuptools_major() >= OFFLINE_SETUPTOOLS:  # the dev extra installs it: build offline with it
        command += ["--no-build-isolation", "--no-index"]
    checked(command)
    (wheel,) = out.glob("signal_race-*.whl")
    return wheel


def _setuptools_major() -> int:
    try:
        return int(importlib.metadata.version("setuptools").split(".")[0])
    except (importlib.metadata.PackageNotFoundError, ValueError):
        return 0


def borrow_test_packages(site_packages: Path) -> None:
    """Let the new environment import numpy, pygame-ce... from the test environment, without installing them.

    --system-site-packages alone shows the base interpreter's packages, not those of
    the virtual environment the tests run in. A .pth line adds a folder to sys.path
    without running the .pth files inside it, so an editable install of the clone
    found there stays inactive.
    """
    folders = [p for p in site.getsitepackages() if Path(p).resolve() != site_packages.resolve()]
    (site_packages / "test-environment.pth").write_text("\n".join(folders) + "\n", encoding="utf-8")


def checked(command: list[str]) -> str:
    done = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT)
    assert done.returncode == 0, f"{' '.join(command)} failed:\n{done.stdout}\n{done.stderr}"
    return done.stdout.strip()


def test_the_installed_wheel_runs_not_the_clone(installed):
    names = set(zipfile.ZipFile(installed.wheel).namelist())
    shipped = {
        path.relative_to(REPO).as_posix()
        for folder in SHIPPED_DATA
        for path in (REPO / "game" / folder).rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    }
    assert {"game/assets/fonts/OFL.txt", "game/scenarios/scenario.schema.json"} <= shipped
    assert shipped <= names, f"missing from the wheel: {sorted(shipped - names)}"
    assert any(name.endswith("licenses/LICENSE") for name in names)

    found = installed.run("-c", "import game; print(game.__file__)", program=installed.python)
    assert found.returncode == 0, found.stderr
    location = Path(found.stdout.strip()).resolve()
    assert location.is_relative_to(installed.site_packages.resolve()), f"imported {location}, not the wheel"
    assert not location.is_relative_to(REPO)


@pytest.mark.parametrize("how", ["command", "module"])
def test_version_from_the_command_and_the_module(installed, how):
    done = (
        installed.run("-m", "game", "--version", program=installed.python)
        if how == "module"
        else installed.run("--version")
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"Signal Race {game.__version__}"


def test_plays_a_shipped_scenario_by_id_headless(installed):
    done = installed.run("play", "tutorial", "--headless", "--bot", "mixed", "--json")
    assert done.returncode == 0, done.stderr
    summary = json.loads(done.stdout)
    assert summary["scenario"] == "tutorial" and summary["bot"] == "mixed" and summary["over"]
    assert summary["signals"] and any(signal["won"] for signal in summary["signals"])


def test_validates_the_shipped_scenarios(installed):
    shipped = sorted((installed.site_packages / "game" / "scenarios").glob("*.yaml"))
    assert [p.name for p in shipped] == sorted(p.name for p in (REPO / "game" / "scenarios").glob("*.yaml"))
    done = installed.run("validate", *shipped)
    assert done.returncode == 0, done.stdout + done.stderr
    assert f"{len(shipped)} files checked: 0 invalid" in done.stderr


def test_renders_a_screenshot_without_a_display(installed):
    done = installed.run("screenshots", "shots", "--lang", "fr", "--size", "1280x720")
    assert done.returncode == 0, done.stderr
    menu = installed.elsewhere / "shots" / "menu_fr.png"
    header = menu.read_bytes()[:24]
    assert header.startswith(b"\x89PNG") and struct.unpack(">II", header[16:24]) == (1280, 720)


def test_writes_a_debrief_report(installed):
    played = installed.run("play", "retail-app-outage", "--headless", "--bot", "network", "--save", "game.json")
    assert played.returncode == 0, played.stderr
    done = installed.run("report", "game.json", "--out", "debrief", "--lang", "fr")
    assert done.returncode == 0, done.stderr
    html = (installed.elsewhere / "debrief" / "report.html").read_text(encoding="utf-8")
    assert '<html lang="fr">' in html and "data:image/svg+xml" in html  # French texts and matplotlib charts
