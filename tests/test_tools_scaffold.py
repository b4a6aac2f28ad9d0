"""`new FILE`: the starter scenario validates, plays with every bot, and never overwrites by accident."""

from __future__ import annotations

import pytest

from game.cli import main
from game.core.bots import BOTS, play_game
from game.scenario.loader import check_files, load_scenario


@pytest.fixture(scope="module")
def starter(tmp_path_factory):
    path = tmp_path_factory.mktemp("new") / "my-first.yaml"
    assert main(["new", str(path)]) == 0
    return path


def test_starter_validates_without_warning(starter):
    assert check_files([starter]) == []


def test_starter_is_bilingual_and_points_to_the_schema(starter):
    text = starter.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=") and text.splitlines()[0].endswith("scenario.schema.json")
    scenario = load_scenario(starter)
    assert scenario.id == "my-first"
    for text in (scenario.title, scenario.summary, *(s.title for s in scenario.signals)):
        assert set(text.by_language) == {"en", "fr"}


@pytest.mark.parametrize("bot", list(BOTS))
def test_starter_plays_to_the_end_with_every_bot(starter, bot):
    scenario = load_scenario(starter)
    state = play_game(scenario, 3, bot)
    assert state.over and state.turn <= scenario.turns + 1


def test_starter_is_winnable_by_the_mixed_bot(starter):
    from game.core.scoring import outcomes

    scenario = load_scenario(starter)
    wins = sum(o.won for seed in range(6) for o in outcomes(play_game(scenario, seed, "mixed")) if o.genuine)
    assert wins >= 3


def test_new_refuses_to_overwrite_unless_forced(tmp_path, capsys):
    path = tmp_path / "mine.yaml"
    path.write_text("my work\n")
    assert main(["new", str(path)]) == 1
    assert "already exists" in capsys.readouterr().err and path.read_text() == "my work\n"
    assert main(["new", str(path), "--force"]) == 0
    assert path.read_text().startswith("# yaml-language-server")
