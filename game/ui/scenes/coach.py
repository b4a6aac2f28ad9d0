"""The solo coach's card (H on the board): the reference strategy's next move and why, to play or to leave.

The move comes from `game.core.coach.advise`; this module only words it. The
coach is for solo practice: in a workshop, teams decide for themselves (the
board says so instead of opening the card).
"""

from __future__ import annotations

from collections.abc import Callable

import pygame

from game.core.actions import EndTurn, action_names
from game.core.coach import Advice
from game.core.model import NO_PERSON
from game.core.state import GameState
from game.ui.scene import Pop, Transition
from game.ui.scenes import draw
from game.ui.scenes.form import FormScene
from game.workshop.session import Session

CARD_W = 760  # design px
BUTTON_H, BUTTON_GAP = 52, 16  # design px
PAD = 28  # design px inside the card
PLAY_KEYS = {pygame.K_RETURN, pygame.K_KP_ENTER}
CLOSE_KEYS = {pygame.K_ESCAPE, pygame.K_h}


def available(session: Session) -> bool:
    """The coach helps a player practising alone, never a team in a workshop."""
    return session.mode == "solo"


def reason_sentence(app, state: GameState, advice: Advice) -> str:  # noqa: ANN001 - App
    """Why the coach suggests the move, in one sentence of the player's language."""
    scenario = state.scenario
    names = action_names(advice.action, scenario)
    if advice.signal >= 0:
        names["signal"] = scenario.signals[advice.signal].title
    target = "" if advice.person == NO_PERSON else app.text(scenario.org.names[advice.person])
    sentence = app.tr(f"coach.reason.{advice.reason}", target=target, **names)
    if getattr(advice.action, "urgent", False):
        sentence += " " + app.tr("coach.urgent")
    return sentence


def move_sentence(app, state: GameState, advice: Advice) -> str:  # noqa: ANN001 - App
    """What the move does, as the board's action list describes it."""
    return app.text(advice.action.describe(state.scenario))


class CoachScene(FormScene):
    """An overlay over the board: Enter plays the advice (through `follow`), Escape or H leaves it."""

    overlay = True

    def __init__(self, app, state: GameState, advice: Advice, follow: Callable[[Advice], Transition | None]):  # noqa: ANN001 - App
        super().__init__(app)
        self.state, self.advice, self.follow = state, advice, follow

    @property
    def card(self) -> pygame.Rect:
        return self._layout()[0]

    def _texts(self) -> list[tuple[str, int, bool]]:
        """(text, design px, bold) from top to bottom: the move, why, and how to use the card when there is room."""
        return self._layout()[1]

    def _layout(self) -> tuple[pygame.Rect, list[tuple[str, int, bool]]]:
        app, px = self.app, self.app.px
        width = min(px(CARD_W), app.size[0] - px(40))
        texts = [
            (app.tr("coach.title"), 28, True),
            (move_sentence(app, self.state, self.advice), 22, True),
            (app.tr("coach.why", reason=reason_sentence(app, self.state, self.advice)), 20, False),
            (app.tr("coach.counted"), 18, False),
        ]
        room = app.size[1] - px(40)
        height = self._height(texts, width)
        if height > room:  # large text on a small window: the buttons say the keys already
            texts = texts[:-1]
            height = self._height(texts, width)
        rect = pygame.Rect(0, 0, width, min(height, room))
        rect.center = (app.size[0] // 2, app.size[1] // 2)
        return rect, texts

    def _height(self, texts: list[tuple[str, int, bool]], width: int) -> int:
        px = self.app.px
        inner = width - 2 * px(PAD)
        text_h = sum(self._paragraph_height(text, size, bold, inner) for text, size, bold in texts)
        return 2 * px(PAD) + text_h + px(12) * len(texts) + px(BUTTON_H)

    def _paragraph_height(self, text: str, size: int, bold: bool, width: int) -> int:
        font = self.app.font(size, bold)
        return len(draw.wrap(text, font, width)) * round(font.get_linesize() * 1.15)

    def build(self) -> None:
        app, px = self.app, self.app.px
        card = self.card
        width = (card.width - 2 * px(PAD) - px(BUTTON_GAP)) // 2
        y = card.bottom - px(PAD) - px(BUTTON_H)
        ending = isinstance(self.advice.action, EndTurn)
        play = app.tr("coach.end_turn" if ending else "coach.play")
        self.button(pygame.Rect(card.left + px(PAD), y, width, px(BUTTON_H)), play, self.play, object_id="#primary")
        later = pygame.Rect(card.left + px(PAD) + width + px(BUTTON_GAP), y, width, px(BUTTON_H))
        self.button(later, app.tr("coach.later"), lambda: Pop())

    def play(self) -> Transition | None:
        return self.follow(self.advice) or Pop()

    def handle_key(self, event: pygame.event.Event) -> Transition | None:
        if event.key in PLAY_KEYS:
            return self.play()
        if event.key in CLOSE_KEYS:
            return Pop()
        return super().handle_key(event)

    def draw(self, surface: pygame.Surface) -> None:
        app, px = self.app, self.app.px
        draw.dim(surface, 170)
        card, texts = self._layout()
        draw.panel(surface, card, app.palette.panel, app.palette.accent)
        y = card.top + px(PAD)
        inner = card.width - 2 * px(PAD)
        colours = (app.palette.accent, app.palette.text, app.palette.text, app.palette.text_dim)
        for (text, size, bold), colour in zip(texts, colours):
            font = app.font(size, bold)
            room = pygame.Rect(card.left + px(PAD), y, inner, card.bottom - px(PAD) - px(BUTTON_H) - y)
            y = draw.paragraph(surface, text, font, colour, room, 1.15) + px(12)
        super().draw(surface)
