"""The person card shown on hover: name, title, department, what the team knows of their skills and ties
(fog of war: state.known_skill and state.known_edge only), which signals they hold, how faithfully, and which
requests along the line are on their way to them."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pygame

from game.core.state import VIA_CHANNEL, VIA_HIERARCHY, VIA_NETWORK, VIA_ORIGIN, GameState
from game.ui.board import shapes
from game.ui.board.layout import BODY_PX, SMALL_PX, BoardLayout
from game.ui.board.textdraw import fit
from game.ui.scenes.draw import wrap

if TYPE_CHECKING:
    from game.ui.app import App

VIA_KEYS = {
    VIA_ORIGIN: "board.via.origin",
    VIA_HIERARCHY: "board.via.hierarchy",
    VIA_CHANNEL: "board.via.channel",
    VIA_NETWORK: "board.via.network",
}
CARD_WIDTH = 440  # px at the design size


def card_lines(app: App, state: GameState, person: int) -> list[str]:
    """The card's lines after the name (title · department first)."""
    scenario, org = state.scenario, state.scenario.org
    dept = org.departments[int(org.department[person])]
    lines = [f"{app.text(org.titles[person])} · {app.text(dept.name)}"]
    skills = [app.text(scenario.tag_label(t)) for t in np.flatnonzero(state.known_skill[person])]
    if skills:
        lines.append(app.tr("board.card.skills", skills=", ".join(skills)))
    elif scenario.visibility.skills_hidden:
        lines.append(app.tr("board.card.skills_unknown"))
    else:
        lines.append(app.tr("board.card.no_skills"))
    net = scenario.network
    ties = int(state.known_edge[net.indptr[person] : net.indptr[person + 1]].sum())
    lines.append(app.tr("board.card.ties", count=ties))
    if state.absent_until[person] > state.turn:
        lines.append(app.tr("board.card.away", turn=int(state.absent_until[person])))
    elif not state.available[person]:
        lines.append(app.tr("board.card.busy"))
    held = np.flatnonzero(state.knows[:, person])
    for s in held.tolist():
        via = app.tr(VIA_KEYS.get(int(state.learned_via[s, person]), "board.via.network"))
        lines.append(
            app.tr(
                "board.card.knows",
                signal=scenario.signals[s].title,
                percent=round(float(state.fidelity[s, person]) * 100),
                via=via,
                turn=int(state.learned_turn[s, person]),
            )
        )
    if len(held) == 0:
        lines.append(app.tr("board.card.knows_nothing"))
    for message in state.inbox:
        if message.recipient != person:
            continue
        names = dict(signal=scenario.signals[message.signal].title, sender=org.names[message.sender])
        if message.urgent:
            lines.append(app.tr("board.card.expects_urgent", **names))
        else:
            lines.append(app.tr("board.card.expects", turn=message.due, **names))
    return lines


def draw_card(
    surface: pygame.Surface, app: App, layout: BoardLayout, state: GameState, person: int, anchor: tuple[int, int]
) -> pygame.Rect:
    """Draw the card beside `anchor`, kept inside the map; returns where it went."""
    body, small = app.font(BODY_PX, bold=True), app.font(SMALL_PX)
    width = layout.px(CARD_WIDTH)
    pad = layout.px(10)
    lines = []
    for number, line in enumerate(card_lines(app, state, person)):
        lines += [(number, part) for part in wrap(line, small, width - 2 * pad)]
    height = body.get_linesize() + len(lines) * small.get_linesize() + 2 * pad
    rect = pygame.Rect(anchor[0] + layout.px(18), anchor[1] + layout.px(12), width, height)
    bounds = layout.map
    if rect.right > bounds.right:
        rect.right = anchor[0] - layout.px(18)
    if rect.bottom > bounds.bottom:
        rect.bottom = bounds.bottom - 4
    rect.clamp_ip(bounds)
    org = state.scenario.org
    dept = int(org.department[person])
    colour = app.palette.departments[dept % len(app.palette.departments)]
    pygame.draw.rect(surface, app.palette.panel, rect, border_radius=8)
    pygame.draw.rect(surface, colour, rect, 2, border_radius=8)
    icon = shapes.sprite(shapes.shape_of(dept), colour, layout.px(8), 10)
    surface.blit(
        icon, (rect.left + pad - layout.px(2), rect.top + pad + body.get_linesize() // 2 - icon.get_height() // 2)
    )
    name_x = rect.left + pad + icon.get_width()
    surface.blit(
        body.render(fit(app.text(org.names[person]), body, rect.right - name_x - pad), True, app.palette.text),
        (name_x, rect.top + pad),
    )
    y = rect.top + pad + body.get_linesize()
    for number, line in lines:
        surface.blit(
            small.render(line, True, app.palette.text_dim if number == 0 else app.palette.text), (rect.left + pad, y)
        )
        y += small.get_linesize()
    return rect
