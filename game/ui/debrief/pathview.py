"""The signal's path drawn on a small org chart: only its people and the hierarchy's route, arrows labelled by turn and means."""

from __future__ import annotations

import math

import pygame

from game.debrief.build import SignalDebrief, TeamDebrief
from game.debrief.hops import NETWORK_MEANS
from game.debrief.layout import chart_layout, chart_people
from game.ui.scenes import draw

NODE_RADIUS = 13  # design px
ARROW_HEAD = 12  # design px
TAG_SHARE = 0.62  # how far down a hop its label sits (names hang below people)


def means_colour(app, means: str) -> tuple[int, int, int]:  # noqa: ANN001 - App
    colours = app.palette
    if means in NETWORK_MEANS:
        return colours.network
    return colours.channel if means == "channel" else colours.accent


def draw_path(app, surface: pygame.Surface, area: pygame.Rect, team: TeamDebrief, signal: SignalDebrief) -> None:  # noqa: ANN001
    """Route (grey band), path (coloured arrows) and people (dots with names) inside `area`."""
    path, scenario = signal.path, team.state.scenario
    layout = chart_layout(team.state.hierarchy, chart_people(path))
    top, bottom = layout.levels
    margin_x, margin_y = app.px(70), app.px(30)
    step_x = (area.width - 2 * margin_x) / max(layout.columns - 1, 1)
    step_y = (area.height - 2 * margin_y - app.px(24)) / max(bottom - top, 1)

    def at(person: int) -> tuple[int, int]:
        column, level = layout.position[person]
        x = area.left + margin_x + (column * step_x if layout.columns > 1 else (area.width - 2 * margin_x) / 2)
        return round(x), round(area.top + margin_y + (level - top) * step_y)

    colours = app.palette
    for boss, report in layout.links:
        pygame.draw.line(surface, colours.panel_edge, at(boss), at(report), max(1, app.px(2)))
    route = [at(p) for p in path.hierarchy_route]
    if len(route) > 1:
        pygame.draw.lines(surface, (96, 104, 120), False, route, app.px(14))
    for hop in path.hops[1:]:
        _arrow(app, surface, at(hop.sender), at(hop.recipient), means_colour(app, hop.means))
    for hop in path.hops[1:]:
        start, end = at(hop.sender), at(hop.recipient)
        label = app.tr("debrief.path.hop", turn=hop.turn, means=app.tr(f"debrief.means.{hop.means}"))
        _tag(app, surface, label, _tag_point(start, end), means_colour(app, hop.means))
    for person in layout.position:
        _person(app, surface, at(person), app.text(scenario.org.names[person]), person, signal)


def _tag_point(start, end) -> tuple[int, int]:  # noqa: ANN001
    """Below the middle of the hop, so the tag clears the name written under the upper person."""
    upper, lower = (start, end) if start[1] <= end[1] else (end, start)
    share = TAG_SHARE if lower[1] - upper[1] > 1 else 0.5
    return round(upper[0] + share * (lower[0] - upper[0])), round(upper[1] + share * (lower[1] - upper[1]))


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


def _tag(app, surface: pygame.Surface, text: str, centre, colour) -> None:  # noqa: ANN001
    font = app.font(16)
    image = font.render(text, True, app.palette.text)
    box = image.get_rect(center=centre).inflate(app.px(10), app.px(4))
    pygame.draw.rect(surface, app.palette.background, box, border_radius=6)
    pygame.draw.rect(surface, colour, box, width=2, border_radius=6)
    surface.blit(image, image.get_rect(center=box.center))


def _person(app, surface: pygame.Surface, centre, name: str, person: int, signal: SignalDebrief) -> None:  # noqa: ANN001
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
    label = draw.fit(name, app.font(16), app.px(150))
    draw.line(surface, label, app.font(16), colours.text, (centre[0], centre[1] + radius + app.px(2)), "midtop")
