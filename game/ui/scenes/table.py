"""Drawing a table of text: header, rows of up to two wrapped lines, right-aligned numbers, team colour swatches."""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from game.ui.scenes import draw

MAX_LINES = 2  # lines of a wrapped cell; longer text ends with an ellipsis


@dataclass(frozen=True)
class Column:
    title: str
    width: float  # share of the table's width
    align: str = "left"  # "left" or "right"


def draw_table(
    app,  # noqa: ANN001 - App
    surface: pygame.Surface,
    area: pygame.Rect,
    columns: list[Column],
    rows: list[list[str]],
    swatches: list[tuple[int, int, int] | None] | None = None,
) -> list[pygame.Rect]:
    """Draw the table in `area`; returns each row's rectangle. A swatch is drawn before the second column's text."""
    colours, px = app.palette, app.px
    head, body = app.font(18, True), app.font(22)
    pad = px(10)
    total = sum(c.width for c in columns)
    lefts, x = [], area.left
    for column in columns:
        lefts.append(x)
        x += round(area.width * column.width / total)
    widths = [b - a for a, b in zip(lefts, lefts[1:] + [area.right])]
    for column, left, width in zip(columns, lefts, widths):
        _cell(surface, [column.title], head, colours.text_dim, left, width, area.top, column.align, pad)
    y = area.top + head.get_linesize() + px(8)
    pygame.draw.line(surface, colours.panel_edge, (area.left, y - px(4)), (area.right, y - px(4)), 2)
    rects = []
    for index, row in enumerate(rows):
        swatch = swatches[index] if swatches else None
        cells = [
            _lines(text, body, w - 2 * pad - (px(40) if swatch and i == 1 else 0))
            for i, (text, w) in enumerate(zip(row, widths))
        ]
        rect = pygame.Rect(area.left, y, area.width, max(len(c) for c in cells) * body.get_linesize() + px(14))
        if rect.bottom > area.bottom:
            break
        pygame.draw.rect(surface, colours.panel if index % 2 == 0 else colours.background, rect, border_radius=6)
        for column_index, (lines, column, left, width) in enumerate(zip(cells, columns, lefts, widths)):
            if swatch is not None and column_index == 1:
                box = pygame.Rect(left + pad, 0, px(22), px(22))
                box.centery = rect.centery
                pygame.draw.rect(surface, swatch, box, border_radius=4)
                left, width = left + px(40), width - px(40)
            _cell(surface, lines, body, colours.text, left, width, rect.top + px(7), column.align, pad)
        rects.append(rect)
        y = rect.bottom + px(4)
    return rects


def _lines(text: str, font: pygame.font.Font, width: int) -> list[str]:
    lines = draw.wrap(text, font, width)
    if len(lines) > MAX_LINES:
        lines = lines[: MAX_LINES - 1] + [draw.fit(" ".join(lines[MAX_LINES - 1 :]), font, width)]
    return lines


def _cell(surface, lines, font, colour, left, width, y, align, pad) -> None:  # noqa: ANN001
    for text in lines:
        text = draw.fit(text, font, width - 2 * pad)
        if align == "right":
            draw.line(surface, text, font, colour, (left + width - pad, y), "topright")
        else:
            draw.line(surface, text, font, colour, (left + pad, y))
        y += font.get_linesize()
