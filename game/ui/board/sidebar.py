"""The side panel: each signal's status, value left and when the rival is expected; the selected person's actions.

Drawn from the state on every change (never changes it); registers what a
click on each row means in the board's Hotspots. When the panel is short
(small window, large text, many signals) the signals other than the selected
one shrink to their title and status, so the actions keep some rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import pygame

from game.core.actions import Action, AskNetwork, Delegate, Escalate, Post, Publish, RequestValidation, Share
from game.core.calendar import NO_CALENDAR, ONE_TO_ONE, request_occasion
from game.core.competitor import rival_progress, rival_window
from game.core.scoring import value_left
from game.core.state import NOT_YET, VIA_HIERARCHY, VIA_NETWORK, GameState
from game.ui.board import lines
from game.ui.board.hit import Hotspots
from game.ui.board.layout import BODY_PX, HEADING_PX, SMALL_PX, BoardLayout
from game.ui.board.textdraw import bar, block, text_line

if TYPE_CHECKING:
    from game.ui.app import App

DETAIL_LINES = 4  # lines of the focused action's explanation...
MIN_DETAIL_LINES = 2  # ... down to this many when the panel is short
MIN_ROWS = 2  # action rows the panel keeps room for, shrinking the signals list and the explanation


@dataclass
class SideState:
    """What the panel shows beyond the game state: selection, focused action row, scroll."""

    signals: list[int]
    signal: int | None
    person: int | None
    actions: list[Action]
    focus: int = 0  # action row whose explanation is shown
    scroll: int = 0  # first action row shown
    numbers: list[int] | None = None  # each row's key for the turn (default: 1, 2, 3...)

    def number(self, row: int) -> int:
        return self.numbers[row] if self.numbers is not None else row + 1


def draw_side(
    surface: pygame.Surface, app: App, layout: BoardLayout, state: GameState, side: SideState, spots: Hotspots
) -> None:
    rect = layout.side
    pygame.draw.rect(surface, app.palette.panel, rect)
    pygame.draw.line(surface, app.palette.panel_edge, rect.topleft, rect.bottomleft, 2)
    inner = rect.inflate(-2 * layout.px(12), -2 * layout.px(10))
    room = inner.height - _actions_min_height(app, layout, side) - layout.px(8)
    compact = _signals_height(app, layout, side, compact=False) > room
    y = _draw_signals(surface, app, layout, state, side, spots, inner, compact)
    _draw_actions(
        surface,
        app,
        layout,
        state,
        side,
        spots,
        pygame.Rect(inner.left, y + layout.px(8), inner.width, inner.bottom - y - layout.px(8)),
    )


def _heading(surface: pygame.Surface, app: App, layout: BoardLayout, text: str, x: int, y: int, width: int) -> int:
    font = app.font(HEADING_PX, bold=True)
    text_line(surface, text, font, app.palette.accent, (x, y), width)
    return y + font.get_linesize() + layout.px(4)


# ------------------------------------------------------------------ signals


def _heading_height(app: App, layout: BoardLayout) -> int:
    return app.font(HEADING_PX, bold=True).get_linesize() + layout.px(4)


def _race_height(app: App, layout: BoardLayout) -> int:
    """The value left with its bar, then when the rival is expected and its bar underneath."""
    return 2 * app.font(SMALL_PX).get_linesize() + layout.px(6) + layout.px(4)


def _signal_height(app: App, layout: BoardLayout, full: bool) -> int:
    """One signal's entry: title and status, then its race unless shown `full=False` (compact)."""
    height = app.font(BODY_PX).get_linesize() + app.font(SMALL_PX).get_linesize() + layout.px(6)
    return height + (_race_height(app, layout) if full else 0)


def _signals_height(app: App, layout: BoardLayout, side: SideState, compact: bool) -> int:
    if not side.signals:
        return _heading_height(app, layout) + 3 * app.font(SMALL_PX).get_linesize()
    entries = sum(_signal_height(app, layout, not compact or s == side.signal) for s in side.signals)
    return _heading_height(app, layout) + entries


def _draw_signals(
    surface,
    app: App,
    layout: BoardLayout,
    state: GameState,
    side: SideState,
    spots: Hotspots,
    area: pygame.Rect,
    compact: bool = False,
) -> int:
    """The signals heard of; with `compact`, only the selected one shows its race. Returns the y below."""
    y = _heading(surface, app, layout, app.tr("board.signals"), area.left, area.top, area.width)
    body, small = app.font(BODY_PX), app.font(SMALL_PX)
    if not side.signals:
        return block(
            surface,
            app.tr("board.no_signal"),
            small,
            app.palette.text_dim,
            pygame.Rect(area.left, y, area.width, area.height),
            3,
        )
    x, width = area.left + layout.px(14), area.width - layout.px(14)
    for s in side.signals:
        top = y
        selected = s == side.signal
        title = app.text(state.scenario.signals[s].title)
        font = app.font(BODY_PX, bold=selected)
        colour = app.palette.text if selected else app.palette.text_dim
        text_line(surface, title, font, colour, (x, y), width)
        y += body.get_linesize()
        text_line(surface, signal_status(app, state, s), small, app.palette.text_dim, (x, y), width)
        y += small.get_linesize()
        if selected or not compact:
            y = _draw_race(surface, app, layout, state, s, x, y, width)
        y += layout.px(6)
        if selected:
            pygame.draw.rect(surface, app.palette.accent, (area.left, top + 2, layout.px(5), y - top - layout.px(8)))
        spots.add(pygame.Rect(area.left, top, area.width, y - top), ("signal", s))
    return y


def _draw_race(surface, app: App, layout: BoardLayout, state: GameState, s: int, x: int, y: int, width: int) -> int:
    """The value left beside its bar, then the rival's expected turns over its progress bar; returns the y below.

    Both bars start at the same column, after the widest value text, so they read side by side.
    """
    small = app.font(SMALL_PX)
    spec = state.scenario.signals[s]
    left = value_left(state, s, state.turn)
    bar_h, gap = layout.px(6), layout.px(10)
    column = min(small.size(app.tr("board.value_left", left="000", value="000"))[0] + gap, width * 3 // 5)
    if state.exposed[s] or state.faded[s]:  # a rumour, now known as one: nothing to win
        value_text, share = app.tr("board.value_none"), 0.0
    else:
        value_text = app.tr("board.value_left", left=round(left), value=round(spec.value))
        share = left / spec.value if spec.value else 0.0
    text_line(surface, value_text, small, app.palette.text, (x, y), column - gap)
    middle = y + (small.get_linesize() - bar_h) // 2
    bar(
        surface, pygame.Rect(x + column, middle, width - column, bar_h), share, app.palette.good, app.palette.panel_edge
    )
    y += small.get_linesize()
    text_line(surface, rival_text(app, state, s), small, app.palette.text, (x, y), width)
    y += small.get_linesize()
    progress = 0.0 if state.exposed[s] else rival_progress(state, s)
    bar(surface, pygame.Rect(x + column, y, width - column, bar_h), progress, app.palette.bad, app.palette.panel_edge)
    return y + bar_h + layout.px(4)


def rival_text(app: App, state: GameState, s: int) -> str:
    """What the team can tell of the rival on this signal: the turns it is expected to move, or what it did."""
    rival = int(state.competitor_done[s])
    if rival != NOT_YET:
        return app.tr("board.rival.exploited", turn=rival)
    if state.faded[s]:
        turn = faded_turn(state, s)
        return app.tr("board.rival.dropped", turn=turn) if turn is not None else app.tr("board.rival.dropped_no_turn")
    if state.exposed[s]:
        return app.tr("board.rival.no_race")
    low, high = rival_window(state, s)
    if state.turn > high:
        return app.tr("board.rival.overdue", turn=high)
    if low == high:
        return app.tr("board.rival.around", turn=low)
    return app.tr("board.rival.window", low=low, high=high)


def faded_turn(state: GameState, s: int) -> int | None:
    """The turn the rival dropped this rumour (from the log), or None if it never did."""
    return next((entry.turn for entry in reversed(state.log) if entry.kind == "faded" and entry.signal == s), None)


def signal_status(app: App, state: GameState, s: int) -> str:
    """One line: where the race for this signal stands."""
    names = state.scenario.org.names
    done, rival = int(state.exploit_done[s]), int(state.competitor_done[s])
    if state.exposed[s]:
        return app.tr("board.status.exposed")
    if state.faded[s]:
        return app.tr("board.status.faded")
    if done != NOT_YET:
        if rival != NOT_YET and rival <= done:
            return app.tr("board.status.beaten", turn=done)
        if rival != NOT_YET:
            return app.tr("board.status.won_by", turn=done, margin=rival - done)
        return app.tr("board.status.won", turn=done)
    lost = app.tr("board.status.lost") + " · " if rival != NOT_YET else ""  # the turn is on the rival's line
    if state.exploiter[s] >= 0:
        return lost + app.tr("board.status.working", person=names[int(state.exploiter[s])])
    count = int(state.knows[s].sum())
    status = app.tr("board.status.open", count=count)
    if state.validated[s]:
        status += " · " + app.tr("board.status.validated")
    return lost + status


# ------------------------------------------------------------------ actions


def action_label(app: App, state: GameState, action: Action) -> str:
    """A short name for an action row (its full explanation is `action.describe`)."""
    scenario = state.scenario
    names = scenario.org.names
    urgent = ".urgent" if getattr(action, "urgent", False) else ""
    if isinstance(action, Escalate) and state.hierarchy.manager[action.person] >= 0:
        return app.tr("board.action.escalate" + urgent, to=names[int(state.hierarchy.manager[action.person])])
    if isinstance(action, Delegate):
        return app.tr("board.action.delegate" + urgent, to=names[action.to])
    if isinstance(action, RequestValidation):
        return app.tr("board.action.validate", gate=names[scenario.gates[action.gate].approver])
    if isinstance(action, Publish):
        return app.tr("board.action.publish", channel=scenario.channels[action.channel].name)
    if isinstance(action, Share):
        return app.tr("board.action.share", to=names[action.to])
    if isinstance(action, Post):
        return app.tr("board.action.post", community=scenario.communities[action.community].name)
    if isinstance(action, AskNetwork):
        return app.tr("board.action.ask", topic=scenario.tag_label(action.topic))
    return app.text(action.describe(scenario))


def recipient_of(state: GameState, action: Escalate | Delegate) -> int:
    """Who an escalation or delegation goes to (-1 for an escalation from the top)."""
    return action.to if isinstance(action, Delegate) else int(state.hierarchy.manager[action.person])


def occasion_name(app: App, state: GameState, channel: int) -> str:
    """The meeting an occasion is: a one-to-one, or the scenario channel's name."""
    if channel == ONE_TO_ONE:
        return app.tr("board.occasion.one_to_one")
    if channel == NO_CALENDAR:
        return app.tr("board.occasion.no_calendar")
    return app.text(state.scenario.channels[channel].name)


def arrival_text(app: App, state: GameState, action: Action) -> str | None:
    """When an escalation or delegation would reach its recipient if played now; None for other moves."""
    if not isinstance(action, (Escalate, Delegate)):
        return None
    recipient = recipient_of(state, action)
    if recipient < 0:
        return None
    name = state.scenario.org.names[recipient]
    if action.urgent:
        if state.is_absent(recipient):
            return app.tr("board.arrival.urgent_away", to=name, turn=int(state.absent_until[recipient]))
        if not state.available[recipient]:
            return app.tr("board.arrival.urgent_busy", to=name)
        return app.tr("board.arrival.now")
    occasion = request_occasion(state.scenario, state.hierarchy, action.person, recipient, state.turn)
    if occasion.turn > state.scenario.turns:
        return app.tr("board.arrival.too_late")
    where = occasion_name(app, state, occasion.channel)
    text = app.tr("board.arrival.turn", turn=occasion.turn, occasion=where)
    if state.absent_until[recipient] > occasion.turn:
        text += " " + app.tr("board.arrival.away", to=name, turn=int(state.absent_until[recipient]))
    return text


def action_detail(app: App, state: GameState, action: Action) -> str:
    """The focused action's explanation: when it arrives (for requests along the line), then what it does."""
    described = app.text(action.describe(state.scenario))
    arrival = arrival_text(app, state, action)
    return f"{arrival} {described}" if arrival else described


def _actions_min_height(app: App, layout: BoardLayout, side: SideState) -> int:
    """What the actions part needs to show its heading, the person's title, a few rows and a short explanation
    (the title goes first when even this does not fit)."""
    small = app.font(SMALL_PX)
    height = _heading_height(app, layout) + small.get_linesize() + layout.px(4)
    if side.person is None or not side.actions:
        return height + 2 * small.get_linesize()
    return height + _rows_min_height(app, layout, side) + _detail_height(app, layout, MIN_DETAIL_LINES)


def _rows_min_height(app: App, layout: BoardLayout, side: SideState) -> int:
    """Room for MIN_ROWS action rows, and the line saying how many more there are."""
    more = app.font(SMALL_PX).get_linesize() if len(side.actions) > MIN_ROWS else 0
    return min(len(side.actions), MIN_ROWS) * _row_height(app, layout) + more


def _row_height(app: App, layout: BoardLayout) -> int:
    return app.font(BODY_PX).get_linesize() + layout.px(8)


def _detail_height(app: App, layout: BoardLayout, lines_shown: int) -> int:
    return app.font(SMALL_PX).get_linesize() * lines_shown + layout.px(12)


def _draw_actions(
    surface, app: App, layout: BoardLayout, state: GameState, side: SideState, spots: Hotspots, area: pygame.Rect
) -> None:
    pygame.draw.line(
        surface, app.palette.panel_edge, (area.left, area.top - layout.px(4)), (area.right, area.top - layout.px(4)), 1
    )
    small = app.font(SMALL_PX)
    if side.person is None:
        y = _heading(surface, app, layout, app.tr("board.actions", person="…"), area.left, area.top, area.width)
        block(
            surface,
            app.tr("board.actions.none_selected"),
            small,
            app.palette.text_dim,
            pygame.Rect(area.left, y, area.width, area.bottom - y),
        )
        return
    names = state.scenario.org
    person = app.text(names.names[side.person])
    y = _heading(surface, app, layout, app.tr("board.actions", person=person), area.left, area.top, area.width)
    title_h = small.get_linesize() + layout.px(4)
    needed = _rows_min_height(app, layout, side) + _detail_height(app, layout, MIN_DETAIL_LINES)
    if not side.actions or area.bottom - y - title_h >= needed:  # else the card shows it on hover
        department = names.departments[int(names.department[side.person])].name
        title = f"{app.text(names.titles[side.person])} · {app.text(department)}"
        text_line(surface, title, small, app.palette.text_dim, (area.left, y), area.width)
        y += title_h
    if not side.actions:
        block(
            surface,
            app.tr("board.actions.empty", person=person),
            small,
            app.palette.text_dim,
            pygame.Rect(area.left, y, area.width, area.bottom - y),
        )
        return
    wanted = _rows_min_height(app, layout, side)
    detail_lines = DETAIL_LINES
    while detail_lines > MIN_DETAIL_LINES and area.bottom - y - _detail_height(app, layout, detail_lines) < wanted:
        detail_lines -= 1
    detail_h = _detail_height(app, layout, detail_lines)
    rows_area = pygame.Rect(area.left, y, area.width, area.bottom - y - detail_h)
    _draw_rows(surface, app, layout, state, side, spots, rows_area)
    focus = min(side.focus, len(side.actions) - 1)
    detail = pygame.Rect(area.left, area.bottom - detail_h, area.width, detail_h)
    pygame.draw.rect(surface, app.palette.background, detail, border_radius=6)
    text = f"{side.number(focus)}. {action_detail(app, state, side.actions[focus])}"
    block(surface, text, small, app.palette.text, detail.inflate(-layout.px(12), -layout.px(10)), detail_lines)


def _draw_rows(
    surface, app: App, layout: BoardLayout, state: GameState, side: SideState, spots: Hotspots, area: pygame.Rect
) -> None:
    body, small = app.font(BODY_PX), app.font(SMALL_PX)
    row_h = _row_height(app, layout)
    fits = max(1, area.height // row_h)
    if len(side.actions) > fits:  # keep a line to say how many more there are
        fits = max(1, (area.height - small.get_linesize()) // row_h)
    side.scroll = max(0, min(side.scroll, len(side.actions) - fits))
    shown = side.actions[side.scroll : side.scroll + fits]
    y = area.top
    prices = [action.price(state.scenario) for action in shown]
    cost_w = max(small.size(app.tr("board.cost", points=price))[0] for price in prices)
    badge_w = body.size("9")[0] + layout.px(12)
    for offset, (action, price) in enumerate(zip(shown, prices)):
        index = side.scroll + offset
        row = pygame.Rect(area.left, y, area.width, row_h - layout.px(3))
        if index == side.focus:
            pygame.draw.rect(surface, app.palette.panel_edge, row, border_radius=5)
        badge = pygame.Rect(row.left + layout.px(4), row.top + layout.px(3), badge_w, row.height - layout.px(6))
        if side.number(index) <= 9:
            pygame.draw.rect(surface, app.palette.accent, badge, border_radius=4)
            number = body.render(str(side.number(index)), True, app.palette.background)
            surface.blit(number, number.get_rect(center=badge.center))
        icon_x = badge.right + layout.px(8)
        _kind_icon(surface, app, action, (icon_x, row.centery), layout.px(28))
        label_x = icon_x + layout.px(36)
        text_line(
            surface,
            action_label(app, state, action),
            body,
            app.palette.text,
            (label_x, row.top + layout.px(4)),
            row.right - label_x - cost_w - layout.px(14),
        )
        urgent = getattr(action, "urgent", False)
        surface.blit(
            small.render(
                app.tr("board.cost", points=price), True, app.palette.warning if urgent else app.palette.text_dim
            ),
            (row.right - cost_w - layout.px(6), row.top + layout.px(6)),
        )
        spots.add(row, ("action", index))
        y += row_h
    hidden = len(side.actions) - len(shown)
    if hidden > 0:
        text_line(
            surface, app.tr("board.actions.more", count=hidden), small, app.palette.text_dim, (area.left, y), area.width
        )


def _kind_icon(surface: pygame.Surface, app: App, action: Action, centre: tuple[int, int], width: int) -> None:
    """Vertical moves: a solid line with a square; horizontal moves: a dashed line with a circle."""
    x, y = centre
    via = VIA_NETWORK if action.horizontal else VIA_HIERARCHY
    colour = app.palette.network if action.horizontal else app.palette.hierarchy
    lines.styled_line(surface, colour, (x, y), (x + width, y), via, 2)
    lines.token(surface, colour, (x + width // 2, y), via, size=max(4, width // 6))
