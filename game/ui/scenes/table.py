"""Drawing a table of text: header, rows of up to two wrapped lines, right-aligned numbers, team colour swatches."""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from game.ui.scenes import draw

MAX_LINES = 2  # lines of a wrapped cell when the table is short of room; longer text ends with an ellipsis
MOST_LINES = 5  # lines of a wrapped cell when the table has room for them


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
    """Draw the table in `area`; returns each row's rectangle. A swatch is drawn before the second column's text.

    Cells wrap onto as many lines as they need when the whole table fits, else onto as many as fit (at least
    MAX_LINES)."""
    colours, px = app.palette, app.px
    head, body = app.font(18, True), app.font(22)
    pad = px(10)
    widths = _widths(columns, rows, area.width, head, body, pad)
    lefts = [area.left + sum(widths[:i]) for i in range(len(widths))]
    titles = [_lines(c.title, head, w - 2 * pad, MAX_LINES) for c, w in zip(columns, widths)]
    for lines, column, left, width in zip(titles, columns, lefts, widths):
        _cell(surface, lines, head, colours.text_dim, left, width, area.top, column.align, pad)
    y = area.top + max(len(t) for t in titles) * head.get_linesize() + px(8)
    pygame.draw.line(surface, colours.panel_edge, (area.left, y - px(4)), (area.right, y - px(4)), 2)

    def wrapped(most: int | None) -> list[list[list[str]]]:
        return [
            [
                _lines(text, body, w - 2 * pad - (px(40) if swatches and swatches[r] and i == 1 else 0), most)
                for i, (text, w) in enumerate(zip(row, widths))
            ]
            for r, row in enumerate(rows)
        ]

    for most in (None, *range(MOST_LINES, MAX_LINES, -1)):
        cells = wrapped(most)
        if y + sum(max(len(c) for c in row) * body.get_linesize() + px(18) for row in cells) <= area.bottom:
            break
    else:
        cells = wrapped(MAX_LINES)
    rects = []
    for index, row_cells in enumerate(cells):
        swatch = swatches[index] if swatches else None
        rect = pygame.Rect(area.left, y, area.width, max(len(c) for c in row_cells) * body.get_linesize() + px(14))
        if rect.bottom > area.bottom:
            break
        pygame.draw.rect(surface, colours.panel if index % 2 == 0 else colours.background, rect, border_radius=6)
        for column_index, (lines, column, left, width) in enumerate(zip(row_cells, columns, lefts, widths)):
            if swatch is not None and column_index == 1:
                box = pygame.Rect(left + pad, 0, px(22), px(22))
                box.centery = rect.centery
                pygame.draw.rect(surface, swatch, box, border_radius=4)
                left, width = left + px(40), width - px(40)
            _cell(surface, lines, body, colours.text, left, width, rect.top + px(7), column.align, pad)
        rects.append(rect)
        y = rect.bottom + px(4)
    return rects


def _widths(
    columns: list[Column], rows: list[list[str]], total: int, head: pygame.font.Font, body: pygame.font.Font, pad: int
) -> list[int]:
    """Each column's share of `total`, but a right-aligned (number) column never narrower than its widest number
    or the longest word of its title; the text columns give up the difference."""
    shares = sum(c.width for c in columns)
    widths = [round(total * c.width / shares) for c in columns]
    for i, column in enumerate(columns):
        if column.align == "right":
            words = [head.size(word)[0] for word in column.title.split()] or [0]
            widths[i] = max(widths[i], max([*words, *(body.size(row[i])[0] for row in rows)]) + 2 * pad)
    text = [i for i, c in enumerate(columns) if c.align != "right"]
    excess = sum(widths) - total
    if excess > 0 and text:
        text_width = sum(widths[i] for i in text)
        for i in text:
            widths[i] -= round(excess * widths[i] / text_width)
    widths[-1] += total - sum(widths)
    return widths


def _lines(text: str, font: pygame.font.Font, width: int, most: int | None) -> list[str]:
    """`text` wrapped to `width`, on at most `most` lines (None: as many as it takes)."""
    lines = draw.wrap(text, font, width)
    if most is not None and len(lines) > most:
        lines = lines[: most - 1] + [draw.fit(" ".join(lines[most - 1 :]), font, width)]
    return lines


def _cell(surface, lines, font, colour, left, width, y, align, pad) -> None:  # noqa: ANN001
    for text in lines:
        text = draw.fit(text, font, width - 2 * pad)
        if align == "right":
            draw.line(surface, text, font, colour, (left + width - pad, y), "topright")
        else:
            draw.line(surface, text, font, colour, (left + pad, y))
        y += font.get_linesize()
