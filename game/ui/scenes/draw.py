"""Text drawing shared by the screens: wrapped paragraphs, aligned lines, dimming overlays, focus rings."""

from __future__ import annotations

import pygame

Colour = tuple[int, int, int]


def wrap(text: str, font: pygame.font.Font, width: int) -> list[str]:
    """Break `text` into lines no wider than `width` pixels; a word too long for a line (a file's path) is broken
    too, after a slash where it can."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for word in filter(None, paragraph.split(" ")):  # not split(): French non-breaking spaces must hold
            candidate = f"{line} {word}".strip()
            if font.size(candidate)[0] <= width:
                line = candidate
                continue
            if line:
                lines.append(line)
            *whole, line = _break_word(word, font, width)
            lines += whole
        lines.append(line)
    return lines


def _break_word(word: str, font: pygame.font.Font, width: int) -> list[str]:
    """`word` in pieces no wider than `width` (at least one character each), cut after a slash where possible."""
    pieces = []
    while font.size(word)[0] > width and len(word) > 1:
        end = 1
        while end < len(word) and font.size(word[: end + 1])[0] <= width:
            end += 1
        slash = max(word.rfind("/", 0, end), word.rfind("\\", 0, end))
        end = slash + 1 if slash > 0 else end
        pieces.append(word[:end])
        word = word[end:]
    return [*pieces, word]


def paragraph(
    surface: pygame.Surface, text: str, font: pygame.font.Font, colour: Colour, rect: pygame.Rect, spacing: float = 1.25
) -> int:
    """Draw wrapped `text` inside `rect` (cut with an ellipsis if it does not fit); returns the y below the last line."""
    step = round(font.get_linesize() * spacing)
    lines = wrap(text.strip(), font, rect.width)
    room = max((rect.height - font.get_linesize()) // step + 1, 0) if rect.height >= font.get_linesize() else 0
    if len(lines) > room:
        lines = lines[:room]
        if lines:
            lines[-1] = fit(lines[-1] + " …", font, rect.width)
    y = rect.top
    for text_line in lines:
        surface.blit(font.render(text_line, True, colour), (rect.left, y))
        y += step
    return y


def line(
    surface: pygame.Surface,
    text: str,
    font: pygame.font.Font,
    colour: Colour,
    pos: tuple[int, int],
    anchor: str = "topleft",
) -> pygame.Rect:
    """Draw one line of text with its `anchor` (a pygame.Rect attribute name) at `pos`."""
    image = font.render(text, True, colour)
    rect = image.get_rect(**{anchor: pos})
    surface.blit(image, rect)
    return rect


def fit(text: str, font: pygame.font.Font, width: int) -> str:
    """`text`, shortened with an ellipsis if it is wider than `width` pixels."""
    if font.size(text)[0] <= width:
        return text
    while text and font.size(text + "…")[0] > width:
        text = text[:-1]
    return text + "…"


def dim(surface: pygame.Surface, alpha: int = 190) -> None:
    """Darken everything drawn so far, under an overlay."""
    shade = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
    shade.fill((8, 10, 16, alpha))
    surface.blit(shade, (0, 0))


def panel(surface: pygame.Surface, rect: pygame.Rect, fill: Colour, edge: Colour, radius: int = 10) -> None:
    pygame.draw.rect(surface, fill, rect, border_radius=radius)
    pygame.draw.rect(surface, edge, rect, width=2, border_radius=radius)


def focus_ring(surface: pygame.Surface, rect: pygame.Rect, colour: Colour, width: int = 4) -> None:
    """A thick ring just outside a widget, so keyboard users see where they are."""
    pygame.draw.rect(surface, colour, rect.inflate(2 * width + 4, 2 * width + 4), width=width, border_radius=10)


def scrollbar(
    surface: pygame.Surface, track: pygame.Rect, total: int, shown: int, first: int, back: Colour, thumb: Colour
) -> None:
    """A thin bar beside a list of `total` lines showing `shown` of them from `first`: the thumb's size and place
    are the share and place of the lines shown."""
    pygame.draw.rect(surface, back, track, border_radius=3)
    height = max(track.width, track.height * shown // max(total, 1))
    top = track.top + (track.height - height) * first // max(1, total - shown)
    pygame.draw.rect(surface, thumb, (track.left, top, track.width, height), border_radius=3)
