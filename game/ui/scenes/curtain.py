"""The hot-seat curtain: "pass the machine to team X", so no team sees another team's board."""

from __future__ import annotations

import pygame

from game.ui import flow
from game.ui.facilitator import facilitator_key
from game.ui.scene import Replace, Transition
from game.ui.scenes import draw
from game.ui.scenes.form import FormScene
from game.workshop.session import Session

BUTTON_W, BUTTON_H = 340, 64  # px at 1280×720


class CurtainScene(FormScene):
    """Shows the name and colour of the team about to plan; Enter (or the button) opens its board."""

    def __init__(self, app, session: Session):  # noqa: ANN001 - App
        super().__init__(app)
        self.session = session
        self.team = session.active_team()

    @property
    def team_name(self) -> str:
        return self.team.name

    def build(self) -> None:
        px = self.app.px
        width, height = self.app.size
        rect = pygame.Rect(0, 0, px(BUTTON_W), px(BUTTON_H))
        rect.midbottom = (width // 2, height - px(70))
        self.button(rect, self.app.tr("ui.curtain.ready"), self.ready, object_id="#primary")

    def ready(self) -> Transition:
        return Replace(flow.board(self.app, self.session))

    def back(self) -> Transition | None:
        return None  # Escape must not skip a team's turn; the facilitator has F10 to end the game

    def handle_key(self, event: pygame.event.Event) -> Transition | None:
        return facilitator_key(self.app, self.session, event) or super().handle_key(event)

    def draw(self, surface: pygame.Surface) -> None:
        app, px, colours = self.app, self.app.px, self.app.palette
        width, height = surface.get_size()
        colour = colours.team(self.team.colour)
        pygame.draw.rect(surface, colour, pygame.Rect(0, 0, width, px(18)))
        pygame.draw.rect(surface, colour, pygame.Rect(0, height - px(18), width, px(18)))
        turn = app.tr("ui.turn_of", turn=self.session.turn, turns=self.session.scenario.turns)
        draw.line(surface, turn, app.font(24), colours.text_dim, (width // 2, height * 0.16), "center")
        draw.line(
            surface, app.tr("ui.curtain.pass_to"), app.font(30), colours.text, (width // 2, height * 0.30), "center"
        )
        name = draw.fit(self.team.name, app.title_font(84), width - px(80))
        name_rect = draw.line(surface, name, app.title_font(84), colour, (width // 2, height * 0.45), "center")
        swatch = pygame.Rect(0, 0, px(36), px(36))
        swatch.midright = (name_rect.left - px(24), name_rect.centery)
        pygame.draw.rect(surface, colour, swatch, border_radius=6)
        note = app.tr("ui.curtain.others_look_away")
        area = pygame.Rect(px(120), height * 0.58, width - px(240), px(100))
        for index, text in enumerate(draw.wrap(note, app.font(22), area.width)):
            y = area.top + index * app.font(22).get_linesize()
            draw.line(surface, text, app.font(22), colours.text_dim, (width // 2, y), "midtop")
        super().draw(surface)
