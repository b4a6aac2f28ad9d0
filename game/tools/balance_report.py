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
    median_exploit_turn: float | None  # over the runs the team exploited it; None when it never did
    median_fidelity: float | None  # fidelity at exploitation, over the same runs
    median_points: float
    unreached_rate: float  # share of runs nobody able to exploit it ever learnt it


@dataclass(frozen=True)
class BotFigures:
    bot: str
    runs: int
    median_score: float
    race_win_rate: float | None  # over every genuine signal of every run
    median_turns: float  # turns played (a game ends early once every signal is settled)
    idle_turn_share: float  # share of all turns played, over every run, in which the team made no move
    signals: list[SignalFigures]


def summarise(scenario: Scenario, records: list[GameRun]) -> list[BotFigures]:
    """Figures per bot, bots in the order they were played."""
    bots = list(dict.fromkeys(r.bot for r in records))
    return [_bot(scenario, [r for r in records if r.bot == bot]) for bot in bots]


def _bot(scenario: Scenario, runs: list[GameRun]) -> BotFigures:
    genuine = [i for i, s in enumerate(scenario.signals) if s.genuine]
    races = [run.signals[i].won for run in runs for i in genuine]
    turns = sum(r.turns for r in runs)
    return BotFigures(
        bot=runs[0].bot,
        runs=len(runs),
        median_score=_round(np.median([r.score for r in runs])),
        race_win_rate=_rate(races) if races else None,
        median_turns=_round(np.median([r.turns for r in runs])),
        idle_turn_share=round(sum(r.idle_turns for r in runs) / turns, 4) if turns else 0.0,
        signals=[_signal(scenario, runs, i) for i in range(len(scenario.signals))],
    )


def _signal(scenario: Scenario, runs: list[GameRun], i: int) -> SignalFigures:
    spec = scenario.signals[i]
    mine = [run.signals[i] for run in runs]
    margins = np.array([m.margin for m in mine], dtype=float)
    p10, p50, p90 = (_round(v) for v in np.percentile(margins, [10, 50, 90])) if spec.genuine else (None,) * 3
    exploited = [m for m in mine if m.exploit_turn is not None]
    return SignalFigures(
        signal=spec.id,
        genuine=spec.genuine,
        win_rate=_rate([m.won for m in mine]) if spec.genuine else None,
        exploited_rate=_rate([m.exploited for m in mine]),
        margin_p10=p10,
        margin_median=p50,
        margin_p90=p90,
        median_exploit_turn=_round(np.median([m.exploit_turn for m in exploited])) if exploited else None,
        median_fidelity=round(float(np.median([m.fidelity for m in exploited])), 3) if exploited else None,
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
            f"the idle bot, which never acts, wins {pct(by_bot['idle'].race_win_rate)} of races: the rival "
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
        f"the pure {pure.bot} strategy dominates: it wins {pct(rate)} of races{than}; "
        "neither channel alone should be enough, so slow it down or make the other one pay"
    ]


def _signal_warnings(signal: str, rates: dict[str, float]) -> list[str]:
    found = []
    if max(rates.values()) < UNWINNABLE:
        found.append(
            f"signal '{signal}' looks unwinnable: no bot wins it in {pct(UNWINNABLE)} of runs "
            f"(best {pct(max(rates.values()))}); give the team more time or slow the rival"
        )
    if rates.get("idle", 0.0) >= IDLE_TRIVIAL:
        found.append(f"signal '{signal}' is won without playing: idle wins it in {pct(rates['idle'])} of runs")
    elif min(rates.values()) >= ALL_TRIVIAL:
        found.append(
            f"signal '{signal}' is trivially won: every bot wins it in at least {pct(min(rates.values()))} of runs"
        )
    return found


def num(value: float) -> str:
    """A figure as the tables print it: 78.44, 9.5, 0 (at most two decimals, no trailing zeros)."""
    return f"{value:.2f}".rstrip("0").rstrip(".")


def pct(rate: float) -> str:
    """A rate as the tables print it: 0.125 -> '12%'."""
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
    """A plain-text table (94 columns): one block per bot, one line per signal.

    Exploit turn and fidelity are medians over the runs in which the team exploited the signal.
    """
    head = (
        f"{'signal':<24} {'win':>6} {'margin p10/med/p90':>20} {'exploit turn':>12} {'fidelity':>8} "
        f"{'points':>8} {'unreached':>10}"
    )
    lines = []
    for bot in figures:
        lines += ["", f"{bot.bot}: {bot.runs} runs, median score {num(bot.median_score)}, races won {race_wins(bot)}"]
        lines += [
            f"  median {num(bot.median_turns)} turns played, no move in {pct(bot.idle_turn_share)} of turns",
            head,
        ]
        for s in bot.signals:
            if s.genuine:
                win, margin = pct(s.win_rate or 0.0), f"{s.margin_p10:g} / {s.margin_median:g} / {s.margin_p90:g}"
            else:
                win, margin = "rumour", f"fell for it {pct(s.exploited_rate)}"
            turn = "-" if s.median_exploit_turn is None else num(s.median_exploit_turn)
            fidelity = "-" if s.median_fidelity is None else f"{s.median_fidelity:.2f}"
            lines.append(
                f"{s.signal[:24]:<24} {win:>6} {margin:>20} {turn:>12} {fidelity:>8} "
                f"{s.median_points:>8g} {pct(s.unreached_rate):>10}"
            )
    return "\n".join(lines[1:])


def race_wins(bot: BotFigures) -> str:
    """The bot's share of races won, as the tables print it."""
    return "n/a" if bot.race_win_rate is None else pct(bot.race_win_rate)
