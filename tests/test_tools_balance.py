"""`balance`: the same figures whatever the number of processes, and warnings that name the imbalance."""

from __future__ import annotations

import json

import pytest

from game.cli import main
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
    assert genuine["win_rate"] == 0 and genuine["unreached_rate"] == 1.0  # idle never moves the signal
    assert genuine["margin_p10"] <= genuine["margin_median"] <= genuine["margin_p90"]
    assert isinstance(data["warnings"], list)


def test_table_output(capsys):
    assert main(["balance", "tutorial", "--runs", "3", "--jobs", "1", "--bots", "idle", "mixed"]) == 0
    out = capsys.readouterr().out
    assert "idle: 3 runs" in out and "mixed: 3 runs" in out and "margin p10/med/p90" in out


def bot(name: str, race: float, median: float, win: float) -> BotFigures:
    signal = SignalFigures("bug", True, win, win, -1, 0, 1, median, 0.0)
    return BotFigures(name, 100, median, race, [signal])


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
