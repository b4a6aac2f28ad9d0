"""BoardScene: the play screen of the session's active team (see the board keyboard contract in the brief).

Keys: S next signal, Tab / Shift+Tab next / previous holder, 1–9 play the
numbered action (numbers hold for the whole turn), G fold the goal card,
Return or E end the planning, V org chart / network, + / - zoom, 0 or Home fit
the whole organisation, arrows pan, PageUp / PageDown scroll the event log (with
Shift, the calendar), H the coach (solo), Escape pause menu; facilitator keys are
offered to `facilitator_key` first. Mouse: click a person or a row, wheel zooms
(or scrolls the action list, the calendar or the log), drag pans, hover shows a
person's card.
"""

from __future__ import annotations

import weakref
from typing import TYPE_CHECKING

import pygame

from game.core import coach
from game.core.actions import Action, EndTurn
from game.core.errors import IllegalAction
from game.core.goal import roles
from game.core.state import GameState
from game.ui import flow
from game.ui.board import infobar, sidebar
from game.ui.board.animation import Animation, plan_flows
from game.ui.board.card import draw_card
from game.ui.board.choices import StableKeys, holders_in_order, visible_signals
from game.ui.board.goalcard import GoalCard
from game.ui.board.hit import Hotspots
from game.ui.board.layout import BODY_PX, SMALL_PX, BoardLayout, board_layout
from game.ui.board.mapview import NETWORK, MapView, Selection
from game.ui.board.network_layout import warm_up
from game.ui.board.pause import PauseMenu
from game.ui.board.textdraw import block
from game.ui.facilitator import facilitator_key
from game.ui.hints import tutorial_hint
from game.ui.scene import Push, Scene, Transition
from game.ui.scenes import coach as coach_card
from game.ui.scenes.draw import wrap
from game.ui.timer import PlanningTimer
from game.workshop.session import Session

if TYPE_CHECKING:
    from game.ui.app import App

BANNER_LINES = 3  # a hint or refusal longer than this ends in an ellipsis
GOAL_SHARE = 45  # % of the map's height the goal card may take before it shortens (hovering shows it whole)
MESSAGE_SECONDS = 7.0  # how long a refusal stays on screen
DRAG_THRESHOLD = 6  # px of movement before a press on the map becomes a pan
END_KEYS = {pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_e}
ZOOM_IN_KEYS = {pygame.K_PLUS, pygame.K_EQUALS, pygame.K_KP_PLUS}
ZOOM_OUT_KEYS = {pygame.K_MINUS, pygame.K_KP_MINUS}
FIT_KEYS = {pygame.K_0, pygame.K_KP0, pygame.K_HOME}  # the whole organisation at once
ARROWS = {pygame.K_LEFT: (-1, 0), pygame.K_RIGHT: (1, 0), pygame.K_UP: (0, -1), pygame.K_DOWN: (0, 1)}
DIGITS = {**{pygame.K_1 + i: i for i in range(9)}, **{pygame.K_KP1 + i: i for i in range(9)}}

_shown: dict[int, tuple[weakref.ref, int]] = {}  # id(state) -> (state, last resolved turn already animated)


class BoardScene(Scene):
    def __init__(self, app: App, session: Session):
        super().__init__(app)
        self.session = session
        self.team = session.active_team()
        self.layout: BoardLayout = self._layout()
        self.map = MapView(app, self.layout.map)
        self.spots = Hotspots()
        self.signal: int | None = None
        self.person: int | None = None
        self.hover: int | None = None
        self.focus = 0
        self.scroll = 0
        self.log = infobar.ScrolledLines(from_end=True)
        self.calendar = infobar.ScrolledLines()
        self.pointer: tuple[int, int] = (0, 0)
        self.drag: tuple[int, int] | None = None
        self.dragged = False
        self.message: str | None = None
        self.message_left = 0.0
        self.animation: Animation | None = None
        self.timer = PlanningTimer.for_session(session)
        self._chrome: pygame.Surface | None = None
        self._chrome_key: object = None
        self.card_rect: pygame.Rect | None = None  # where the hover card was drawn last frame
        self.keys = StableKeys()
        self.goal = GoalCard()
        self._roles_key: object = None
        self._roles_shown: dict[int, str] = {}
        self.advice: tuple[tuple, coach.Advice] | None = None  # the coach's last advice and the board version it fits
        self._select_default_signal()
        self._animate_unseen_turn()

    # ------------------------------------------------------------ state helpers

    @property
    def state(self) -> GameState:
        return self.team.state

    @property
    def rows(self) -> list[tuple[int, Action]]:
        """The panel's moves with the number each keeps for the turn."""
        return self.keys.rows(self.state, self.person, self.signal)

    @property
    def actions(self) -> list[Action]:
        return [action for _, action in self.rows]

    def version(self) -> tuple:
        """Changes whenever anything the board draws from the state may have changed."""
        s = self.state
        return (s.turn, len(s.actions), len(s.log), s.action_points, id(s.hierarchy), s.over, self.session.ended)

    def _select_default_signal(self) -> None:
        signals = visible_signals(self.state)
        if self.signal not in signals:
            self.signal = signals[0] if signals else None

    def _animate_unseen_turn(self) -> None:
        """Show the team what moved in its last resolved turn, once (also when it comes back after a curtain)."""
        state = self.state
        resolved = state.turn - 1
        seen = _shown.get(id(state))
        if seen is not None and seen[0]() is state and seen[1] >= resolved:
            return
        _shown[id(state)] = (weakref.ref(state), resolved)
        if resolved >= 1:
            flows = plan_flows(state, resolved)
            if len(flows) or len(flows.origins):
                self.animation = Animation(flows, resolved)

    # ------------------------------------------------------------ layout

    def _layout(self) -> BoardLayout:
        return board_layout(self.app.size, self.app.scale, self.app.font(BODY_PX).get_linesize())

    def enter(self) -> None:
        self._chrome = None
        warm_up(self.session.scenario)

    def resize(self) -> None:
        self.layout = self._layout()
        self.map.set_viewport(self.layout.map)
        self._chrome = None

    # ------------------------------------------------------------ playing

    def play_number(self, number: int) -> None:
        """Play the move the panel shows with `number` (its key for the turn), if there is one."""
        rows = self.rows
        index = next((i for i, (n, _) in enumerate(rows) if n == number), None)
        if index is not None:
            self.play(index)

    def play(self, index: int) -> None:
        """Play the action of the panel's row `index`; a refusal is explained in a sentence."""
        actions = self.actions
        if not 0 <= index < len(actions):
            return
        try:
            self.session.act(actions[index], self.shown_advice())
        except IllegalAction as refusal:
            self.say(self.app.tr("board.illegal", reason=self.app.text(refusal.reason)))
            return
        self.message = None
        self.focus = min(self.focus, max(len(self.actions) - 1, 0))

    def shown_advice(self) -> coach.Advice | None:
        """The coach's advice if the player saw it and nothing has moved since: a move equal to it is coached."""
        if self.advice is not None and self.advice[0] == self.version():
            return self.advice[1]
        return None

    def open_coach(self) -> Transition | None:
        """H or the Coach button: the reference strategy's next move and why (solo practice only)."""
        if not coach_card.available(self.session) or self.state.over:
            self.say(self.app.tr("coach.solo_only"))
            return None
        advice = coach.advise(self.state)
        self.advice = (self.version(), advice)
        return Push(coach_card.CoachScene(self.app, self.state, advice, self.follow))

    def follow(self, advice: coach.Advice) -> Transition | None:
        """Play the coach's advice (ending the turn when that is the advice)."""
        if isinstance(advice.action, EndTurn):
            return self.end_planning()
        try:
            self.session.act(advice.action, advice)
        except IllegalAction as refusal:
            self.say(self.app.tr("board.illegal", reason=self.app.text(refusal.reason)))
        return None

    def say(self, sentence: str) -> None:
        self.message = sentence
        self.message_left = MESSAGE_SECONDS

    def end_planning(self) -> Transition | None:
        outcome = self.session.end_planning()
        transition = flow.after_planning(self.app, self.session, outcome)
        if transition is None:  # solo: the board stays and shows what moved
            self._animate_unseen_turn()
            self.timer = PlanningTimer.for_session(self.session)
            self._select_default_signal()
            self.focus = self.scroll = 0
        return transition

    def select_signal(self, signal: int) -> None:
        self.signal = signal
        self.focus = self.scroll = 0

    def select_person(self, person: int | None) -> None:
        self.person = person
        self.focus = self.scroll = 0

    def cycle_signal(self) -> None:
        signals = visible_signals(self.state)
        if signals:
            at = signals.index(self.signal) if self.signal in signals else -1
            self.select_signal(signals[(at + 1) % len(signals)])

    def cycle_holder(self, step: int) -> None:
        if self.signal is None:
            return
        holders = holders_in_order(self.state, self.signal)
        if not holders:
            return
        if self.person in holders:
            nxt = holders[(holders.index(self.person) + step) % len(holders)]
        else:
            nxt = holders[0] if step > 0 else holders[-1]
        self.select_person(nxt)
        self._keep_in_view(nxt)

    def _keep_in_view(self, person: int) -> None:
        xy = self.map.screen_positions(self.state)[person]
        if not self.map.camera.viewport.inflate(-80, -80).collidepoint(xy):
            self.map.camera.centre_on(tuple(self.map.positions(self.state)[person]))

    # ------------------------------------------------------------ events

    def handle_event(self, event: pygame.event.Event) -> Transition | None:
        if event.type == pygame.KEYDOWN:
            facilitated = facilitator_key(self.app, self.session, event)
            if facilitated is not None:
                return facilitated
            return self.handle_key(event)
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            return self.press(event.pos)
        if event.type == pygame.MOUSEBUTTONUP and event.button == 1:
            self.release(event.pos)
        elif event.type == pygame.MOUSEMOTION:
            self.motion(event.pos)
        elif event.type == pygame.MOUSEWHEEL:
            self.wheel(event.y)
        return None

    def handle_key(self, event: pygame.event.Event) -> Transition | None:
        key = event.key
        if key == pygame.K_ESCAPE:
            return Push(PauseMenu(self.app, self.session))
        if key in END_KEYS:
            return self.end_planning()
        if key in DIGITS:
            self.play_number(DIGITS[key] + 1)
        elif key == pygame.K_g:
            self.goal.toggle()
        elif key == pygame.K_s:
            self.cycle_signal()
        elif key == pygame.K_TAB:
            self.cycle_holder(-1 if event.mod & pygame.KMOD_SHIFT else 1)
        elif key == pygame.K_v:
            self.map.toggle()
        elif key == pygame.K_h:
            return self.open_coach()
        elif key in ZOOM_IN_KEYS or getattr(event, "unicode", "") == "+":
            self.map.camera.zoom(1.25)
        elif key in ZOOM_OUT_KEYS:
            self.map.camera.zoom(0.8)
        elif key in FIT_KEYS:
            self.map.fit_all(self.state, self._map_insets())
        elif key in ARROWS:
            self.map.camera.key_pan(*ARROWS[key])
        else:
            (self.calendar if event.mod & pygame.KMOD_SHIFT else self.log).page(key)
        return None

    def press(self, pos: tuple[int, int]) -> Transition | None:
        self.pointer = pos
        target = self.spots.at(pos)
        if target is not None:
            return self.click(target)
        if self.layout.map.collidepoint(pos):
            self.drag, self.dragged = pos, False
        return None

    def click(self, target: tuple) -> Transition | None:
        kind, value = target
        if kind == "signal":
            self.select_signal(value)
        elif kind == "action":
            self.focus = value
            self.play(value)
        elif value == "end_turn":
            return self.end_planning()
        elif value == "view":
            self.map.toggle()
        elif value == "goal":
            self.goal.toggle()
        elif value == "menu":
            return Push(PauseMenu(self.app, self.session))
        elif value == "coach":
            return self.open_coach()
        return None

    def release(self, pos: tuple[int, int]) -> None:
        if self.drag is not None and not self.dragged:
            person = self.map.person_at(self.state, pos)
            if person is not None:
                self.select_person(person)
        self.drag = None

    def motion(self, pos: tuple[int, int]) -> None:
        if self.drag is not None:
            dx, dy = pos[0] - self.pointer[0], pos[1] - self.pointer[1]
            moved = abs(pos[0] - self.drag[0]) + abs(pos[1] - self.drag[1])
            if self.dragged or moved >= DRAG_THRESHOLD:
                if not self.dragged:
                    dx, dy = pos[0] - self.drag[0], pos[1] - self.drag[1]
                self.dragged = True
                self.map.camera.pan(dx, dy)
        self.pointer = pos
        self.hover = None if self.dragged else self.map.person_at(self.state, pos)
        target = self.spots.at(pos)
        if target is not None and target[0] == "action":
            self.focus = target[1]

    def wheel(self, y: int) -> None:
        if self.layout.side.collidepoint(self.pointer):
            self.scroll = max(0, self.scroll - y)
        elif self.layout.log.collidepoint(self.pointer):
            self.log.wheel(y)
        elif self.layout.calendar.collidepoint(self.pointer):
            self.calendar.wheel(y)
        elif self.layout.map.collidepoint(self.pointer):
            self.map.camera.zoom(1.25 if y > 0 else 0.8, self.pointer)

    # ------------------------------------------------------------ frames

    def update(self, dt: float) -> Transition | None:
        if self.animation is not None:
            self.animation.advance(dt)
            if self.animation.done:
                self.animation = None
        if self.message is not None:
            self.message_left -= dt
            if self.message_left <= 0:
                self.message = None
        if self.timer is not None and not self.state.over and self.timer.tick(dt):
            return self.end_planning()
        return None

    def draw(self, surface: pygame.Surface) -> None:
        state = self.state
        if self.layout.size != surface.get_size():
            self.resize()
        self.map.ensure_fitted(state, self._map_insets)
        selection = Selection(self.person, self.signal, self.hover, self._roles())
        self.map.draw(surface, state, selection, self.version(), self.animation)
        infobar.draw_legend(surface, self.app, self.layout)
        self._draw_banners(surface)
        surface.blit(self._chrome_surface(), (0, 0))
        if self.goal.rect is not None and self.goal.rect.collidepoint(self.pointer):  # the whole card on hover
            self.goal.draw(surface, self.app, self.layout, state, self.signal, self.goal.rect, None)
        self.card_rect = None
        if self.hover is not None:
            self.card_rect = draw_card(surface, self.app, self.layout, state, self.hover, self.pointer)

    def _roles(self) -> dict[int, str]:
        """Who the map marks for the selected signal, in the goal card's words (worked out again only when the
        state, the signal or the language changes: the map asks every frame)."""
        key = (self.version(), self.signal, self.app.settings.language)
        if self._roles_key != key:
            found = roles(self.state, self.signal) if self.signal is not None else {}
            self._roles_shown = {person: self.app.tr(f"goal.role.{role}") for person, role in found.items()}
            self._roles_key = key
        return self._roles_shown

    def _goal_rect(self) -> pygame.Rect:
        """The goal card's strip along the bottom of the map, above the legend (empty without a signal)."""
        layout = self.layout
        bottom = layout.map.bottom - infobar.legend_height(self.app, layout)
        limit = (bottom - layout.map.top) * GOAL_SHARE // 100
        height = self.goal.height(self.app, layout, self.state, self.signal, layout.map.width, limit)
        return pygame.Rect(layout.map.left, bottom - height, layout.map.width, height)

    def _banner_height(self) -> int:
        """Room the tutorial's hints (and refusals) take at the top of the map: at least two lines."""
        hint = tutorial_hint(self.app, self.session, self.person, self.signal, self.map.view)
        if hint is None:
            return 0
        return self.layout.px(10) + self._banner_rect(hint, self.app.font(SMALL_PX), 2).height

    def _map_insets(self) -> tuple[int, int, int, int]:
        """Pixels of the map covered by panels (left, top, right, bottom), kept clear when fitting; the right
        margin leaves room for the names written beside the people."""
        layout = self.layout
        bottom = layout.map.bottom - self._goal_rect().top
        return (0, self._banner_height(), layout.px(90), bottom)

    def controls(self) -> list[tuple[str, pygame.Rect]]:
        spots = [(str(target), rect) for rect, target in self.spots.spots]
        return spots + [(f"readout {name}", rect) for rect, name in self.spots.readouts]

    def _chrome_surface(self) -> pygame.Surface:
        """Top bar, side panel, calendar and log, redrawn only when what they show changes."""
        view = self.app.tr("board.view.show_tree" if self.map.view == NETWORK else "board.view.show_network")
        timer = self.timer.label() if self.timer else None
        key = (
            self.version(),
            self.person,
            self.signal,
            self.focus,
            self.scroll,
            self.goal.folded,
            self.log.scroll,
            self.calendar.scroll,
            timer,
            view,
            self.app.size,
            self.app.settings,
        )
        if self._chrome is None or key != self._chrome_key:
            self._chrome = pygame.Surface(self.app.size, pygame.SRCALPHA)
            self._chrome_key = key
            self.spots.clear()
            layout, state = self.layout, self.state
            coached = coach_card.available(self.session)
            infobar.draw_top(self._chrome, self.app, layout, self.team, state, self.timer, view, self.spots, coached)
            rows = self.rows
            side = sidebar.SideState(
                visible_signals(state),
                self.signal,
                self.person,
                [action for _, action in rows],
                self.focus,
                self.scroll,
                [number for number, _ in rows],
            )
            sidebar.draw_side(self._chrome, self.app, layout, state, side, self.spots)
            self.scroll = side.scroll
            infobar.draw_calendar(self._chrome, self.app, layout, state, self.calendar)
            infobar.draw_log(self._chrome, self.app, layout, state, self.log)
            goal = self._goal_rect()
            self.goal.draw(self._chrome, self.app, layout, state, self.signal, goal, goal.height)
            if self.goal.rect is not None:
                self.spots.add(self.goal.rect, ("button", "goal"))
        return self._chrome

    def _draw_banners(self, surface: pygame.Surface) -> None:
        """A refusal (in the warning colour) or the tutorial's next step, across the top of the map."""
        text = self.message
        colour = self.app.palette.warning
        if text is None:
            text = tutorial_hint(self.app, self.session, self.person, self.signal, self.map.view)
            colour = self.app.palette.accent
        if not text:
            return
        layout = self.layout
        font = self.app.font(BODY_PX if self.message else SMALL_PX, bold=self.message is not None)
        rect = self._banner_rect(text, font)
        pygame.draw.rect(surface, self.app.palette.panel, rect, border_radius=8)
        pygame.draw.rect(surface, colour, rect, 2, border_radius=8)
        block(surface, text, font, self.app.palette.text, rect.inflate(-layout.px(24), -layout.px(14)), BANNER_LINES)

    def _banner_rect(self, text: str, font: pygame.font.Font, least: int = 1) -> pygame.Rect:
        """Where a banner of `text` goes: across the top of the map, as many lines as it needs (up to BANNER_LINES)."""
        layout = self.layout
        area = layout.map.inflate(-layout.px(40), 0)
        lines = min(BANNER_LINES, max(least, len(wrap(text, font, area.width - layout.px(24)))))
        return pygame.Rect(
            area.left, layout.map.top + layout.px(10), area.width, font.get_linesize() * lines + layout.px(16)
        )
