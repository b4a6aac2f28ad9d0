"""The top bar (team, turn, action points, timer, view and end-turn buttons), the calendar of channel
slots, the event log and the legend of flows."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pygame

from game.core.state import VIA_CHANNEL, VIA_HIERARCHY, VIA_NETWORK, GameState
from game.ui.board import lines
from game.ui.board.hit import Hotspots
from game.ui.board.layout import BODY_PX, HEADING_PX, SMALL_PX, BoardLayout
from game.ui.board.textdraw import fit, text_line
from game.ui.scenes import draw

if TYPE_CHECKING:
    from game.ui.app import App
    from game.ui.timer import PlanningTimer
    from game.workshop.session import Team


def draw_top(
    surface,
    app: App,
    layout: BoardLayout,
    team: Team,
    state: GameState,
    timer: PlanningTimer | None,
    view_name: str,
    spots: Hotspots,
    coach: bool = False,
) -> None:
    """Team, turn, action points and timer from the left, the buttons from the right; when they would meet
    (large text, narrow window), the action point dots go first, then the buttons' key hints, then the team
    name is shortened, then the buttons' margins: nothing is ever drawn under a button."""
    rect = layout.top
    palette = app.palette
    pygame.draw.rect(surface, palette.panel, rect)
    pygame.draw.line(surface, palette.panel_edge, rect.bottomleft, rect.bottomright, 2)
    pad = layout.px(12)
    swatch = pygame.Rect(pad, rect.top + layout.px(8), layout.px(14), rect.height - layout.px(16))
    pygame.draw.rect(surface, palette.team(team.colour), swatch, border_radius=3)
    readouts = _readouts(app, state, timer)
    bold = app.font(HEADING_PX, bold=True)
    fixed = sum(font.size(text)[0] + 2 * pad for _, text, font, _ in readouts)
    least_name = min(bold.size(team.name)[0], bold.size(team.name[:MIN_NAME_CHARS] + "…")[0])
    for dots, plan, narrow in _shortenings(_button_labels(app, view_name, coach)):
        limit = _buttons_left(app, layout, plan, rect.right - pad, narrow) - pad
        left = limit - (swatch.right + pad) - fixed - (_dots_width(layout, state.scenario.action_points) if dots else 0)
        if left >= least_name:
            break
    x = swatch.right + pad
    if left > bold.size("…")[0]:
        name_pos = (x, rect.centery - bold.get_linesize() // 2)
        right = text_line(surface, team.name, bold, palette.team(team.colour), name_pos, left)
        spots.readout(pygame.Rect(name_pos, (right - x, bold.get_linesize())), "team")
        x = right + 2 * pad
    for name, text, font, colour in readouts:
        pos = (x, rect.centery - font.get_linesize() // 2)
        right = text_line(surface, text, font, colour, pos, max(limit - x, 0))
        if name == "points" and dots:
            right = _dots(surface, app, layout, state, right + layout.px(8), rect.centery)
        spots.readout(pygame.Rect(pos, (right - x, font.get_linesize())), name)
        x = right + 2 * pad
    right = rect.right - pad
    for key, label in plan:
        right = _button(surface, app, layout, label, right, rect, spots, key, key == "end_turn", narrow) - pad


MIN_NAME_CHARS = 6  # the team name keeps at least this many letters before the buttons lose their key hints


def _shortenings(labels: list[tuple[str, str]]) -> list[tuple[bool, list[tuple[str, str]], bool]]:
    """(action point dots shown, button labels, narrow buttons), from the roomiest to the most compact; the
    coach's button goes before the other buttons lose their key hints (H still opens the coach)."""
    essential = [(key, label) for key, label in labels if key != "coach"]
    short = [(key, _without_key_hint(label)) for key, label in essential]
    return [
        (True, labels, False),
        (False, labels, False),
        (False, essential, False),
        (False, short, False),
        (False, short, True),
    ]


def _readouts(app: App, state: GameState, timer: PlanningTimer | None) -> list[tuple[str, str, object, tuple]]:
    """(name, text, font, colour) of the turn, the action points and the timer, in reading order."""
    body, palette = app.font(BODY_PX), app.palette
    turn = min(state.turn, state.scenario.turns)
    shown = [
        ("turn", app.tr("board.turn", turn=turn, turns=state.scenario.turns), body, palette.text),
        (
            "points",
            app.tr("board.points", points=state.action_points, total=state.scenario.action_points),
            body,
            palette.text,
        ),
    ]
    if timer is not None:
        colour = palette.warning if timer.urgent else palette.text
        shown.append(("timer", app.tr("board.timer", time=timer.label()), app.font(HEADING_PX, bold=True), colour))
    return shown


def _button_labels(app: App, view_name: str, coach: bool) -> list[tuple[str, str]]:
    """The top bar's buttons from the right: (key, label); the coach's only in solo games."""
    labels = [
        ("end_turn", app.tr("board.end_turn")),
        ("view", app.tr("board.view.toggle", view=view_name)),
        ("menu", app.tr("board.menu")),
    ]
    return labels + ([("coach", app.tr("coach.button"))] if coach else [])


def _without_key_hint(label: str) -> str:
    """ "End turn (Enter)" without its key in brackets, for a narrow bar."""
    return re.sub(r"\s*\([^()]*\)$", "", label) or label


def _buttons_left(app: App, layout: BoardLayout, labels: list[tuple[str, str]], right: int, narrow: bool) -> int:
    """Where the leftmost button starts when `labels` are laid out leftwards from `right`."""
    for key, label in labels:
        right -= _button_width(app, layout, label, key == "end_turn", narrow) + layout.px(12)
    return right + layout.px(12)


def _button_width(app: App, layout: BoardLayout, label: str, primary: bool, narrow: bool) -> int:
    """The label and its margins (thinner when `narrow`)."""
    return app.font(BODY_PX, bold=primary).size(label)[0] + layout.px(10 if narrow else 24)


def _dots_width(layout: BoardLayout, total: int) -> int:
    return layout.px(8) + total * (2 * layout.px(7) + layout.px(4))


def _dots(surface, app: App, layout: BoardLayout, state: GameState, x: int, cy: int) -> int:
    """One dot per action point (filled while unspent); returns the right edge."""
    total = state.scenario.action_points
    r = layout.px(7)
    for i in range(total):
        centre = (x + r + i * (2 * r + layout.px(4)), cy)
        if i < state.action_points:
            pygame.draw.circle(surface, app.palette.accent, centre, r)
        else:
            pygame.draw.circle(surface, app.palette.text_dim, centre, r, 2)
    return x + total * (2 * r + layout.px(4))


def _button(
    surface,
    app: App,
    layout: BoardLayout,
    label: str,
    right: int,
    bar: pygame.Rect,
    spots: Hotspots,
    key: str,
    primary: bool,
    narrow: bool,
) -> int:
    font = app.font(BODY_PX, bold=primary)
    w = _button_width(app, layout, label, primary, narrow)
    rect = pygame.Rect(right - w, bar.top + layout.px(7), w, bar.height - layout.px(14))
    fill = app.palette.accent if primary else app.palette.panel_edge
    pygame.draw.rect(surface, fill, rect, border_radius=6)
    image = font.render(label, True, app.palette.background if primary else app.palette.text)
    surface.blit(image, image.get_rect(center=rect.center))
    spots.add(rect, ("button", key))
    return rect.left


def draw_calendar(surface, app: App, layout: BoardLayout, state: GameState, scroll: ScrolledLines) -> None:
    """What the team waits for and the channels' next slots, soonest first, wrapped; the wheel scrolls it."""
    small = app.font(SMALL_PX)
    width = _text_width(layout, layout.calendar)
    lines = [
        (text, app.palette.text) for entry in calendar_lines(app, state) for text in draw.wrap(entry, small, width)
    ]
    _draw_scrolled(surface, app, layout, layout.calendar, app.tr("board.calendar"), lines, scroll)


def calendar_lines(app: App, state: GameState) -> list[str]:
    """What the team is waiting for (requests travelling up or down the line, with the turn each arrives, then
    validations), then the upcoming slot of each channel ("All-hands: in 3 days") and what is queued for it."""
    scenario, turn = state.scenario, state.turn
    result = []
    for message in sorted(state.inbox, key=lambda m: (not m.urgent, m.due)):
        names = dict(to=scenario.org.names[message.recipient], signal=scenario.signals[message.signal].title)
        if message.urgent:
            result.append(app.tr("board.in_flight.urgent", **names))
        else:
            result.append(app.tr("board.in_flight.due", turn=message.due, **names))
    for pending in state.validations:
        approver = scenario.org.names[scenario.gates[pending.gate].approver]
        result.append(
            app.tr(
                "board.validation_due",
                person=approver,
                signal=scenario.signals[pending.signal].title,
                turn=pending.done_turn,
            )
        )
    for c, channel in enumerate(scenario.channels):
        name = app.text(channel.name)
        slot = channel.next_slot(turn)
        if slot > scenario.turns:
            line = app.tr("board.slot.none", channel=name)
        elif slot == turn:
            line = app.tr("board.slot.today", channel=name)
        else:
            wait = slot - turn
            line = app.tr("board.slot.later", channel=name, duration=app.translator.duration(wait, scenario.turn_unit))
        queued = [app.text(scenario.signals[p.signal].title) for p in state.publications if p.channel == c]
        if queued:
            line += " · " + app.tr("board.slot.queued", signal=", ".join(queued))
        result.append(line)
    return result


@dataclass
class ScrolledLines:
    """Where a panel of wrapped lines is scrolled: `scroll` lines away from its first line, or from its last when
    `from_end` (the log keeps its newest line in view). The wheel over the panel scrolls it; so do PageUp and
    PageDown for the log, with Shift for the calendar."""

    from_end: bool = False
    scroll: int = 0
    rows: int = 1  # lines the panel showed at the last draw: a page

    def back(self, lines: int) -> None:
        """Show `lines` earlier lines (later ones when negative)."""
        self.scroll = max(0, self.scroll + (lines if self.from_end else -lines))

    def page(self, key: int) -> bool:
        """Scroll a page for PageUp / PageDown; False for any other key."""
        if key not in PAGE_KEYS:
            return False
        step = max(1, self.rows - 1)
        self.back(step if key == pygame.K_PAGEUP else -step)
        return True

    def wheel(self, y: int) -> None:
        self.back(WHEEL_LINES * y)

    def visible(self, lines: list, rows: int) -> list:
        """The `rows` lines shown at the current scroll, which is clamped to the lines there are."""
        self.rows = rows
        self.scroll = min(self.scroll, max(0, len(lines) - rows))
        first = len(lines) - rows - self.scroll if self.from_end else self.scroll
        return lines[max(0, first) : max(0, first) + rows]


PAGE_KEYS = (pygame.K_PAGEUP, pygame.K_PAGEDOWN)
WHEEL_LINES = 2  # lines scrolled per notch of the mouse wheel


def log_lines(app: App, state: GameState, font: pygame.font.Font, width: int) -> list[tuple[str, tuple]]:
    """Every entry of the event log wrapped to `width`, oldest first, with its colour (dim for older turns)."""
    wrapped = []
    for entry in state.log:
        line = app.tr("board.log.line", turn=entry.turn, text=app.text(entry.text))
        colour = app.palette.text if entry.turn >= state.turn - 1 else app.palette.text_dim
        wrapped += [(text, colour) for text in draw.wrap(line, font, width)]
    return wrapped


def draw_log(surface, app: App, layout: BoardLayout, state: GameState, scroll: ScrolledLines) -> None:
    """What happened, newest at the foot, long entries wrapped rather than cut."""
    lines = log_lines(app, state, app.font(SMALL_PX), _text_width(layout, layout.log))
    if not lines:
        lines = [(app.tr("board.log.empty"), app.palette.text_dim)]
    _draw_scrolled(surface, app, layout, layout.log, app.tr("board.log"), lines, scroll)


def _text_width(layout: BoardLayout, rect: pygame.Rect) -> int:
    """The room for text in a panel of the foot of the board, beside its scroll bar."""
    return rect.width - layout.px(24) - layout.px(SCROLLBAR_PX)


SCROLLBAR_PX = 6


def _draw_scrolled(
    surface, app: App, layout: BoardLayout, rect: pygame.Rect, title: str, lines: list, scroll: ScrolledLines
) -> None:
    """A panel with its title, then the lines `scroll` shows, and a scroll bar when they do not all fit."""
    _panel(surface, app, layout, rect, title)
    small = app.font(SMALL_PX)
    x, width = rect.left + layout.px(12), _text_width(layout, rect)
    top = rect.top + app.font(HEADING_PX, bold=True).get_linesize() + layout.px(8)
    rows = max(1, (rect.bottom - layout.px(4) - top) // small.get_linesize())
    for i, (text, colour) in enumerate(scroll.visible(lines, rows)):
        text_line(surface, text, small, colour, (x, top + i * small.get_linesize()), width)
    if len(lines) > rows:
        bar = pygame.Rect(rect.right - layout.px(8) - layout.px(SCROLLBAR_PX), top, layout.px(SCROLLBAR_PX), 0)
        bar.height = rows * small.get_linesize()
        first = len(lines) - rows - scroll.scroll if scroll.from_end else scroll.scroll
        draw.scrollbar(surface, bar, len(lines), rows, first, app.palette.background, app.palette.text_dim)


def _panel(surface, app: App, layout: BoardLayout, rect: pygame.Rect, title: str) -> None:
    pygame.draw.rect(surface, app.palette.panel, rect)
    pygame.draw.rect(surface, app.palette.panel_edge, rect, 1)
    font = app.font(HEADING_PX, bold=True)
    text_line(
        surface,
        title,
        font,
        app.palette.accent,
        (rect.left + layout.px(12), rect.top + layout.px(4)),
        rect.width - layout.px(24),
    )


LEGEND_ITEMS = ("hierarchy", "channel", "network")  # the flows the legend shows, left to right


def legend_height(app: App, layout: BoardLayout) -> int:
    """The legend strip's height along the bottom of the map: one line, or two when the key to markers wraps."""
    lines_used = 1 if _legend_fits_one_line(app, layout) else 2
    return lines_used * app.font(SMALL_PX).get_linesize() + layout.px(12)


def _legend_fits_one_line(app: App, layout: BoardLayout) -> bool:
    small = app.font(SMALL_PX)
    flows = sum(_legend_item_width(app, layout, item) for item in LEGEND_ITEMS)
    needed = layout.px(12) + flows + small.size(app.tr("board.legend.knows"))[0] + 10
    return needed <= layout.map.width


def _legend_item_width(app: App, layout: BoardLayout, item: str) -> int:
    """A flow's sample line, its name and the gap after it."""
    return layout.px(34) + layout.px(6) + app.font(SMALL_PX).size(app.tr(f"board.legend.{item}"))[0] + layout.px(18)


def draw_legend(surface, app: App, layout: BoardLayout) -> None:
    """Bottom of the map: which line style and token is which flow, then how markers show who knows."""
    small = app.font(SMALL_PX)
    palette = app.palette
    colours = {"hierarchy": palette.hierarchy, "channel": palette.channel, "network": palette.network}
    vias = {"hierarchy": VIA_HIERARCHY, "channel": VIA_CHANNEL, "network": VIA_NETWORK}
    top = layout.map.bottom - legend_height(app, layout)
    pygame.draw.rect(
        surface, palette.panel, pygame.Rect(layout.map.left, top, layout.map.width, layout.map.bottom - top)
    )
    x, y = layout.map.left + layout.px(12), top + layout.px(6)
    middle = y + small.get_linesize() // 2
    seg = layout.px(34)
    for item in LEGEND_ITEMS:
        lines.styled_line(surface, colours[item], (x, middle), (x + seg, middle), vias[item], 2)
        lines.token(surface, colours[item], (x + seg // 2, middle), vias[item], size=layout.px(5))
        text_line(surface, app.tr(f"board.legend.{item}"), small, palette.text_dim, (x + seg + layout.px(6), y))
        x += _legend_item_width(app, layout, item)
    if not _legend_fits_one_line(app, layout):
        x, y = layout.map.left + layout.px(12), y + small.get_linesize()
    knows = fit(app.tr("board.legend.knows"), small, layout.map.right - x - 10)
    text_line(surface, knows, small, palette.text_dim, (x, y))
