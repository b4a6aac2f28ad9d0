"""`python main.py host`: the real command, on the loopback, as a facilitator runs it."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from game.cli import main

REPO_ROOT = Path(__file__).resolve().parents[2]
LINE = re.compile(r"^Team (?P<name>.+): (?P<url>http://127\.0\.0\.1:\d+/t/[A-Za-z0-9_-]{20,})$")
STARTUP_LINES = 12  # lines read at most before the facilitator's line


def start_host(data_dir: Path, *extra: str) -> tuple[subprocess.Popen, list[str]]:
    command = [sys.executable, "main.py", "host", "retail-app-outage", "--teams", "3", "--headless"]
    command += ["--bind", "127.0.0.1", "--port", "0", *extra]
    environment = os.environ | {"SIGNAL_RACE_DATA_DIR": str(data_dir), "PYTHONUNBUFFERED": "1"}
    process = subprocess.Popen(command, cwd=REPO_ROOT, env=environment, stdout=subprocess.PIPE, text=True)
    lines: list[str] = []
    while len(lines) < STARTUP_LINES and not (lines and lines[-1].startswith("Facilitator:")):
        line = process.stdout.readline()
        if not line:
            break
        lines.append(line.rstrip("\n"))
    return process, lines


def stop(process: subprocess.Popen) -> str:
    process.send_signal(signal.SIGINT)
    out, _ = process.communicate(timeout=30)
    return out


def test_the_host_prints_one_link_per_team_and_serves_them(tmp_path):
    process, lines = start_host(tmp_path, "--names", "Red,Blue,Léa's team")
    try:
        teams = [LINE.match(line) for line in lines if line.startswith("Team ")]
        assert [m["name"] for m in teams if m] == ["Red", "Blue", "Léa's team"], lines
        facilitator = lines[-1].removeprefix("Facilitator: ")
        assert re.fullmatch(r"http://127\.0\.0\.1:\d+/f/[A-Za-z0-9_-]{20,}", facilitator)
        codes = {url.rsplit("/", 1)[1] for url in [*(m["url"] for m in teams), facilitator]}
        assert len(codes) == 4, "every team has its own code"
        with httpx.Client(timeout=10) as web:
            page = web.get(teams[1]["url"])
            assert page.status_code == 200 and ">Blue</h1>" in page.text
            assert web.get(teams[1]["url"][:-2] + "xx").status_code == 404
            assert web.get(facilitator).status_code == 200
    finally:
        out = stop(process)
    assert process.returncode == 0
    assert "saved" in out
    assert (tmp_path / "hosted" / "retail-app-outage.json").is_file()


def test_a_restarted_host_prints_the_same_links(tmp_path):
    first, lines = start_host(tmp_path)
    stop(first)
    again, same = start_host(tmp_path)
    stop(again)
    links = lambda found: [re.sub(r":\d+/", ":PORT/", line) for line in found if line.startswith(("Team", "Facil"))]  # noqa: E731
    assert links(same) == links(lines) and len(links(lines)) == 4
    assert any("Resuming" in line for line in same)


@pytest.mark.parametrize(
    ("arguments", "sentence"),
    [
        (["--teams", "9"], "--teams must be between 1 and 8"),
        (["--teams", "2", "--names", "A"], "--names must give 2"),
        (["--teams", "2", "--names", "A,A"], "same name"),
        (["--teams", "2", "--timer", "-5"], "--timer"),
        (["--teams", "2", "--port", "70000"], "--port"),
    ],
)
def test_wrong_options_are_explained(arguments, sentence, capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("SIGNAL_RACE_DATA_DIR", str(tmp_path))
    assert main(["host", "retail-app-outage", "--headless", *arguments]) == 2
    assert sentence in capsys.readouterr().err


def test_a_busy_port_is_explained(tmp_path, monkeypatch, capsys):
    import socket

    monkeypatch.setenv("SIGNAL_RACE_DATA_DIR", str(tmp_path))
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        code = main(["host", "tutorial", "--teams", "2", "--headless", "--bind", "127.0.0.1", "--port", str(port)])
    assert code == 1
    assert f"port {port} is already in use" in capsys.readouterr().err
