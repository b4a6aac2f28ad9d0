"""The projector window of a hosted workshop: the room at a glance, for everyone to see on the wall.

It shows the turn, the timer, who has ended their turn, the standings and a
join QR code per team. It only reads the facilitator's view of the room (a
dict the host hands over, computed on the server's thread): the facilitator
steers from their page. Closing the window stops hosting (the workshop is
saved); F11 toggles full screen.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import pygame
import segno

from game.i18n import Translator
from game.ui.scenes import draw
from game.ui.theme import PALETTE, font

SIZE = (1280, 720)  # px: the design size; the window may be resized or made full screen
FPS = 10  # the room changes a few times a minute; the timer needs a redraw every second
REFRESH_SECONDS = 0.5  # how often the room's view is fetched from the server
MARGIN = 32  # px
QR_BORDER = 2  # quiet zone, in modules (the dark background around is light-free, so a white margin is drawn)
OFFSCREEN_DRIVERS = ("dummy", "offscreen")


def projector_available() -> bool:
    """Whether this machine can show a window."""
    try:
        pygame.display.init()
    except pygame.error:
        return False
    return pygame.display.get_driver() not in OFFSCREEN_DRIVERS


def run_projector(room_view: Callable[[], dict | None], language: str) -> None:
    """Show the room until the window is closed; `room_view` returns the latest view (None: keep the last one)."""
    pygame.display.init()
    pygame.font.init()
    tr = Translator(language)
    screen = pygame.display.set_mode(SIZE, pygame.RESIZABLE)
    pygame.display.set_caption(tr.tr("ui.window_title"))
    clock = pygame.time.Clock()
    view, fetched, qr_cache = None, 0.0, {}
    try:
        while True:
            for event in pygame.event.get():
                if event.type == pygame.QUIT:
                    return
                if event.type == pygame.KEYDOWN and event.key == pygame.K_F11:
                    pygame.display.toggle_fullscreen()
            if time.monotonic() - fetched >= REFRESH_SECONDS:
                view, fetched = room_view() or view, time.monotonic()
            screen.fill(PALETTE.background)
            if view is not None:
                draw_room(screen, view, tr, time.monotonic() - fetched, qr_cache)
            pygame.display.flip()
            clock.tick(FPS)
    finally:
        pygame.display.quit()


def draw_room(
    surface: pygame.Surface, view: dict, tr: Translator, age: float = 0.0, qr_cache: dict | None = None
) -> None:
    """Draw the room's view: heading, teams and their state, standings, join codes."""
    width, height = surface.get_size()
    labels = view["labels"]
    y = MARGIN
    title = draw.line(surface, view["title"], font(40, True), PALETTE.text, (MARGIN, y))
    status = f"{view['turn_label']} · {view['mode_label']}"
    timer = view.get("timer")
    if timer:
        left = max(0, int(-(-(timer["remaining"] - (age if timer["running"] else 0)) // 1)))
        status += " · " + view["timer_label"].format(time=f"{left // 60}:{left % 60:02d}")
    draw.line(surface, status, font(28), PALETTE.text_dim, (MARGIN, title.bottom + 4))
    if view["paused"] or view["over"]:
        key = "web.status.over" if view["over"] else "web.status.paused"
        draw.line(surface, labels[key], font(28, True), PALETTE.warning, (width - MARGIN, y), "topright")
    top = title.bottom + 60
    codes_h = min(260, (height - top) // 2)
    column = (width - 3 * MARGIN) // 2
    _teams(surface, view, pygame.Rect(MARGIN, top, column, height - top - codes_h - MARGIN))
    _standings(surface, view, pygame.Rect(2 * MARGIN + column, top, column, height - top - codes_h - MARGIN))
    _codes(surface, view, pygame.Rect(MARGIN, height - codes_h - MARGIN // 2, width - 2 * MARGIN, codes_h), qr_cache)


def _teams(surface: pygame.Surface, view: dict, area: pygame.Rect) -> None:
    labels = view["labels"]
    y = draw.line(surface, labels["web.teams"], font(28, True), PALETTE.accent, area.topleft).bottom + 8
    row = font(24)
    for team in view["teams"]:
        if y + row.get_linesize() > area.bottom:
            break
        if team["bot"]:
            state = labels["web.team.bot"]
        elif not team["joined"]:
            state = labels["web.team.not_joined"]
        else:
            state = labels["web.team.planned" if team["planned"] else "web.team.planning"]
        colour = PALETTE.good if team["planned"] else PALETTE.text
        pygame.draw.circle(surface, _colour(team["colour"]), (area.left + 10, y + row.get_linesize() // 2), 9)
        name = draw.fit(team["name"], font(24, True), area.width // 2 - 30)
        draw.line(surface, name, font(24, True), PALETTE.text, (area.left + 30, y))
        draw.line(surface, state, row, colour, (area.left + area.width // 2, y))
        y += row.get_linesize() + 6


def _standings(surface: pygame.Surface, view: dict, area: pygame.Rect) -> None:
    y = draw.line(surface, view["labels"]["web.standings"], font(28, True), PALETTE.accent, area.topleft)
    y = y.bottom + 8
    row = font(24)
    points = view["standing_labels"]["points"]
    for standing in view["standings"]:
        if y + row.get_linesize() > area.bottom:
            break
        draw.line(surface, f"{standing['rank']}.", row, PALETTE.text_dim, (area.left, y))
        pygame.draw.circle(surface, _colour(standing["colour"]), (area.left + 50, y + row.get_linesize() // 2), 9)
        draw.line(surface, draw.fit(standing["team"], row, area.width - 260), row, PALETTE.text, (area.left + 70, y))
        draw.line(surface, f"{standing['score']} {points}", row, PALETTE.text, (area.right, y), "topright")
        y += row.get_linesize() + 6


def _codes(surface: pygame.Surface, view: dict, area: pygame.Rect, cache: dict | None) -> None:
    teams = view["teams"]
    if not teams:
        return
    label = font(22, True)
    step = area.width // len(teams)
    side = max(40, min(step - 16, area.height - label.get_linesize() - 8))
    cache = {} if cache is None else cache
    for index, team in enumerate(teams):
        image = cache.get((team["link"], side))
        if image is None:
            image = cache[(team["link"], side)] = qr_surface(team["link"], side)
        x = area.left + index * step + (step - side) // 2
        surface.blit(image, (x, area.top))
        caption = draw.fit(team["name"], label, step - 8)
        draw.line(surface, caption, label, PALETTE.text, (x + side // 2, area.top + side + 4), "midtop")


def qr_surface(link: str, side: int) -> pygame.Surface:
    """The QR code of `link`, black on white, `side` pixels square (modules kept crisp)."""
    rows = list(segno.make(link, error="m", micro=False).matrix_iter(scale=1, border=QR_BORDER))
    small = pygame.Surface((len(rows), len(rows)))
    small.fill((255, 255, 255))
    for y, modules in enumerate(rows):
        for x, dark in enumerate(modules):
            if dark:
                small.set_at((x, y), (0, 0, 0))
    whole = max(1, side // len(rows)) * len(rows)  # every module the same number of pixels
    return pygame.transform.scale(small, (whole, whole))


def _colour(hex_code: str) -> tuple[int, int, int]:
    return tuple(int(hex_code[i : i + 2], 16) for i in (1, 3, 5))  # type: ignore[return-value]
