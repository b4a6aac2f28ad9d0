"""Tests of the command line (`game.cli.main`): play, replay, validate, help and failures."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from game.cli import main
from tests.guards import told_plainly

SIGNAL_KEYS = {"id", "exploited_turn", "competitor_turn", "margin", "won", "points"}


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def play_json(capsys, scenario: str, bot: str = "mixed", *extra: str) -> dict:
    code, out, err = run(capsys, "play", scenario, "--headless", "--bot", bot, "--json", *extra)
    assert code == 0, err
    assert len(out.strip().splitlines()) == 1, "--json prints one JSON object on one line"
    return json.loads(out)


def check_summary(summary: dict, scenario_id: str, bot: str) -> None:
    assert {"scenario", "seed", "bot", "turns", "score", "signals"} <= set(summary)
    assert summary["scenario"] == scenario_id
    assert summary["bot"] == bot
    assert 1 <= summary["turns"] <= summary["max_turns"]
    assert summary["score"] == pytest.approx(sum(s["points"] for s in summary["signals"]), abs=0.011)
    for signal in summary["signals"]:
        assert set(signal) >= SIGNAL_KEYS
        check_margin_rules(signal)


def check_margin_rules(signal: dict) -> None:
    exploited, rival = signal["exploited_turn"], signal["competitor_turn"]
    if exploited is not None and rival is not None:
        assert signal["margin"] == rival - exploited
    else:
        assert signal["margin"] is None
    expected_won = signal["genuine"] and exploited is not None and (rival is None or signal["margin"] > 0)
    assert signal["won"] == expected_won


# ------------------------------------------------------------------ play


@pytest.mark.parametrize("bot", ["idle", "hierarchy", "network", "mixed", "random"])
@pytest.mark.parametrize("seed", ["1", "7", "42"])
def test_play_json_has_the_promised_keys_and_margin_rules(capsys, example_scenario_path, bot, seed):
    summary = play_json(capsys, str(example_scenario_path), bot, "--seed", seed)
    check_summary(summary, "retail-app-outage", bot)
    assert summary["seed"] == int(seed)


def test_seed_defaults_to_the_scenarios_seed(capsys, example_scenario):
    summary = play_json(capsys, "retail-app-outage", "idle")
    assert summary["seed"] == example_scenario.seed


def test_idle_bot_never_exploits(capsys):
    summary = play_json(capsys, "retail-app-outage", "idle")
    assert all(s["exploited_turn"] is None and not s["won"] for s in summary["signals"])


def test_text_summary_is_readable(capsys, example_scenario):
    code, out, _ = run(capsys, "play", "retail-app-outage", "--headless", "--bot", "mixed")
    assert code == 0
    assert example_scenario.title.get("en") in out
    assert "Seed 7" in out and "mixed" in out
    assert re.search(r"won by \d+ turns?|beaten by \d+ turns?|not exploited|rumour exposed", out)
    assert "Total score:" in out


def test_play_from_a_subprocess(repo_root):
    command = [sys.executable, "main.py", "play", "retail-app-outage", "--headless", "--bot", "mixed", "--json"]
    done = subprocess.run(command, cwd=repo_root, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    check_summary(json.loads(done.stdout), "retail-app-outage", "mixed")


@pytest.mark.parametrize(("words", "code"), [(["play", "nowhere", "--headless", "--bot", "mixed"], 1), (["play"], 2)])
def test_the_process_ends_with_the_commands_exit_code(repo_root, words, code):
    done = subprocess.run(
        [sys.executable, "main.py", *words], cwd=repo_root, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == code and done.stdout == ""
    assert "error: " in done.stderr.strip().splitlines()[-1]


def test_a_bot_without_headless_is_a_usage_error(capsys):
    code, out, err = run(capsys, "play", "retail-app-outage", "--bot", "mixed")
    assert code == 2
    assert "bots play without the window: add --headless" in err


def test_play_without_a_bot_opens_the_window_or_explains_why_not(capsys):
    code, _, err = run(capsys, "play", "tutorial")  # the tests run with the dummy video driver
    assert code == 1 and "no display" in err and told_plainly(err)


def test_a_scenario_named_on_the_command_line_opens_straight_on_its_board(tmp_path, monkeypatch):
    from game.cli.window import open_solo_game
    from game.persistence.storage import DATA_DIR_VARIABLE
    from game.scenario.loader import load_scenario
    from game.scenario.shipped import resolve_scenario
    from game.ui.app import App
    from game.ui.scenes.menu import MenuScene

    monkeypatch.setenv(DATA_DIR_VARIABLE, str(tmp_path))  # the game's autosave goes there, not among the player's
    app = App((1280, 720), "en")
    app.push(MenuScene(app))
    open_solo_game(app, load_scenario(resolve_scenario("bank-compliance")), seed=5)
    app.step([], 1 / 60)
    assert type(app.top).__name__ == "BoardScene"
    assert app.top.session.scenario.id == "bank-compliance" and app.top.session.seed == 5


def test_play_without_a_bot_is_a_usage_error(capsys):
    code, _, err = run(capsys, "play", "retail-app-outage", "--headless")
    assert code == 2
    assert "--bot" in err


@pytest.mark.parametrize(
    "argv", [["--bot", "genius"], ["--bot", "idle", "--seed", "-1"], ["--bot", "idle", "--seed", "x"]]
)
def test_bad_options_are_usage_errors(capsys, argv):
    code, _, err = run(capsys, "play", "retail-app-outage", "--headless", *argv)
    assert code == 2
    assert told_plainly(err)


def test_unknown_scenario_is_one_sentence(capsys):
    code, out, err = run(capsys, "play", "retail-app-outag", "--headless", "--bot", "idle")
    assert code == 1
    assert out == ""
    assert "retail-app-outage" in err  # the did-you-mean
    assert len(err.strip().splitlines()) == 1


def test_playing_an_invalid_scenario_lists_its_problems(capsys, bad_scenario):
    path, line = bad_scenario
    code, _, err = run(capsys, "play", str(path), "--headless", "--bot", "idle")
    assert code == 1
    assert f"{path}:{line}:" in err
    assert told_plainly(err)


# ------------------------------------------------------------------ save and replay


@pytest.mark.parametrize("bot", ["random", "mixed", "hierarchy"])
def test_replay_prints_exactly_what_play_printed(capsys, tmp_path, bot):
    save = tmp_path / "game.json"
    code, played, _ = run(
        capsys, "play", "retail-app-outage", "--headless", "--bot", bot, "--json", "--save", str(save)
    )
    assert code == 0
    code, replayed, err = run(capsys, "replay", str(save), "--json")
    assert code == 0, err
    assert replayed == played
    code, played_text, _ = run(capsys, "play", "retail-app-outage", "--headless", "--bot", bot)
    code, replayed_text, _ = run(capsys, "replay", str(save))
    assert replayed_text == played_text


def test_save_is_written_atomically_and_names_the_bot(capsys, tmp_path):
    save = tmp_path / "game.json"
    assert run(capsys, "play", "retail-app-outage", "--headless", "--bot", "network", "--save", str(save))[0] == 0
    record = json.loads(save.read_text(encoding="utf-8"))
    assert record["bot"] == "network"
    assert record["scenario"] == "retail-app-outage"
    assert [p.name for p in tmp_path.iterdir()] == ["game.json"], "no temporary file left behind"


def test_replay_falls_back_on_the_shipped_id_when_the_path_is_gone(capsys, tmp_path, example_scenario_path):
    copy = tmp_path / "copy.yaml"
    copy.write_bytes(example_scenario_path.read_bytes())
    save = tmp_path / "game.json"
    _, played, _ = run(capsys, "play", str(copy), "--headless", "--bot", "mixed", "--json", "--save", str(save))
    assert json.loads(save.read_text(encoding="utf-8"))["scenario"] == str(copy)
    copy.unlink()
    code, replayed, err = run(capsys, "replay", str(save), "--json")
    assert code == 0, err
    assert replayed == played


def corrupt_saves(good: dict) -> dict[str, str]:
    """Broken or foreign save files, by name."""
    wrong_action = json.loads(json.dumps(good))
    wrong_action["actions"][0]["person"] = "nobody"
    other_scenario = dict(good, scenario="nowhere.yaml", scenario_id="no-such-scenario")
    return {
        "not json": "this is not a save {",
        "a list": "[1, 2, 3]",
        "foreign object": json.dumps({"name": "my settings", "volume": 3}),
        "future format": json.dumps(dict(good, format=99)),
        "bad seed": json.dumps(dict(good, seed="seven")),
        "actions not a list": json.dumps(dict(good, actions={"kind": "escalate"})),
        "unknown person": json.dumps(wrong_action),
        "action not an object": json.dumps(dict(good, actions=[42])),
        "missing scenario": json.dumps(other_scenario),
        "empty file": "",
    }


@pytest.fixture(scope="module")
def good_record(tmp_path_factory) -> dict:
    save = tmp_path_factory.mktemp("saves") / "good.json"
    assert main(["play", "retail-app-outage", "--headless", "--bot", "mixed", "--save", str(save)]) == 0
    return json.loads(save.read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    "case",
    [
        "not json",
        "a list",
        "foreign object",
        "future format",
        "bad seed",
        "actions not a list",
        "unknown person",
        "action not an object",
        "missing scenario",
        "empty file",
    ],
)
def test_a_corrupt_save_gives_one_sentence(capsys, tmp_path, good_record, case):
    save = tmp_path / "broken.json"
    save.write_text(corrupt_saves(good_record)[case], encoding="utf-8")
    capsys.readouterr()
    code, out, err = run(capsys, "replay", str(save))
    assert code == 1
    assert out == ""
    assert told_plainly(err)
    assert len(err.strip().splitlines()) == 1
    assert str(save) in err


def test_replay_of_a_missing_file(capsys, tmp_path):
    code, _, err = run(capsys, "replay", str(tmp_path / "nothing.json"))
    assert code == 1
    assert "does not exist" in err


def test_replay_of_a_binary_file(capsys, tmp_path):
    save = tmp_path / "image.json"
    save.write_bytes(b"\x89PNG\r\n\x1a\n\xff\xfe")
    code, _, err = run(capsys, "replay", str(save))
    assert code == 1
    assert str(save) in err and told_plainly(err)


# ------------------------------------------------------------------ validate


@pytest.fixture
def bad_scenario(tmp_path, example_scenario_path) -> tuple[Path, int]:
    """The example scenario with one manager renamed to someone who does not exist, and that line."""
    lines = example_scenario_path.read_text(encoding="utf-8").splitlines(keepends=True)
    line = next(i for i, text in enumerate(lines, start=1) if text.strip() == "manager: store_lille")
    lines[line - 1] = lines[line - 1].replace("store_lille", "nobody_at_all")
    path = tmp_path / "bad.yaml"
    path.write_text("".join(lines), encoding="utf-8")
    return path, line


def test_validate_accepts_the_shipped_scenarios(capsys, repo_root):
    files = sorted(str(p) for p in (repo_root / "game" / "scenarios").glob("*.yaml"))
    code, out, err = run(capsys, "validate", *files)
    assert code == 0, out
    assert f"{len(files)} file{'s' if len(files) > 1 else ''} checked: 0 invalid" in err


def test_validate_reports_a_located_error(capsys, bad_scenario, example_scenario_path):
    path, line = bad_scenario
    code, out, err = run(capsys, "validate", str(path), str(example_scenario_path))
    assert code == 1
    assert re.search(rf"^{re.escape(str(path))}:{line}:\d+: ", out, re.MULTILINE)
    assert "nobody_at_all" in out
    assert "2 files checked: 1 invalid (1 error" in err


def test_validate_prints_each_problem_as_str(capsys, bad_scenario):
    from game.scenario.loader import check_files

    path, _ = bad_scenario
    code, out, _ = run(capsys, "validate", str(path))
    assert code == 1
    assert out.splitlines() == [str(p) for p in check_files([path])]


def test_validate_a_missing_file(capsys, tmp_path):
    code, out, err = run(capsys, "validate", str(tmp_path / "absent.yaml"))
    assert code == 1
    assert str(tmp_path / "absent.yaml") in out
    assert told_plainly(out + err)


def test_validate_needs_a_file(capsys):
    assert run(capsys, "validate")[0] == 2


# ------------------------------------------------------------------ help


def test_no_arguments_opens_the_window_or_explains_why_not(capsys):
    code, _, err = run(capsys)  # the tests run with the dummy video driver: no screen to open a window on
    assert code == 1
    assert "no display" in err and "--help" in err
    assert told_plainly(err)


def test_help_option(capsys):
    code, out, _ = run(capsys, "--help")
    assert code == 0
    assert "usage:" in out


def test_version_option(capsys):
    import game

    code, out, _ = run(capsys, "--version")
    assert code == 0
    assert out.strip() == f"Signal Race {game.__version__}"


@pytest.mark.parametrize(
    "argv0, command",
    [
        ("/home/ana/.local/bin/signal-race", "signal-race"),
        ("C:\\Games\\signal-race\\signal-race.exe", "signal-race"),
        ("/opt/venv/lib/python3.11/site-packages/game/__main__.py", "python -m game"),
        ("main.py", "python main.py"),
    ],
)
def test_help_and_hints_quote_the_command_the_player_ran(capsys, monkeypatch, argv0, command):
    monkeypatch.setattr(sys, "argv", [argv0])
    code, out, _ = run(capsys, "--help")
    assert code == 0
    assert out.startswith(f"usage: {command} ") and f"  {command} play retail-app-outage" in out
    code, _, err = run(capsys)  # no display under the dummy driver: the hint names the same command
    assert code == 1 and f"({command} --help)" in err


@pytest.mark.parametrize("how", [["-m", "game"], ["MAIN"]])
def test_module_and_script_play_a_shipped_scenario_from_another_folder(tmp_path, repo_root, how):
    entry = [str(repo_root / "main.py") if word == "MAIN" else word for word in how]
    command = [sys.executable, *entry, "play", "tutorial", "--headless", "--bot", "mixed", "--json"]
    done = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["scenario"] == "tutorial"
