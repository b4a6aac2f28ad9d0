"""Assemble the whole debrief of a finished (or stopped) solo game or workshop: every team, every signal.

`debrief_of_session` takes a workshop session; `debrief_of_games` takes any
list of named games (a single saved game is a list of one).
"""

from __future__ import annotations

from dataclasses import dataclass

from game.core.bots import BOTS
from game.core.coach import Coaching, coaching
from game.core.model import Scenario
from game.core.scoring import SignalOutcome, outcome, score
from game.core.state import GameState
from game.core.text import Text
from game.debrief.compare import Alternative, bot_results, what_if
from game.debrief.contrasts import Contrasts, signal_contrasts
from game.debrief.hops import Broadcast, Hop, signal_broadcasts, signal_hops
from game.debrief.incidents import Incident, signal_incidents
from game.debrief.path import Path, signal_path
from game.debrief.timeline import Timeline, last_turn, signal_timeline
from game.debrief.trace import Trace, trace

DEFAULT_STRATEGY = "mixed"  # the strategy a what-if hands over to, unless the facilitator picks another


@dataclass(frozen=True)
class PlayedGame:
    team: str
    colour: int  # index into the UI's team palette
    state: GameState


@dataclass(frozen=True)
class SignalDebrief:
    signal: int
    outcome: SignalOutcome
    hops: dict[int, Hop]  # how each person who knows it learned it
    broadcasts: tuple[Broadcast, ...]
    timeline: Timeline
    path: Path
    contrasts: Contrasts
    incidents: tuple[Incident, ...]


@dataclass(frozen=True)
class TeamDebrief:
    name: str
    colour: int
    trace: Trace
    score: float
    turns: int  # the last turn the game reached
    signals: tuple[SignalDebrief, ...]
    what_if: Alternative  # the team's moves to a turn, then a strategy
    coaching: Coaching  # the team's moves, and how many it played on the solo coach's advice

    @property
    def state(self) -> GameState:
        return self.trace.state


@dataclass(frozen=True)
class Debrief:
    scenario: Scenario
    seed: int
    difficulty: str
    mode: str  # solo, hotseat, simultaneous, or "game" for a single saved game
    teams: tuple[TeamDebrief, ...]
    bots: tuple[Alternative, ...]  # each reference strategy on the same seed (from the first team's events)

    @property
    def questions(self) -> tuple[Text, ...]:
        return tuple(self.scenario.extras.get("debrief_questions", ()))

    @property
    def objectives(self) -> tuple[Text, ...]:
        return tuple(self.scenario.extras.get("objectives", ()))


def signal_debrief(game_trace: Trace, signal: int) -> SignalDebrief:
    state = game_trace.state
    hops = signal_hops(game_trace, signal)
    broadcasts = tuple(signal_broadcasts(game_trace, signal))
    path = signal_path(state, signal, hops)
    return SignalDebrief(
        signal=signal,
        outcome=outcome(state, signal),
        hops=hops,
        broadcasts=broadcasts,
        timeline=signal_timeline(state, signal),
        path=path,
        contrasts=signal_contrasts(state, signal, hops, path, list(broadcasts)),
        incidents=signal_incidents(state, signal, path),
    )


def default_what_if_turn(state: GameState) -> int:
    """Halfway through the team's game: early enough for a strategy to change the outcome."""
    return last_turn(state) // 2


def team_debrief(game: PlayedGame, what_if_turn: int | None = None, strategy: str = DEFAULT_STRATEGY) -> TeamDebrief:
    game_trace = trace(game.state)
    turn = default_what_if_turn(game.state) if what_if_turn is None else what_if_turn
    signals = tuple(signal_debrief(game_trace, s) for s in range(len(game.state.scenario.signals)))
    return TeamDebrief(
        name=game.team,
        colour=game.colour,
        trace=game_trace,
        score=score(game.state),
        turns=last_turn(game.state),
        signals=signals,
        what_if=what_if(game.state, turn, strategy),
        coaching=coaching(game.state.actions),
    )


def debrief_of_games(
    games: list[PlayedGame], mode: str = "game", what_if_turn: int | None = None, strategy: str = DEFAULT_STRATEGY
) -> Debrief:
    if not games:
        raise ValueError("a debrief needs at least one game")
    first = games[0].state
    return Debrief(
        scenario=first.scenario,
        seed=first.seed,
        difficulty=first.difficulty,
        mode=mode,
        teams=tuple(team_debrief(game, what_if_turn, strategy) for game in games),
        bots=bot_results(first, tuple(BOTS)),
    )


def debrief_of_session(session, what_if_turn: int | None = None, strategy: str = DEFAULT_STRATEGY) -> Debrief:
    """The debrief of a workshop or solo `game.workshop.session.Session`."""
    games = [PlayedGame(team.name, team.colour, team.state) for team in session.teams]
    return debrief_of_games(games, session.mode, what_if_turn, strategy)
