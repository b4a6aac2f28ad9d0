"""The signal's path drawn on a small org chart: only its people and the hierarchy's route, arrows labelled by turn and means."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import pygame

from game.debrief.build import SignalDebrief, TeamDebrief
from game.debrief.hops import NETWORK_MEANS
from game.debrief.layout import chart_layout, chart_people
from game.ui.scenes import draw

NODE_RADIUS = 13  # design px
ARROW_HEAD = 12  # design px
LABEL_SIZES = (16, 14, 12)  # design px of names and tags, tried largest first while labels cover each other
TAG_SHARES = (0.62, 0.5, 0.75, 0.38, 0.85)  # where along a hop its tag may sit, preferred first (names hang below)


def means_colour(app, means: str) -> tuple[int, int, int]:  # noqa: ANN001 - App
    colours = app.palette
    if means in NETWORK_MEANS:
        return colours.network
    return colours.channel if means == "channel" else colours.accent


@dataclass
class PathPicture:
    """Where everything of the path chart goes: dots, names (label, box) and hop tags (label, box, means)."""

    at: dict[int, tuple[int, int]]
    links: tuple[tuple[int, int], ...]  # (manager, report) of the chart's people
    label_size: int  # design px of names and tags
    covered: int = 0  # pixels where a name or tag covers a dot, a name or a tag
    names: dict[int, tuple[str, pygame.Rect]] = field(default_factory=dict)
    tags: list[tuple[str, pygame.Rect, str]] = field(default_factory=list)


def draw_path(app, surface: pygame.Surface, area: pygame.Rect, team: TeamDebrief, signal: SignalDebrief) -> None:  # noqa: ANN001
    """Route (grey band), path (coloured arrows) and people (dots with names) inside `area`."""
    path = signal.path
    picture = lay_out_path(app, area, team, signal)
    at, colours, font = picture.at, app.palette, app.font(picture.label_size)
    for boss, report in picture.links:
        pygame.draw.line(surface, colours.panel_edge, at[boss], at[report], max(1, app.px(2)))
    route = [at[p] for p in path.hierarchy_route]
    if len(route) > 1:
        pygame.draw.lines(surface, (96, 104, 120), False, route, app.px(14))
    for hop in path.hops[1:]:
        _arrow(app, surface, at[hop.sender], at[hop.recipient], means_colour(app, hop.means))
    for label, box, means in picture.tags:
        _tag(app, surface, font.render(label, True, colours.text), box, means_colour(app, means))
    for person, (label, box) in picture.names.items():
        _dot(app, surface, at[person], person, signal)
        draw.line(surface, label, font, colours.text, box.topleft, "topleft")


def lay_out_path(app, area: pygame.Rect, team: TeamDebrief, signal: SignalDebrief) -> PathPicture:  # noqa: ANN001
    """Dots, then names clear of dots and earlier names, then tags clear of all of those.

    In the largest label size (`LABEL_SIZES`) where nothing covers anything, else where the least does.
    """
    path = signal.path
    layout = chart_layout(team.state.hierarchy, chart_people(path))
    at, step_y = _positions(app, layout, area)
    pictures = []
    for size in LABEL_SIZES:
        picture = _labelled(app, PathPicture(at, layout.links, size), step_y, area, team, signal)
        if picture.covered == 0:
            return picture
        pictures.append(picture)
    return min(pictures, key=lambda picture: picture.covered)


def _labelled(
    app, picture: PathPicture, step_y: float, area: pygame.Rect, team: TeamDebrief, signal: SignalDebrief
) -> PathPicture:  # noqa: ANN001
    at, names = picture.at, team.state.scenario.org.names
    radius, font = app.px(NODE_RADIUS), app.font(picture.label_size)
    beside = step_y < 2 * radius + font.get_linesize() + app.px(6)  # levels too close for names under the dots
    taken = [pygame.Rect(0, 0, 2 * radius, 2 * radius).move(x - radius, y - radius) for x, y in at.values()]
    for person in at:
        label, box = _name_box(app, font, at[person], app.text(names[person]), beside, area, taken)
        picture.covered += _covered(box, taken)
        picture.names[person] = label, box
        taken.append(box)
    for hop in signal.path.hops[1:]:
        label = app.tr("debrief.path.hop", turn=hop.turn, means=app.tr(f"debrief.means.{hop.means}"))
        box = _tag_box(app, font.size(label), at[hop.sender], at[hop.recipient], taken, area)
        picture.covered += _covered(box, taken)
        picture.tags.append((label, box, hop.means))
        taken.append(box)
    return picture


def _positions(app, layout, area: pygame.Rect) -> tuple[dict[int, tuple[int, int]], float]:  # noqa: ANN001
    """Where each person's dot goes, and the distance between two levels."""
    top, bottom = layout.levels
    margin_x, margin_y = app.px(70), app.px(30)
    step_x = (area.width - 2 * margin_x) / max(layout.columns - 1, 1)
    step_y = (area.height - 2 * margin_y - app.px(24)) / max(bottom - top, 1)
    at = {}
    for person, (column, level) in layout.position.items():
        x = area.left + margin_x + (column * step_x if layout.columns > 1 else (area.width - 2 * margin_x) / 2)
        at[person] = (round(x), round(area.top + margin_y + (level - top) * step_y))
    return at, step_y


def _name_box(app, font, centre, name: str, beside: bool, area: pygame.Rect, taken: list) -> tuple[str, pygame.Rect]:  # noqa: ANN001
    """A person's name, fitted, and where it goes: under their dot, or beside it when levels are close."""
    gap = app.px(NODE_RADIUS) + app.px(3)
    label = draw.fit(name, font, app.px(150))
    x, y = centre
    places = {
        "under": ("midtop", (x, y + gap)),
        "right": ("midleft", (x + gap, y)),
        "left": ("midright", (x - gap, y)),
        "above": ("midbottom", (x, y - gap)),
    }
    boxes = []
    for place in ("right", "left", "under", "above") if beside else ("under", "right", "left", "above"):
        box = pygame.Rect(0, 0, font.size(label)[0], font.get_linesize())
        setattr(box, *places[place])
        boxes.append(box)
    return label, _least_covered(boxes, taken, area)


def _least_covered(boxes: list[pygame.Rect], taken: list[pygame.Rect], area: pygame.Rect) -> pygame.Rect:
    """The first of `boxes` inside `area` that covers nothing taken, else the one covering least."""
    inside = [box for box in boxes if area.contains(box)] or boxes
    return min(inside, key=lambda box: _covered(box, taken))


def _covered(box: pygame.Rect, taken: list[pygame.Rect]) -> int:
    """Pixels of `box` over the boxes already taken."""
    return sum(_overlap(box, other) for other in taken)


def _tag_box(app, text_size, start, end, taken: list[pygame.Rect], area: pygame.Rect) -> pygame.Rect:  # noqa: ANN001
    """Where a hop's tag goes: on the hop where it covers no name, dot or other tag, else beside it.

    Names hang under or beside people, so a short hop has little free line: the tag then moves along the
    hop, and off it: to either side of a steep hop, above or below a flat one.
    """
    upper, lower = (start, end) if start[1] <= end[1] else (end, start)
    size = (text_size[0] + app.px(10), text_size[1] + app.px(4))
    if abs(lower[1] - upper[1]) > abs(lower[0] - upper[0]):  # steep: beside the hop, left or right
        step = (size[0] // 2 + app.px(10), 0)
    else:  # flat: above or below it
        step = (0, size[1] // 2 + app.px(6))
    offsets = [(0, 0)] + [(sign * far * step[0], sign * far * step[1]) for far in (1, 2) for sign in (1, -1)]
    candidates = []
    for dx, dy in offsets:
        for share in TAG_SHARES:
            centre = (upper[0] + share * (lower[0] - upper[0]) + dx, upper[1] + share * (lower[1] - upper[1]) + dy)
            box = pygame.Rect((0, 0), size)
            box.center = (round(centre[0]), round(centre[1]))
            candidates.append(box)
    return _least_covered(candidates, taken, area)


def _overlap(a: pygame.Rect, b: pygame.Rect) -> int:
    clipped = a.clip(b)
    return clipped.width * clipped.height


def _arrow(app, surface: pygame.Surface, start, end, colour) -> None:  # noqa: ANN001
    angle = math.atan2(end[1] - start[1], end[0] - start[0])
    gap = app.px(NODE_RADIUS + 4)
    a = (start[0] + gap * math.cos(angle), start[1] + gap * math.sin(angle))
    b = (end[0] - gap * math.cos(angle), end[1] - gap * math.sin(angle))
    pygame.draw.line(surface, colour, a, b, app.px(4))
    head = app.px(ARROW_HEAD)
    left = (b[0] - head * math.cos(angle - 0.45), b[1] - head * math.sin(angle - 0.45))
    right = (b[0] - head * math.cos(angle + 0.45), b[1] - head * math.sin(angle + 0.45))
    pygame.draw.polygon(surface, colour, [b, left, right])


def _tag(app, surface: pygame.Surface, image: pygame.Surface, box: pygame.Rect, colour) -> None:  # noqa: ANN001
    pygame.draw.rect(surface, app.palette.background, box, border_radius=6)
    pygame.draw.rect(surface, colour, box, width=2, border_radius=6)
    surface.blit(image, image.get_rect(center=box.center))


def _dot(app, surface: pygame.Surface, centre, person: int, signal: SignalDebrief) -> None:  # noqa: ANN001
    """A person of the chart: where it appeared (yellow), its target (green when reached), where it stopped."""
    colours, path = app.palette, signal.path
    radius = app.px(NODE_RADIUS)
    fill = colours.panel
    if person == path.hops[0].recipient:
        fill = colours.focus  # where it appeared
    elif person == path.target:
        fill = colours.good if path.reached else colours.panel
    pygame.draw.circle(surface, fill, centre, radius)
    edge = colours.good if person == path.target else colours.text
    pygame.draw.circle(surface, edge, centre, radius, app.px(3))
    if person == path.end and person != path.target:
        pygame.draw.circle(surface, colours.warning, centre, radius + app.px(5), app.px(3))
