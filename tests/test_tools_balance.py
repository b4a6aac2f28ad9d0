"""`balance`: the same figures whatever the number of processes, and warnings that name the imbalance."""

from __future__ import annotations

import json
import re

import pytest

from game.cli import main
from game.core.actions import EndTurn, Escalate, InjectEvent, Share
from game.core.bots import play_game
from game.core.scoring import outcomes
from game.scenario.loader import load_scenario
from game.scenario.shipped import resolve_scenario, shipped_scenarios
from game.tools.balance import count_turns, play_one
from game.tools.balance_report import BotFigures, SignalFigures, warnings


@pytest.fixture(scope="module")
def figures_by_jobs():
    def run(jobs: int) -> str:
        import io
        from contextlib import redirect_stdout

        out = io.StringIO()
        with redirect_stdout(out):
            code = main(["balance", "tutorial", "--runs", "8", "--jobs", str(jobs), "--seed-start", "5", "--json"])
        assert code == 0
        return out.getvalue()

    return run(1), run(2)


def test_json_is_identical_whatever_the_jobs(figures_by_jobs):
    one, two = figures_by_jobs
    assert one == two


def test_json_holds_every_bot_and_signal(figures_by_jobs):
    data = json.loads(figures_by_jobs[0])
    assert (data["scenario"], data["runs"], data["seed_start"]) == ("tutorial", 8, 5)
    assert [b["bot"] for b in data["bots"]] == ["idle", "random", "hierarchy", "network", "mixed"]
    idle = data["bots"][0]
    assert idle["runs"] == 8 and idle["median_score"] == 0
    genuine = next(s for s in idle["signals"] if s["genuine"])
    assert genuine["win_rate"] == 0 and 0 <= genuine["unreached_rate"] <= 1
    assert genuine["margin_p10"] <= genuine["margin_median"] <= genuine["margin_p90"]
    assert isinstance(data["warnings"], list)


def test_json_holds_turns_idleness_exploit_turn_and_fidelity(figures_by_jobs):
    data = json.loads(figures_by_jobs[0])
    turns = load_scenario(resolve_scenario("tutorial")).turns
    by_bot = {b["bot"]: b for b in data["bots"]}
    for figures in by_bot.values():
        assert 1 <= figures["median_turns"] <= turns
        assert 0 <= figures["idle_turn_share"] <= 1
        for signal in figures["signals"]:
            assert set(signal) >= {"median_exploit_turn", "median_fidelity"}
            if signal["exploited_rate"] == 0:  # never exploited: no turn, no fidelity
                assert signal["median_exploit_turn"] is None and signal["median_fidelity"] is None
            else:
                assert 1 <= signal["median_exploit_turn"] <= turns and 0 < signal["median_fidelity"] <= 1
    idle = by_bot["idle"]
    assert idle["idle_turn_share"] == 1.0  # it never moves
    assert next(s for s in idle["signals"] if s["genuine"])["median_exploit_turn"] is None
    for bot in ("hierarchy", "network", "mixed"):
        assert by_bot[bot]["idle_turn_share"] < 1
    movers = [next(s for s in by_bot[bot]["signals"] if s["genuine"]) for bot in ("hierarchy", "network", "mixed")]
    assert any(s["median_exploit_turn"] is not None for s in movers)  # somebody exploits it in 8 games


def test_turns_and_idle_turns_are_counted_from_the_action_log():
    scenario = load_scenario(resolve_scenario("tutorial"))
    for bot in ("idle", "mixed"):
        run = play_one(scenario, bot, 3)
        state = play_game(scenario, 3, bot)
        assert run.turns == sum(isinstance(a, EndTurn) for a in state.actions)
        assert 0 <= run.idle_turns <= run.turns
        for signal, outcome in zip(run.signals, outcomes(state)):
            assert (signal.exploit_turn, signal.fidelity) == (outcome.exploited_turn, outcome.fidelity)
    assert count_turns([EndTurn(), InjectEvent(0), EndTurn(), Share(0, 1, 2), EndTurn()]) == (3, 2)
    assert count_turns([Share(0, 1, 2), Escalate(0, 1), EndTurn()]) == (1, 0)


def test_table_output(capsys):
    assert main(["balance", "tutorial", "--runs", "3", "--jobs", "1", "--bots", "idle", "mixed"]) == 0
    out = capsys.readouterr().out
    assert "idle: 3 runs" in out and "mixed: 3 runs" in out and "margin p10/med/p90" in out
    assert "exploit turn" in out and "fidelity" in out
    assert re.search(r"median [\d.]+ turns played, no move in 100% of turns", out)  # idle's line
    assert max(len(line) for line in out.splitlines() if not line.startswith("warning")) <= 100


def test_markdown_section_has_a_row_per_bot(capsys):
    assert main(["balance", "tutorial", "--runs", "4", "--jobs", "1", "--markdown"]) == 0
    out = capsys.readouterr().out
    scenario = load_scenario(resolve_scenario("tutorial"))
    assert out.startswith(f"## {scenario.title.get('en')} (`tutorial`)")
    assert scenario.extras["objectives"][0].get("en") in out
    assert scenario.extras["debrief_questions"][0].by_language["fr"] in out  # the docs quote the file as written
    rows = [line for line in out.splitlines() if line.startswith("| ")]
    head = rows[0]
    assert "median score" in head and "races won" in head and "median turns" in head and "no move" in head
    for signal in scenario.signals:
        assert f"{'win' if signal.genuine else 'fell for'} `{signal.id}`" in head
    assert [r.split("|")[1].strip() for r in rows[1:]] == ["idle", "random", "hierarchy", "network", "mixed"]
    assert all(r.count("|") == head.count("|") for r in rows)
    assert re.search(r"^\| idle \| 0 \| 0% \| [\d.]+ \| 100% \|", out, re.MULTILINE)
    assert "No balance warning." in out or "Balance warnings:" in out


def test_markdown_takes_several_scenarios_and_json_only_one(capsys):
    assert main(["balance", "tutorial", "startup-leaks", "--runs", "2", "--jobs", "1", "--markdown"]) == 0
    out = capsys.readouterr().out
    assert "(`tutorial`)" in out and "(`startup-leaks`)" in out
    assert main(["balance", "tutorial", "startup-leaks", "--runs", "2", "--json"]) == 2
    assert main(["balance", "--runs", "2"]) == 2
    assert main(["balance", "tutorial", "--docs", "out.md"]) == 2


def test_docs_page_is_generated_whole(tmp_path, capsys):
    target = tmp_path / "scenarios.md"
    code = main(["balance", "--docs", str(target), "--runs", "2", "--jobs", "1", "--bots", "idle", "mixed"])
    assert code == 0
    page = target.read_text(encoding="utf-8")
    assert page.startswith("# ") and f"Generated by `python main.py balance --docs {target.as_posix()} --runs 2" in page
    assert "--bots idle mixed`" in page  # the header quotes the command that regenerates the page
    for path in shipped_scenarios():
        scenario = load_scenario(path)
        assert f"(`{scenario.id}`)" in page
        for question in scenario.extras["debrief_questions"]:
            assert question.get("en") in page
    assert page.count("\n| mixed | ") == len(shipped_scenarios())


def bot(name: str, race: float, median: float, win: float) -> BotFigures:
    signal = SignalFigures("bug", True, win, win, -1, 0, 1, 5, 0.9, median, 0.0)
    return BotFigures(name, 100, median, race, 10, 0.5, [signal])


def test_dominant_pure_strategy_is_named():
    found = warnings([bot("idle", 0, 0, 0), bot("hierarchy", 0.95, 80, 0.95), bot("mixed", 0.7, 60, 0.7)])
    assert any("pure hierarchy strategy dominates" in w for w in found)
    assert not warnings([bot("idle", 0, 0, 0), bot("hierarchy", 0.95, 50, 0.95), bot("mixed", 0.9, 60, 0.9)])


def test_unwinnable_and_trivial_signals_and_idle_wins():
    found = warnings([bot("idle", 0, 0, 0), bot("mixed", 0.02, 5, 0.02)])
    assert any("'bug' looks unwinnable" in w for w in found)
    found = warnings([bot("idle", 0.3, 20, 0.3), bot("mixed", 0.9, 60, 0.9)])
    assert any("idle wins it in 30%" in w for w in found) and any("idle bot" in w for w in found)
    found = warnings([bot("idle", 0.0, 0, 0.0), bot("network", 0.92, 50, 0.92), bot("mixed", 0.95, 60, 0.95)])
    assert not any("trivially won" in w for w in found)  # idle does not win it
    found = warnings([bot("hierarchy", 0.91, 50, 0.91), bot("mixed", 0.95, 60, 0.95)])
    assert any("trivially won" in w for w in found)
