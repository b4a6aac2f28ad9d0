"""The room: the authoritative workshop session on the host, with what the facilitator controls around it.

Everything a team or the facilitator does goes through here, on the server's
one event loop: moves go to `Session.act` (the same rules door as the window),
ends of turn to `Session.end_planning`. Around the session the room keeps the
planning timer, the pause, the teams handed to a bot, who is connected, and
the access codes. It never touches a socket: listeners are told which teams'
views changed (and which link was replaced), and the app pushes the views.

A team that stays away does not block the round: once every team still to
plan has been disconnected for `absent_seconds` while another team waits, the
round resolves without them; the timer, "end the round" and "hand to a bot"
do the same on demand.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from game.core.actions import Action
from game.core.bots import BOTS, Bot
from game.core.errors import IllegalAction
from game.core.events import injectable_events
from game.core.text import Text
from game.server.access import AccessCodes
from game.ui.timer import PlanningTimer
from game.workshop.session import Session

ABSENT_SECONDS = 60.0  # a team disconnected this long no longer holds up a round that others wait on
BOT_CHOICES = ("mixed", "hierarchy", "network", "random", "idle")  # offered to the facilitator, best first

PAUSED = Text.of(
    en="The game is paused: the facilitator has the floor.", fr="La partie est en pause : l'animateur a la parole."
)
BOT_PLAYS = Text.of(
    en="A bot plays for your team now: ask the facilitator to hand it back.",
    fr="Un bot joue pour votre équipe : demandez à l'animateur de vous la rendre.",
)
NO_SUCH_EVENT = Text.of(en="There is no such event.", fr="Cet événement n'existe pas.")

ViewsChanged = Callable[[set[int] | None], None]  # the teams whose view changed; None: every team and the room


@dataclass
class Presence:
    """How many pages a team has open, and since when it has none."""

    sockets: int = 0
    joined: bool = False  # has opened its page at least once
    left_at: float = 0.0  # clock time its last page closed


class Room:
    def __init__(
        self,
        session: Session,
        access: AccessCodes,
        *,
        bots: dict[int, str] | None = None,
        clock: Callable[[], float] = time.monotonic,
        absent_seconds: float = ABSENT_SECONDS,
        autosave: Callable[[dict], None] | None = None,
    ):
        self.session = session
        self.access = access
        self.clock = clock
        self.absent_seconds = absent_seconds
        self.autosave = autosave
        self.paused = False
        self.presence = [Presence() for _ in session.teams]
        self.bots: dict[int, Bot] = {}
        self.listeners: list[ViewsChanged] = []
        self.link_listeners: list[Callable[[int], None]] = []
        self.timer: PlanningTimer | None = None
        self._timer_key: tuple | None = None
        self._saved_round: tuple = self._round_key()
        self.dirty = False  # moves played since the last save
        for team, name in (bots or {}).items():
            self.bots[team] = self._bot(team, name)
        self._settle()

    # ------------------------------------------------------------ teams

    def act(self, team: int, action: Action) -> None:
        """Team `team` plays `action`; IllegalAction says why not."""
        self._check_open(team)
        self.session.act(action, team=team)
        self.dirty = True
        self._changed({team})

    def end_turn(self, team: int) -> None:
        """Team `team` ends its planning for this turn."""
        self._check_open(team)
        self.session.end_planning(team)
        self.dirty = True
        self._settle()
        self._changed(None)  # every page shows who has planned

    def may_act(self, team: int) -> bool:
        """Whether team `team`'s pages may play now (not paused, not a bot's team, its turn)."""
        try:
            self._check_open(team)
        except IllegalAction:
            return False
        return True

    def _check_open(self, team: int) -> None:
        if self.paused:
            raise IllegalAction(PAUSED)
        if team in self.bots:
            raise IllegalAction(BOT_PLAYS)
        self.session.check_turn(team)

    def join(self, team: int) -> None:
        presence = self.presence[team]
        presence.sockets += 1
        presence.joined = True
        self._changed(None)

    def leave(self, team: int) -> None:
        presence = self.presence[team]
        presence.sockets = max(0, presence.sockets - 1)
        if presence.sockets == 0:
            presence.left_at = self.clock()
        self._changed(None)

    def is_absent(self, team: int) -> bool:
        """Joined once, but no page open for `absent_seconds`."""
        presence = self.presence[team]
        return presence.joined and presence.sockets == 0 and self.clock() - presence.left_at >= self.absent_seconds

    # ------------------------------------------------------------ facilitator

    def pause(self, on: bool) -> None:
        self.paused = on
        self._changed(None)

    def inject(self, event: int) -> None:
        if not 0 <= event < len(injectable_events(self.session.scenario)):
            raise IllegalAction(NO_SUCH_EVENT)
        if not self.session.over:
            self.session.inject(event)
            self.dirty = True
        self._changed(None)

    def end_round(self) -> None:
        """Every team still planning ends its turn now."""
        if not self.session.over:
            self.session.end_round()
        self._settle()
        self._changed(None)

    def end_game(self) -> None:
        self.session.end_game()
        self._settle()
        self._changed(None)

    def hand_to_bot(self, team: int, bot: str | None) -> None:
        """A bot plays for team `team` from now on (None: the team plays again)."""
        if bot is None:
            self.bots.pop(team, None)
        else:
            self.bots[team] = self._bot(team, bot)
        self._settle(save=True)
        self._changed(None)

    def replace_link(self, team: int) -> str:
        """A new link for team `team`; pages open with the old one are closed."""
        code = self.access.replace(team)
        self.save()
        for listener in self.link_listeners:
            listener(team)
        self._changed(None)
        return code

    def _bot(self, team: int, name: str) -> Bot:
        return BOTS[name](self.session.seed + team)  # seeded per team: a random bot's moves differ between teams

    def bot_name(self, team: int) -> str | None:
        bot = self.bots.get(team)
        return bot.name if bot else None

    # ------------------------------------------------------------ time

    def tick(self, seconds: float) -> None:
        """Let wall-clock time pass: the planning timer, and teams gone for good."""
        if self.session.over or self.paused:
            return
        time_is_up = self.timer_running and self.timer.tick(seconds)
        if time_is_up or self._only_absent_teams_left():
            self._time_up()

    @property
    def timer_running(self) -> bool:
        """The planning timer runs unless paused, over, or nobody is connected yet (teams still finding their link)."""
        someone_here = any(presence.sockets for presence in self.presence)
        return self.timer is not None and someone_here and not self.paused and not self.session.over

    def _time_up(self) -> None:
        if self.session.mode == "simultaneous":
            self.session.end_round()
        else:
            self.session.end_planning()
        self._settle()
        self._changed(None)

    def _only_absent_teams_left(self) -> bool:
        teams = range(len(self.session.teams))
        waiting = [t for t in teams if self.session.may_plan(t)]
        someone_here = any(self.presence[t].sockets for t in teams)
        return bool(waiting) and someone_here and all(self.is_absent(t) for t in waiting)

    # ------------------------------------------------------------ bookkeeping

    def _settle(self, save: bool = False) -> None:
        """Let bots play their turns, restart the timer for a new round or team, autosave after a round."""
        session = self.session
        for _ in range(len(session.teams) * (session.scenario.turns + 2)):  # bounded: each pass ends a turn
            team = next((t for t in self.bots if session.may_plan(t)), None)
            if team is None or session.over:
                break
            self.bots[team].play_turn(session.teams[team].state)
            session.end_planning(team)
            self.dirty = True
        key = None if session.over else (session.turn, session.active if session.mode != "simultaneous" else None)
        if key != self._timer_key:
            self._timer_key = key
            self.timer = PlanningTimer.for_session(session) if key is not None else None
        if save or self._round_key() != self._saved_round:
            self.save()

    def _round_key(self) -> tuple:
        return (self.session.turn, self.session.over)

    def save(self) -> None:
        self._saved_round = self._round_key()
        self.dirty = False
        if self.autosave is not None:
            self.autosave(self.record())

    def flush(self) -> None:
        """Save the moves played since the last save (called now and then by the host)."""
        if self.dirty:
            self.save()

    def record(self) -> dict:
        """What a restarted host needs to resume: the session, the links, the bots."""
        return {
            "session": self.session.to_record(),
            "access": self.access.to_record(),
            "bots": {str(team): bot.name for team, bot in self.bots.items()},
        }

    def _changed(self, teams: set[int] | None) -> None:
        for listener in self.listeners:
            listener(teams)
