"""A session: one or more teams, each with its own copy of the company, playing the same scenario and seed.

Solo practice is a session of one team. In a workshop, teams plan one after
the other on the projected machine; in `hotseat` mode each team's turn
resolves as soon as it ends it, in `simultaneous` mode the turn resolves for
every team once all have planned. Pure and deterministic: the UI only calls
these methods, and a session saves as its teams' action logs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

from game.core import coach, phrases, rules
from game.core.actions import Action, InjectEvent, action_from_dict
from game.core.competitor import DIFFICULTY
from game.core.errors import IllegalAction
from game.core.model import Scenario
from game.core.scoring import outcomes, score
from game.core.state import GameState, LogEntry
from game.core.text import Text
from game.workshop.limits import MAX_TEAMS, MODES, SESSION_FORMAT

Mode = Literal["solo", "hotseat", "simultaneous"]

# What `end_planning` says comes next, for the UI to pick the screen.
NEXT_TEAM = "next_team"  # hand over to the next team (behind a curtain in a workshop)
ROUND_OVER = "round_over"  # every team has played this turn: show the standings
GAME_OVER = "game_over"  # show the results

# Refusals when a team plays out of turn (a networked workshop lets every team send moves at any time).
NOT_YOUR_TURN = Text.of(
    en="It is {team}'s turn: wait until they end it.", fr="C'est au tour de {team} : attendez qu'elle ait fini."
)
ALREADY_PLANNED = Text.of(
    en="You have ended your turn: wait for the other teams.",
    fr="Vous avez fini votre tour : attendez les autres équipes.",
)


class SessionError(Exception):
    """A session record or set-up that cannot be used; the message says why."""


@dataclass
class Team:
    name: str
    colour: int  # index into the UI's colour-blind-safe palette
    state: GameState
    planned: bool = False  # has ended its planning for the current turn
    pending: list[tuple[int, int]] = field(default_factory=list)  # (turn, event): injected, fired on reaching turn


@dataclass(frozen=True)
class Standing:
    rank: int
    team: str
    colour: int
    score: float
    won: int  # races won
    lost: int  # races the rival won
    open: int  # genuine signals still in play


@dataclass
class Session:
    scenario: Scenario
    seed: int
    difficulty: str
    mode: Mode
    teams: list[Team]
    turn_seconds: int | None = None  # optional planning timer per team, enforced by the UI
    active: int = 0  # index of the team planning now
    ended: bool = False  # the facilitator ended the game early
    started_at: str = ""  # when the game was set up (ISO, to the millisecond): names its autosave; "" in older saves

    @classmethod
    def start(
        cls,
        scenario: Scenario,
        team_names: list[str],
        *,
        seed: int | None = None,
        difficulty: str = "normal",
        mode: Mode = "hotseat",
        turn_seconds: int | None = None,
        colours: list[int] | None = None,
        started_at: str | None = None,
    ) -> Session:
        if not 1 <= len(team_names) <= MAX_TEAMS:
            raise SessionError(f"a session has 1 to {MAX_TEAMS} teams, not {len(team_names)}")
        if mode not in MODES or (mode == "solo" and len(team_names) != 1):
            raise SessionError(f"mode {mode!r} does not fit {len(team_names)} team(s)")
        if difficulty not in DIFFICULTY:
            raise SessionError(f"difficulty {difficulty!r} is not one of {', '.join(DIFFICULTY)}")
        seed = scenario.seed if seed is None else int(seed)
        colours = colours or list(range(len(team_names)))
        teams = [
            Team(name, colour, rules.new_game(scenario, seed, difficulty)) for name, colour in zip(team_names, colours)
        ]
        started_at = datetime.now().isoformat(timespec="milliseconds") if started_at is None else started_at
        return cls(scenario, seed, difficulty, mode, teams, turn_seconds, started_at=started_at)

    # ------------------------------------------------------------ play

    @property
    def turn(self) -> int:
        """The turn being planned (the lowest among teams still playing)."""
        playing = [t.state.turn for t in self.teams if not t.state.over]
        return min(playing) if playing else max(t.state.turn for t in self.teams)

    @property
    def over(self) -> bool:
        return self.ended or all(team.state.over for team in self.teams)

    def active_team(self) -> Team:
        return self.teams[self.active]

    def act(self, action: Action, advice: coach.Advice | None = None, team: int | None = None) -> list[LogEntry]:
        """The active team, or team number `team`, plays an action (IllegalAction explains a refusal); `advice`:
        the coach's, if just shown."""
        index = self.active if team is None else self.check_turn(team)
        if self.over:
            raise IllegalAction(phrases.GAME_OVER)
        return coach.play(self.teams[index].state, action, advice)

    def may_plan(self, team: int) -> bool:
        """Whether team number `team` may act now: its turn in hot-seat, not yet ended in simultaneous mode."""
        try:
            self.check_turn(team)
        except IllegalAction:
            return False
        return True

    def check_turn(self, team: int) -> int:
        """`team` if it may act now; IllegalAction says why not (game over, another team's turn, already ended)."""
        planner = self.teams[team]
        if self.over or planner.state.over:
            raise IllegalAction(phrases.GAME_OVER)
        if self.mode == "simultaneous":
            if planner.planned:
                raise IllegalAction(ALREADY_PLANNED)
        elif team != self.active:
            raise IllegalAction(NOT_YOUR_TURN.format(team=self.active_team().name))
        return team

    def end_planning(self, team: int | None = None) -> str:
        """The active team (or team number `team`) is done for this turn; returns NEXT_TEAM, ROUND_OVER or GAME_OVER.

        In simultaneous mode teams may end their planning in any order; the round resolves with the last one.
        """
        if team is not None:
            self.active = self.check_turn(team)
        team = self.active_team()
        team.planned = True
        if self.mode != "simultaneous" and not team.state.over:
            self._end_turn(team)
        following = self._next_unplanned()
        if following is not None:
            self.active = following
            return NEXT_TEAM
        if self.mode == "simultaneous":
            for other in self.teams:
                if not other.state.over:
                    self._end_turn(other)
        for other in self.teams:
            other.planned = False
        self.active = self._first_playing()
        return GAME_OVER if self.over else ROUND_OVER

    def end_round(self) -> str:
        """End the planning of every team that has not ended it yet (the timer ran out, or the facilitator said so)."""
        outcome = self.end_planning()
        while outcome == NEXT_TEAM:
            outcome = self.end_planning()
        return outcome

    def _next_unplanned(self) -> int | None:
        """The next team, after the active one and round the table, still to plan this turn."""
        count = len(self.teams)
        for step in range(1, count):
            index = (self.active + step) % count
            if not self.teams[index].planned and not self.teams[index].state.over:
                return index
        return None

    def _first_playing(self) -> int:
        return next((i for i, t in enumerate(self.teams) if not t.state.over), 0)

    def _end_turn(self, team: Team) -> None:
        """Resolve the team's turn, then fire the injected events waiting for the turn it has reached."""
        rules.end_turn(team.state)
        due = [(turn, event) for turn, event in team.pending if turn <= team.state.turn]
        team.pending = [waiting for waiting in team.pending if waiting not in due]
        for _, event in due:
            if not team.state.over:
                rules.apply(team.state, InjectEvent(event))

    def inject(self, event: int) -> None:
        """The facilitator fires an event for every team still playing, on the same turn for all.

        That turn is the latest any team has reached: in hot-seat, a team still
        planning the turn before meets the event as its next turn begins.
        """
        playing = [team for team in self.teams if not team.state.over]
        if not playing:
            return
        rules.check(playing[0].state, InjectEvent(event))  # an unknown event is refused before any team gets it
        turn = max(team.state.turn for team in playing)
        for team in playing:
            if team.state.turn == turn:
                rules.apply(team.state, InjectEvent(event))
            else:
                team.pending.append((turn, event))

    def last_finished_turn(self) -> int:
        """The last turn any team still playing has finished: where `end_game` stops every team."""
        return max((team.state.turn for team in self.teams if not team.state.over), default=1) - 1

    def end_game(self) -> None:
        """The facilitator stops the game here, for the debrief, at the same turn for every team.

        That turn is the last one any team has finished: a team still to play it
        this round (hot-seat) ends it with the moves it made; a turn no team has
        finished is not played. Each team's work under way and the rival are then
        settled by `rules.end_early`.
        """
        if self.ended:
            return
        playing = [team for team in self.teams if not team.state.over]
        last = self.last_finished_turn()
        for team in playing:
            while not team.state.over and team.state.turn <= last:
                self._end_turn(team)
            if not team.state.over:
                rules.end_early(team.state)
        self.ended = True

    # ------------------------------------------------------------ standings

    def leaderboard(self) -> list[Standing]:
        """Teams by score (then races won), best first; equal teams share a rank."""
        rows = []
        for team in self.teams:
            races = [o for o in outcomes(team.state) if o.genuine]
            won = sum(o.won for o in races)
            lost = sum((not o.won) and o.competitor_turn is not None for o in races)
            still_open = sum(o.exploited_turn is None and o.competitor_turn is None for o in races)
            rows.append((score(team.state), won, lost, still_open, team))
        rows.sort(key=lambda row: (-row[0], -row[1]))
        standings, rank, previous = [], 0, None
        for position, (points, won, lost, still_open, team) in enumerate(rows, start=1):
            if (points, won) != previous:
                rank, previous = position, (points, won)
            standings.append(Standing(rank, team.name, team.colour, points, won, lost, still_open))
        return standings

    # ------------------------------------------------------------ saving

    def to_record(self) -> dict:
        """Everything needed to rebuild the session exactly: set-up plus each team's action log."""
        return {
            "format": SESSION_FORMAT,
            "kind": "session",
            "scenario": self.scenario.source or self.scenario.id,
            "scenario_id": self.scenario.id,
            "scenario_digest": self.scenario.digest,
            "seed": self.seed,
            "difficulty": self.difficulty,
            "mode": self.mode,
            "turn_seconds": self.turn_seconds,
            "active": self.active,
            "ended": self.ended,
            "started_at": self.started_at,
            "teams": [
                {
                    "name": team.name,
                    "colour": team.colour,
                    "planned": team.planned,
                    "pending": [list(waiting) for waiting in team.pending],
                    "actions": [a.to_dict(self.scenario) for a in team.state.actions],
                }
                for team in self.teams
            ],
        }

    @classmethod
    def from_record(cls, scenario: Scenario, record: dict) -> Session:
        """Rebuild a saved session by replaying every team's moves; SessionError says what does not fit."""
        if not isinstance(record, dict) or record.get("kind") != "session":
            raise SessionError("this is not a Signal Race session save")
        if record.get("format") != SESSION_FORMAT:
            raise SessionError(f"session format {record.get('format')!r} is not supported (expected {SESSION_FORMAT})")
        if record.get("scenario_id") != scenario.id:
            raise SessionError(f"this save is for scenario {record.get('scenario_id')!r}, not {scenario.id!r}")
        try:
            teams = record["teams"]
            session = cls.start(
                scenario,
                [str(t["name"]) for t in teams],
                seed=int(record["seed"]),
                difficulty=record.get("difficulty", "normal"),
                mode=record["mode"],
                turn_seconds=record.get("turn_seconds"),
                colours=[int(t["colour"]) for t in teams],
                started_at=str(record.get("started_at", "")),
            )
            for team, saved in zip(session.teams, teams):
                for data in saved["actions"]:
                    rules.apply(team.state, action_from_dict(data, scenario))
                team.planned = bool(saved.get("planned", False))
                team.pending = [(int(turn), int(event)) for turn, event in saved.get("pending", [])]
            session.active = int(record.get("active", 0))
            if record.get("ended", False):
                session.end_game()
        except (KeyError, TypeError, ValueError, IndexError) as problem:
            raise SessionError(f"the save is damaged ({type(problem).__name__}: {problem})") from None
        except IllegalAction as refusal:
            raise SessionError(f"a saved move is no longer legal: {refusal.reason.get('en')}") from None
        if not 0 <= session.active < len(session.teams):
            raise SessionError(f"the save names team {session.active + 1}, but there are {len(session.teams)}")
        return session
