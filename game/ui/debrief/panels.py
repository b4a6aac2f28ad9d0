"""What each view of the debrief screen draws: the timeline chart, the path, the contrasts, the comparison, the questions."""

from __future__ import annotations

import io
import math

import pygame

from game.debrief import charts
from game.debrief.build import Debrief, SignalDebrief, TeamDebrief
from game.debrief.compare import Alternative
from game.debrief.phrasing import contrast_sentences, headline, hop_sentence, incident_sentence, moves_sentence
from game.debrief.summary import reached
from game.debrief.timeline import VIAS
from game.ui.debrief.pathview import draw_path
from game.ui.scenes import draw
from game.ui.scenes.scroll import Scroll
from game.ui.scenes.table import Column, draw_table

CONTRASTS = ("who", "when", "what", "where")
CONTRAST_PX, CONTRAST_SPACING = 16, 1.05  # design px and line spacing of the contrasts' sentences
BAR_H = 44  # design px of a contrast's pair of bars
SCREEN_FONT_PT = 13  # matplotlib text size on screen: about 18 px at 100 dpi, readable on a projector
GAP = 24  # design px between a chart and its side text


def chart_surface(app, team: TeamDebrief, signal: SignalDebrief, size: tuple[int, int]) -> pygame.Surface:  # noqa: ANN001
    """The timeline chart rendered by matplotlib at exactly `size` pixels."""
    from matplotlib import rc_context  # here, not at the top: the window opens without matplotlib

    inches = (size[0] / charts.DPI, size[1] / charts.DPI)
    with rc_context({"font.size": SCREEN_FONT_PT}):
        figure = charts.timeline_figure(team, signal, app.translator, size=inches)
        png = charts.render(figure, "png")
    return pygame.image.load(io.BytesIO(png), "chart.png").convert()


def side_text(app, surface: pygame.Surface, area: pygame.Rect, lines: list[tuple[str, bool]], body: int = 18) -> None:  # noqa: ANN001
    """Paragraphs down a column; a True flag draws the line as a heading. When they do not fit at `body` design px,
    the text gets smaller (never below 18 px on screen) before anything is cut."""
    smallest = max(SMALLEST_SIDE_PX, math.ceil(MIN_SCREEN_PX / (app.px(100) / 100)))
    sizes = [size for size in range(body, smallest - 1, -2)] or [body]
    body = next((size for size in sizes if _side_height(app, area.width, lines, size) <= area.height), sizes[-1])
    y = area.top
    for text, heading in lines:
        font = app.font(body + 2, True) if heading else app.font(body)
        colour = app.palette.accent if heading else app.palette.text
        y = draw.paragraph(surface, text, font, colour, pygame.Rect(area.left, y, area.width, area.bottom - y))
        y += app.px(8)


SMALLEST_SIDE_PX = 12  # design px: the side text never shrinks below this...
MIN_SCREEN_PX = 18  # ...nor below this many pixels on screen


def _side_height(app, width: int, lines: list[tuple[str, bool]], body: int) -> int:  # noqa: ANN001
    """The height `side_text` needs at `body` design px."""
    height = 0
    for text, heading in lines:
        font = app.font(body + 2, True) if heading else app.font(body)
        height += len(draw.wrap(text, font, width)) * round(font.get_linesize() * 1.25) + app.px(8)
    return height


def timeline_view(app, surface, area: pygame.Rect, team: TeamDebrief, signal: SignalDebrief, chart) -> None:  # noqa: ANN001
    surface.blit(chart, area.topleft)
    side = pygame.Rect(
        area.left + chart.get_width() + app.px(GAP),
        area.top,
        area.right - area.left - chart.get_width() - app.px(GAP),
        area.height,
    )
    timeline, counts = signal.timeline, reached(signal)
    lines = [(headline(signal.outcome, app.translator), True)]
    marks = (
        ("exploited", timeline.exploited),
        ("rival", timeline.rival),
        ("exposed", timeline.exposed),
        ("faded", timeline.faded),
    )
    for key, turn in marks:
        if turn is not None:
            lines.append((app.tr(f"debrief.mark.{key}", turn=turn), False))
    lines.append((app.tr("debrief.axis.knowers"), True))
    lines += [(_label_value(app, app.tr(f"debrief.via.{via}"), counts[via]), False) for via in VIAS]
    if timeline.leaks:
        lines.append((_label_value(app, app.tr("debrief.mark.leak"), sum(n for _, n in timeline.leaks)), False))
    side_text(app, surface, side, lines)


def _label_value(app, label: str, value: float) -> str:  # noqa: ANN001 - App
    return app.tr("debrief.screen.label_value", label=label, value=value)


def path_chart(app, area: pygame.Rect) -> pygame.Rect:  # noqa: ANN001 - App
    """The path view's chart panel: the left of `area`, the sentences on its right."""
    return pygame.Rect(area.left, area.top, round(area.width * 0.62), area.height)


def path_view(app, surface, area: pygame.Rect, team: TeamDebrief, signal: SignalDebrief) -> None:  # noqa: ANN001
    chart = path_chart(app, area)
    draw.panel(surface, chart, app.palette.panel, app.palette.panel_edge)
    draw_path(app, surface, chart.inflate(-app.px(8), -app.px(8)), team, signal)
    scenario, tr = team.state.scenario, app.translator
    lines = [(app.tr("debrief.section.path"), True)]
    lines += [(hop_sentence(scenario, hop, tr), False) for hop in signal.path.hops]
    if signal.incidents:
        lines.append((app.tr("debrief.section.incidents"), True))
        lines += [(incident_sentence(scenario, i, tr), False) for i in signal.incidents]
    side_text(
        app,
        surface,
        pygame.Rect(chart.right + app.px(GAP), area.top, area.right - chart.right - app.px(GAP), area.height),
        lines,
    )


def contrasts_view(app, surface, area: pygame.Rect, signal: SignalDebrief, scroll: Scroll) -> None:  # noqa: ANN001
    """The four contrasts in a 2×2 grid of bars and sentences; as a scrolling list of sentences when that cannot fit."""
    sentences = contrast_sentences(signal.contrasts, app.translator)
    if _grid_fits(app, area, sentences):
        scroll.resize(0, area.height)
        _contrasts_grid(app, surface, area, signal, sentences)
    else:
        _contrasts_list(app, surface, area, sentences, scroll)


def _grid_box(app, area: pygame.Rect, index: int) -> pygame.Rect:  # noqa: ANN001
    half_w, half_h = (area.width - app.px(GAP)) // 2, (area.height - app.px(GAP)) // 2
    return pygame.Rect(
        area.left + (index % 2) * (half_w + app.px(GAP)),
        area.top + (index // 2) * (half_h + app.px(GAP)),
        half_w,
        half_h,
    )


def _grid_text_room(app, box: pygame.Rect) -> pygame.Rect:  # noqa: ANN001
    """Where a grid box's sentence goes: below its heading and bars."""
    inner = box.inflate(-app.px(24), -app.px(20))
    top = inner.top + app.font(22, True).get_linesize() + app.px(4) + app.px(BAR_H) + app.px(4)
    return pygame.Rect(inner.left, top, inner.width, inner.bottom - top)


def _grid_fits(app, area: pygame.Rect, sentences: dict[str, str]) -> bool:  # noqa: ANN001
    font = app.font(CONTRAST_PX)
    step = round(font.get_linesize() * CONTRAST_SPACING)
    for index, key in enumerate(CONTRASTS):
        room = _grid_text_room(app, _grid_box(app, area, index))
        if len(draw.wrap(sentences[key], font, room.width)) * step > room.height:
            return False
    return True


def _contrasts_grid(app, surface, area: pygame.Rect, signal: SignalDebrief, sentences: dict[str, str]) -> None:  # noqa: ANN001
    c = signal.contrasts
    bars = {
        "who": (sum(c.who.official), sum(c.who.network), "{:d}"),
        "when": (c.when.official_wait, c.when.network_wait, "{:.1f}"),
        "what": (c.what.official_fidelity or 0.0, c.what.network_fidelity or 0.0, "{:.2f}"),
        "where": (c.where.channel + c.where.hierarchy, c.where.relays + c.where.team_network, "{:d}"),
    }
    for index, key in enumerate(CONTRASTS):
        box = _grid_box(app, area, index)
        draw.panel(surface, box, app.palette.panel, app.palette.panel_edge)
        inner = box.inflate(-app.px(24), -app.px(20))
        y = draw.line(
            surface, app.tr(f"debrief.contrast.{key}"), app.font(22, True), app.palette.accent, inner.topleft
        ).bottom
        _bars(app, surface, pygame.Rect(inner.left, y + app.px(4), inner.width, app.px(BAR_H)), *bars[key])
        draw.paragraph(
            surface,
            sentences[key],
            app.font(CONTRAST_PX),
            app.palette.text,
            _grid_text_room(app, box),
            CONTRAST_SPACING,
        )


def _contrasts_list(app, surface, area: pygame.Rect, sentences: dict[str, str], scroll: Scroll) -> None:  # noqa: ANN001
    """Headings and sentences one under the other, scrolled by the wheel or PgUp / PgDn when taller than `area`."""
    heading, body = app.font(22, True), app.font(CONTRAST_PX)
    width = area.width - app.px(16)  # room for the scroll bar
    step = round(body.get_linesize() * CONTRAST_SPACING)
    blocks = [(key, draw.wrap(sentences[key], body, width)) for key in CONTRASTS]
    height = sum(heading.get_linesize() + len(lines) * step + app.px(14) for _, lines in blocks)
    scroll.resize(height, area.height)
    clip = surface.get_clip()
    surface.set_clip(area)
    y = area.top - scroll.offset
    for key, lines in blocks:
        y = draw.line(surface, app.tr(f"debrief.contrast.{key}"), heading, app.palette.accent, (area.left, y)).bottom
        for text in lines:
            surface.blit(body.render(text, True, app.palette.text), (area.left, y))
            y += step
        y += app.px(14)
    surface.set_clip(clip)
    scroll.draw_bar(surface, area, app.palette.panel_edge, app.px(6))


def _bars(app, surface, area: pygame.Rect, official: float, network: float, fmt: str) -> int:  # noqa: ANN001
    """Two horizontal bars, official and network, scaled to the larger; returns the y below them."""
    label_w = app.px(110)
    largest = max(official, network) or 1
    font = app.font(16)
    for row, (key, value, colour) in enumerate(
        (("official", official, app.palette.accent), ("network", network, app.palette.network))
    ):
        y = area.top + row * (area.height // 2)
        draw.line(surface, app.tr(f"debrief.contrast.{key}"), font, app.palette.text_dim, (area.left, y))
        width = round((area.width - label_w - app.px(60)) * value / largest)
        pygame.draw.rect(
            surface,
            colour,
            pygame.Rect(area.left + label_w, y + app.px(4), max(width, 2), area.height // 2 - app.px(8)),
            border_radius=3,
        )
        draw.line(surface, fmt.format(value), font, app.palette.text, (area.left + label_w + width + app.px(8), y))
    return area.bottom


def compare_view(
    app, surface, area: pygame.Rect, debrief: Debrief, team: TeamDebrief, alternative: Alternative
) -> pygame.Rect:  # noqa: ANN001
    """Points on the same seed (teams, the what-if, the bots) and the what-if's sentences; returns the controls' area."""
    tr = app.translator
    table = pygame.Rect(area.left, area.top, round(area.width * 0.64), area.height)
    columns = [Column(app.tr("debrief.table.team"), 2.4), Column(app.tr("debrief.table.score"), 0.9, "right")]
    columns += [Column(tr.text(s.title), 1.2, "right") for s in debrief.scenario.signals]
    # The what-if has its own panel; rows beyond the table's height are cut (the exported report lists them all).
    rows = [[t.name, tr.number(t.score), *(tr.number(s.outcome.points) for s in t.signals)] for t in debrief.teams]
    for bot in debrief.bots:
        name = app.tr("debrief.compare.bot_label", strategy=app.tr(f"debrief.strategy.{bot.strategy}"))
        rows.append([name, tr.number(bot.score), *(tr.number(o.points) for o in bot.outcomes)])
    draw_table(app, surface, table, columns, rows)
    side = pygame.Rect(table.right + app.px(GAP), area.top, area.right - table.right - app.px(GAP), area.height)
    draw.panel(surface, side, app.palette.panel, app.palette.panel_edge)
    inner = side.inflate(-app.px(24), -app.px(24))
    gap = alternative.difference
    difference = app.tr(
        "debrief.screen.difference",
        sign="+" if gap > 0 else "−" if gap < 0 else "±",
        difference=abs(gap),
        team_score=alternative.team_score,
    )
    lines = [
        (moves_sentence(team.name, team.coaching, tr), False),
        (app.tr("debrief.section.what_if"), True),
        (
            app.tr(
                "debrief.screen.what_if",
                turn=alternative.from_turn,
                strategy=app.tr(f"debrief.strategy.{alternative.strategy}"),
            ),
            False,
        ),
        (app.tr("debrief.screen.what_if_result", points=alternative.score, difference=difference), True),
        (app.tr("debrief.caption.what_if"), False),
    ]
    side_text(app, surface, pygame.Rect(inner.left, inner.top, inner.width, inner.height - app.px(58)), lines)
    return pygame.Rect(inner.left, inner.bottom - app.px(46), inner.width, app.px(46))


def questions_view(app, surface, area: pygame.Rect, debrief: Debrief) -> None:  # noqa: ANN001
    lines: list[tuple[str, bool]] = []
    if debrief.objectives:
        lines.append((app.tr("debrief.screen.objectives"), True))
        lines += [(f"• {app.text(t)}", False) for t in debrief.objectives]
    lines.append((app.tr("debrief.screen.questions"), True))
    if debrief.questions:
        lines += [(f"{i}. {app.text(t)}", False) for i, t in enumerate(debrief.questions, start=1)]
    else:
        lines.append((app.tr("debrief.screen.no_questions"), False))
    side_text(app, surface, area, lines, body=24)
