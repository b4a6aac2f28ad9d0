"""Drawing a table of text: header, rows of up to two wrapped lines, right-aligned numbers, team colour swatches."""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from game.ui.scenes import draw

MAX_LINES = 2  # lines of a wrapped cell when the table is short of room; longer text ends with an ellipsis
BODY_SIZES = (22, 20, 18)  # design px of the cells' text, largest first: the first that shows the table whole
ROW_PAD, TIGHT_ROW_PAD = 14, 6  # design px around a row's text; tight when the table is short of room
TIGHT_SIZES = (18, 16)  # design px of the cells' text in tight rows, tried when BODY_SIZES do not fit


@dataclass(frozen=True)
class Column:
    title: str
    width: float  # share of the table's width
    align: str = "left"  # "left" or "right"


@dataclass
class _Plan:
    """How the table will be drawn: its body font, column widths, wrapped titles and cells, and its height."""

    body: pygame.font.Font
    widths: list[int]
    titles: list[list[str]]
    cells: list[list[list[str]]]
    height: int
    pad: int  # px above and below the text of a row


def draw_table(
    app,  # noqa: ANN001 - App
    surface: pygame.Surface,
    area: pygame.Rect,
    columns: list[Column],
    rows: list[list[str]],
    swatches: list[tuple[int, int, int] | None] | None = None,
) -> list[pygame.Rect]:
    """Draw the table in `area`; returns each row's rectangle. A swatch is drawn before the second column's text.

    Cells wrap onto as many lines as they need, in the player's text size or, when the table would not fit,
    a little smaller; only then are they cut after MAX_LINES lines (and rows that do not fit left out)."""
    colours, px = app.palette, app.px
    head, pad = app.font(18, True), px(10)
    swatched = [bool(swatches and swatches[r]) for r in range(len(rows))]
    tries = [(size, None, ROW_PAD) for size in BODY_SIZES] + [(size, None, TIGHT_ROW_PAD) for size in TIGHT_SIZES]
    plans = (_plan(app, area, columns, rows, swatched, *attempt) for attempt in tries)
    plan = next((p for p in plans if p.height <= area.height), None)
    plan = plan or _plan(app, area, columns, rows, swatched, TIGHT_SIZES[-1], MAX_LINES, TIGHT_ROW_PAD)
    body, widths = plan.body, plan.widths
    lefts = [area.left + sum(widths[:i]) for i in range(len(widths))]
    for lines, column, left, width in zip(plan.titles, columns, lefts, widths):
        _cell(surface, lines, head, colours.text_dim, left, width, area.top, column.align, pad)
    y = area.top + max(len(t) for t in plan.titles) * head.get_linesize() + px(8)
    pygame.draw.line(surface, colours.panel_edge, (area.left, y - px(4)), (area.right, y - px(4)), 2)
    rects = []
    for index, row_cells in enumerate(plan.cells):
        swatch = swatches[index] if swatches else None
        rect = pygame.Rect(area.left, y, area.width, max(len(c) for c in row_cells) * body.get_linesize() + plan.pad)
        if rect.bottom > area.bottom:
            break
        pygame.draw.rect(surface, colours.panel if index % 2 == 0 else colours.background, rect, border_radius=6)
        for column_index, (lines, column, left, width) in enumerate(zip(row_cells, columns, lefts, widths)):
            if swatch is not None and column_index == 1:
                box = pygame.Rect(left + pad, 0, px(22), px(22))
                box.centery = rect.centery
                pygame.draw.rect(surface, swatch, box, border_radius=4)
                left, width = left + px(40), width - px(40)
            _cell(surface, lines, body, colours.text, left, width, rect.top + plan.pad // 2, column.align, pad)
        rects.append(rect)
        y = rect.bottom + plan.pad // 4
    return rects


def _plan(app, area, columns, rows, swatched: list[bool], size: int, most: int | None, row_pad: int) -> _Plan:  # noqa: ANN001
    """The table with body text of `size` design px, cells cut after `most` lines (None: never), rows padded
    `row_pad` design px."""
    px, head, body, pad = app.px, app.font(18, True), app.font(size), app.px(10)
    widths = _widths(columns, rows, area.width, head, body, pad)
    titles = [_lines(c.title, head, w - 2 * pad, MAX_LINES) for c, w in zip(columns, widths)]
    cells = [
        [
            _lines(text, body, w - 2 * pad - (px(40) if swatched[r] and i == 1 else 0), most)
            for i, (text, w) in enumerate(zip(row, widths))
        ]
        for r, row in enumerate(rows)
    ]
    height = max(len(t) for t in titles) * head.get_linesize() + px(8)
    gap = px(row_pad) // 4
    height += sum(max(len(c) for c in row) * body.get_linesize() + px(row_pad) + gap for row in cells)
    return _Plan(body, widths, titles, cells, height, px(row_pad))


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
