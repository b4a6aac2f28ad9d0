"""The side panel: each signal's status, value left and the rival's progress; the selected person's actions.

Drawn from the state on every change (never changes it); registers what a
click on each row means in the board's Hotspots.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import pygame

from game.core.actions import Action, AskNetwork, Delegate, Escalate, Post, Publish, RequestValidation, Share
from game.core.competitor import rival_progress
from game.core.scoring import value_left
from game.core.state import NOT_YET, VIA_HIERARCHY, VIA_NETWORK, GameState
from game.ui.board import lines
from game.ui.board.hit import Hotspots
from game.ui.board.layout import BODY_PX, HEADING_PX, SMALL_PX, BoardLayout
from game.ui.board.textdraw import bar, block, text_line

if TYPE_CHECKING:
    from game.ui.app import App

DETAIL_LINES = 4  # lines of the focused action's explanation


@dataclass
class SideState:
    """What the panel shows beyond the game state: selection, focused action row, scroll."""

    signals: list[int]
    signal: int | None
    person: int | None
    actions: list[Action]
    focus: int = 0  # action row whose explanation is shown
    scroll: int = 0  # first action row shown


def draw_side(
    surface: pygame.Surface, app: App, layout: BoardLayout, state: GameState, side: SideState, spots: Hotspots
) -> None:
    rect = layout.side
    pygame.draw.rect(surface, app.palette.panel, rect)
    pygame.draw.line(surface, app.palette.panel_edge, rect.topleft, rect.bottomleft, 2)
    inner = rect.inflate(-2 * layout.px(12), -2 * layout.px(10))
    y = _draw_signals(surface, app, layout, state, side, spots, inner)
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


def _draw_signals(
    surface, app: App, layout: BoardLayout, state: GameState, side: SideState, spots: Hotspots, area: pygame.Rect
) -> int:
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
    for s in side.signals:
        top = y
        selected = s == side.signal
        title = app.text(state.scenario.signals[s].title)
        font = app.font(BODY_PX, bold=selected)
        colour = app.palette.text if selected else app.palette.text_dim
        text_line(surface, title, font, colour, (area.left + layout.px(14), y), area.width - layout.px(14))
        y += body.get_linesize()
        text_line(
            surface,
            signal_status(app, state, s),
            small,
            app.palette.text_dim,
            (area.left + layout.px(14), y),
            area.width - layout.px(14),
        )
        y += small.get_linesize()
        y = _draw_race(
            surface, app, layout, state, s, area.left + layout.px(14), y, area.width - layout.px(14)
        ) + layout.px(6)
        if selected:
            pygame.draw.rect(surface, app.palette.accent, (area.left, top + 2, layout.px(5), y - top - layout.px(8)))
        spots.add(pygame.Rect(area.left, top, area.width, y - top), ("signal", s))
    return y


def _draw_race(surface, app: App, layout: BoardLayout, state: GameState, s: int, x: int, y: int, width: int) -> int:
    small = app.font(SMALL_PX)
    spec = state.scenario.signals[s]
    left = value_left(state, s, state.turn)
    half = (width - layout.px(10)) // 2
    value_text = app.tr("board.value_left", left=f"{left:.0f}", value=f"{spec.value:.0f}")
    rival = rival_progress(state, s)
    rival_text = app.tr("board.rival", percent=round(rival * 100))
    h = small.get_linesize()
    bar_h = layout.px(6)
    text_line(surface, value_text, small, app.palette.text, (x, y), half)
    text_line(surface, rival_text, small, app.palette.text, (x + half + layout.px(10), y), half)
    bar(
        surface,
        pygame.Rect(x, y + h, half, bar_h),
        left / spec.value if spec.value else 0.0,
        app.palette.good,
        app.palette.panel_edge,
    )
    bar(
        surface,
        pygame.Rect(x + half + layout.px(10), y + h, half, bar_h),
        rival,
        app.palette.bad,
        app.palette.panel_edge,
    )
    return y + h + bar_h + layout.px(4)


def signal_status(app: App, state: GameState, s: int) -> str:
    """One line: where the race for this signal stands."""
    names = state.scenario.org.names
    done, rival = int(state.exploit_done[s]), int(state.competitor_done[s])
    if state.exposed[s]:
        return app.tr("board.status.exposed")
    if done != NOT_YET:
        if rival != NOT_YET and rival <= done:
            return app.tr("board.status.beaten", turn=done)
        if rival != NOT_YET:
            return app.tr("board.status.won_by", turn=done, margin=rival - done)
        return app.tr("board.status.won", turn=done)
    if rival != NOT_YET:
        return app.tr("board.status.lost", turn=rival)
    if state.exploiter[s] >= 0:
        return app.tr("board.status.working", person=names[int(state.exploiter[s])])
    count = int(state.knows[s].sum())
    status = app.tr("board.status.open_one" if count == 1 else "board.status.open_many", count=count)
    if state.validated[s]:
        status += " · " + app.tr("board.status.validated")
    return status


def action_label(app: App, state: GameState, action: Action) -> str:
    """A short name for an action row (its full explanation is `action.describe`)."""
    scenario = state.scenario
    names = scenario.org.names
    if isinstance(action, Escalate) and state.hierarchy.manager[action.person] >= 0:
        return app.tr("board.action.escalate", to=names[int(state.hierarchy.manager[action.person])])
    if isinstance(action, Delegate):
        return app.tr("board.action.delegate", to=names[action.to])
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
    title = f"{app.text(names.titles[side.person])} · {app.text(names.departments[int(names.department[side.person])].name)}"
    text_line(surface, title, small, app.palette.text_dim, (area.left, y), area.width)
    y += small.get_linesize() + layout.px(4)
    if not side.actions:
        block(
            surface,
            app.tr("board.actions.empty", person=person),
            small,
            app.palette.text_dim,
            pygame.Rect(area.left, y, area.width, area.bottom - y),
        )
        return
    detail_h = small.get_linesize() * DETAIL_LINES + layout.px(12)
    rows_area = pygame.Rect(area.left, y, area.width, area.bottom - y - detail_h)
    _draw_rows(surface, app, layout, state, side, spots, rows_area)
    focus = min(side.focus, len(side.actions) - 1)
    detail = pygame.Rect(area.left, area.bottom - detail_h, area.width, detail_h)
    pygame.draw.rect(surface, app.palette.background, detail, border_radius=6)
    text = f"{focus + 1}. {app.text(side.actions[focus].describe(state.scenario))}"
    block(surface, text, small, app.palette.text, detail.inflate(-layout.px(12), -layout.px(10)), DETAIL_LINES)


def _draw_rows(
    surface, app: App, layout: BoardLayout, state: GameState, side: SideState, spots: Hotspots, area: pygame.Rect
) -> None:
    body, small = app.font(BODY_PX), app.font(SMALL_PX)
    row_h = body.get_linesize() + layout.px(8)
    fits = max(1, area.height // row_h)
    if len(side.actions) > fits:  # keep a line to say how many more there are
        fits = max(1, (area.height - small.get_linesize()) // row_h)
    side.scroll = max(0, min(side.scroll, len(side.actions) - fits))
    shown = side.actions[side.scroll : side.scroll + fits]
    y = area.top
    cost = app.tr("board.cost", points=1)
    cost_w = small.size(cost)[0]
    badge_w = body.size("9")[0] + layout.px(12)
    for offset, action in enumerate(shown):
        index = side.scroll + offset
        row = pygame.Rect(area.left, y, area.width, row_h - layout.px(3))
        if index == side.focus:
            pygame.draw.rect(surface, app.palette.panel_edge, row, border_radius=5)
        badge = pygame.Rect(row.left + layout.px(4), row.top + layout.px(3), badge_w, row.height - layout.px(6))
        if index < 9:
            pygame.draw.rect(surface, app.palette.accent, badge, border_radius=4)
            number = body.render(str(index + 1), True, app.palette.background)
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
        surface.blit(
            small.render(app.tr("board.cost", points=action.cost), True, app.palette.text_dim),
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
