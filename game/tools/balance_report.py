"""Balance figures from game records: per bot and signal, the rates and margins, and warnings in words.

Thresholds follow the design: no pure strategy should dominate, every
genuine signal should be winnable but not won by doing nothing.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

import numpy as np

from game.core.model import Scenario
from game.tools.balance import GameRun

DOMINANT_WINS = 0.9  # a pure strategy winning this share of races dominates (if it also beats mixed)
UNWINNABLE = 0.05  # a signal no bot wins in this share of runs is unwinnable
IDLE_TRIVIAL = 0.2  # idle winning a signal this often makes it trivial
ALL_TRIVIAL = 0.9  # ... as does every bot winning it this often
IDLE_WINS = 0.05  # idle winning more than this share of races is a warning
PURE = ("hierarchy", "network")


@dataclass(frozen=True)
class SignalFigures:
    """One bot on one signal over every run."""

    signal: str
    genuine: bool
    win_rate: float | None  # genuine signals: share of runs won against the rival
    exploited_rate: float  # share of runs the team exploited it (for a rumour: fell for it)
    margin_p10: float | None
    margin_median: float | None
    margin_p90: float | None
    median_points: float
    unreached_rate: float  # share of runs nobody able to exploit it ever learnt it


@dataclass(frozen=True)
class BotFigures:
    bot: str
    runs: int
    median_score: float
    race_win_rate: float | None  # over every genuine signal of every run
    signals: list[SignalFigures]


def summarise(scenario: Scenario, records: list[GameRun]) -> list[BotFigures]:
    """Figures per bot, bots in the order they were played."""
    bots = list(dict.fromkeys(r.bot for r in records))
    return [_bot(scenario, [r for r in records if r.bot == bot]) for bot in bots]


def _bot(scenario: Scenario, runs: list[GameRun]) -> BotFigures:
    genuine = [i for i, s in enumerate(scenario.signals) if s.genuine]
    races = [run.signals[i].won for run in runs for i in genuine]
    return BotFigures(
        bot=runs[0].bot,
        runs=len(runs),
        median_score=_round(np.median([r.score for r in runs])),
        race_win_rate=_rate(races) if races else None,
        signals=[_signal(scenario, runs, i) for i in range(len(scenario.signals))],
    )


def _signal(scenario: Scenario, runs: list[GameRun], i: int) -> SignalFigures:
    spec = scenario.signals[i]
    mine = [run.signals[i] for run in runs]
    margins = np.array([m.margin for m in mine], dtype=float)
    p10, p50, p90 = (_round(v) for v in np.percentile(margins, [10, 50, 90])) if spec.genuine else (None,) * 3
    return SignalFigures(
        signal=spec.id,
        genuine=spec.genuine,
        win_rate=_rate([m.won for m in mine]) if spec.genuine else None,
        exploited_rate=_rate([m.exploited for m in mine]),
        margin_p10=p10,
        margin_median=p50,
        margin_p90=p90,
        median_points=_round(np.median([m.points for m in mine])),
        unreached_rate=_rate([not m.reached for m in mine]),
    )


def _rate(flags: list[bool]) -> float:
    return round(float(np.mean(flags)), 4) if flags else 0.0


def _round(value: float) -> float:
    return round(float(value), 2)


def warnings(figures: list[BotFigures]) -> list[str]:
    """What a facilitator should know, in sentences."""
    by_bot = {f.bot: f for f in figures}
    found = [w for bot in PURE if bot in by_bot for w in _dominance(by_bot[bot], by_bot.get("mixed"))]
    if "idle" in by_bot and (by_bot["idle"].race_win_rate or 0) > IDLE_WINS:
        found.append(
            f"the idle bot, which never acts, wins {_pct(by_bot['idle'].race_win_rate)} of races: the rival "
            "is too slow or signals reach their exploiter on their own; speed up the competitor"
        )
    for i, signal in enumerate(figures[0].signals if figures else []):
        if signal.genuine:
            found += _signal_warnings(signal.signal, {f.bot: f.signals[i].win_rate or 0.0 for f in figures})
    return found


def _dominance(pure: BotFigures, mixed: BotFigures | None) -> list[str]:
    rate = pure.race_win_rate or 0.0
    if rate < DOMINANT_WINS or (mixed is not None and pure.median_score <= mixed.median_score):
        return []
    than = f" and beats mixed on median score ({pure.median_score} vs {mixed.median_score})" if mixed else ""
    return [
        f"the pure {pure.bot} strategy dominates: it wins {_pct(rate)} of races{than}; "
        "neither channel alone should be enough, so slow it down or make the other one pay"
    ]


def _signal_warnings(signal: str, rates: dict[str, float]) -> list[str]:
    found = []
    if max(rates.values()) < UNWINNABLE:
        found.append(
            f"signal '{signal}' looks unwinnable: no bot wins it in {_pct(UNWINNABLE)} of runs "
            f"(best {_pct(max(rates.values()))}); give the team more time or slow the rival"
        )
    if rates.get("idle", 0.0) >= IDLE_TRIVIAL:
        found.append(f"signal '{signal}' is won without playing: idle wins it in {_pct(rates['idle'])} of runs")
    elif min(rates.values()) >= ALL_TRIVIAL:
        found.append(
            f"signal '{signal}' is trivially won: every bot wins it in at least {_pct(min(rates.values()))} of runs"
        )
    return found


def _pct(rate: float) -> str:
    return f"{rate * 100:.0f}%"


def to_json(scenario: Scenario, figures: list[BotFigures], runs: int, seed_start: int) -> dict:
    """The same figures as one JSON-ready object."""
    return {
        "scenario": scenario.id,
        "runs": runs,
        "seed_start": seed_start,
        "bots": [asdict(f) for f in figures],
        "warnings": warnings(figures),
    }


def table(figures: list[BotFigures]) -> str:
    """A plain-text table: one block per bot, one line per signal."""
    head = f"{'signal':<24} {'win':>6} {'margin p10/med/p90':>20} {'points':>8} {'unreached':>10}"
    lines = []
    for bot in figures:
        wins = "n/a" if bot.race_win_rate is None else _pct(bot.race_win_rate)
        lines += ["", f"{bot.bot}: {bot.runs} runs, median score {bot.median_score}, races won {wins}", head]
        for s in bot.signals:
            if s.genuine:
                win, margin = _pct(s.win_rate or 0.0), f"{s.margin_p10:g} / {s.margin_median:g} / {s.margin_p90:g}"
            else:
                win, margin = "rumour", f"fell for it {_pct(s.exploited_rate)}"
            lines.append(
                f"{s.signal[:24]:<24} {win:>6} {margin:>20} {s.median_points:>8g} {_pct(s.unreached_rate):>10}"
            )
    return "\n".join(lines[1:])
