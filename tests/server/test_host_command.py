"""`python main.py host`: the real command, on the loopback, as a facilitator runs it."""

from __future__ import annotations

import re
import urllib.error
import urllib.request

import pytest

from game.cli import main
from tests.server.conftest import start_host, stop

LINE = re.compile(r"^Team (?P<name>.+): (?P<url>http://127\.0\.0\.1:\d+/t/[A-Za-z0-9_-]{20,})$")


def fetch(url: str) -> tuple[int, str]:
    """The status and text of a page, as a browser on the loopback gets them."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def test_the_host_prints_one_link_per_team_and_serves_them(tmp_path):
    process, lines = start_host(tmp_path, "--names", "Red,Blue,Léa's team")
    try:
        teams = [LINE.match(line) for line in lines if line.startswith("Team ")]
        assert [m["name"] for m in teams if m] == ["Red", "Blue", "Léa's team"], lines
        facilitator = lines[-1].removeprefix("Facilitator: ")
        assert re.fullmatch(r"http://127\.0\.0\.1:\d+/f/[A-Za-z0-9_-]{20,}", facilitator)
        codes = {url.rsplit("/", 1)[1] for url in [*(m["url"] for m in teams), facilitator]}
        assert len(codes) == 4, "every team has its own code"
        status, page = fetch(teams[1]["url"])
        assert status == 200 and ">Blue</h1>" in page
        assert fetch(teams[1]["url"][:-2] + "xx")[0] == 404
        assert fetch(facilitator)[0] == 200
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
