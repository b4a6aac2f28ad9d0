"""The facilitator's overlays: the pause screen, the menu of events to inject, and "end the game now?"."""

from __future__ import annotations

import pygame

from game.core.events import BUILT_IN, injectable_events
from game.core.model import Event, Scenario
from game.ui import flow
from game.ui.scene import Pop, Transition
from game.ui.scenes import draw
from game.ui.scenes.form import FormScene
from game.workshop.session import Session

MARGIN = 64  # px at 1280×720
BUTTON_W, BUTTON_H = 300, 58


class _Overlay(FormScene):
    overlay = True

    def __init__(self, app, session: Session):  # noqa: ANN001 - App
        super().__init__(app)
        self.session = session

    def heading(self, surface: pygame.Surface, key: str) -> pygame.Rect:
        draw.dim(surface, 242)
        app = self.app
        return draw.line(
            surface,
            app.tr(key),
            app.title_font(44),
            app.palette.text,
            (surface.get_width() // 2, app.space(MARGIN)),
            "midtop",
        )


class PauseScene(_Overlay):
    """Everything stops (the planning timer included) until the facilitator resumes."""

    def build(self) -> None:
        width, height = self.app.size
        rect = pygame.Rect(0, 0, self.app.px(BUTTON_W), self.app.px(BUTTON_H))
        rect.center = (width // 2, height * 0.62)
        self.button(rect, self.app.tr("ui.pause.resume"), lambda: Pop(), object_id="#primary")

    def handle_key(self, event: pygame.event.Event) -> Transition | None:
        return Pop() if event.key == pygame.K_p else super().handle_key(event)

    def draw(self, surface: pygame.Surface) -> None:
        title = self.heading(surface, "ui.pause.title")
        app = self.app
        draw.line(
            surface,
            app.tr("ui.pause.note"),
            app.font(24),
            app.palette.text_dim,
            (title.centerx, title.bottom + app.px(40)),
            "midtop",
        )
        super().draw(surface)


def event_label(app, scenario: Scenario, event: Event) -> str:  # noqa: ANN001 - App
    """What injecting the event will do, in the chosen language."""
    if event.text.by_language:
        return app.text(event.text)
    names = scenario.org.names
    return app.tr(
        f"ui.event.{event.kind}",
        person=names[event.person] if event.person >= 0 else "?",
        manager=names[event.new_manager] if event.new_manager >= 0 else "?",
        duration=event.duration,
    )


MAX_OFFERED = 9  # one per digit key


def offered_events(events: list[Event], turn: int) -> list[int]:
    """Indices of the events to offer: the scenario's (still to come first, soonest first), then the built-ins."""
    built_in = [i for i, e in enumerate(events) if e.kind in BUILT_IN]
    scripted = [i for i, e in enumerate(events) if e.kind not in BUILT_IN]
    scripted.sort(key=lambda i: (events[i].turn < turn, abs(events[i].turn - turn)))
    return scripted[: MAX_OFFERED - len(built_in)] + built_in


class InjectScene(_Overlay):
    """The scenario's events, then the built-in ones; choosing one fires it for every team still playing."""

    def build(self) -> None:
        app, px = self.app, self.app.px
        width, height = app.size
        self.events = injectable_events(self.session.scenario)
        self.shown = offered_events(self.events, self.session.turn)
        left, gap = app.space(MARGIN * 2), px(8)
        top = app.space(MARGIN) + app.title_font(44).get_linesize() + px(4)
        top += len(self._note_lines()) * app.font(20).get_linesize() + px(12)
        cancel = pygame.Rect(left, height - app.space(MARGIN) - px(BUTTON_H), px(BUTTON_W), px(BUTTON_H))
        room = cancel.top - px(16) - top
        columns = 1 if len(self.shown) * (self.least_row(20) + gap) - gap <= room else 2
        per_column = -(-len(self.shown) // columns)
        row_h = self.row_height(54, room, per_column, gap, font_px=20)
        column_w = (width - 2 * left - (columns - 1) * px(12)) // columns
        for number, index in enumerate(self.shown):
            column, row = divmod(number, per_column)
            rect = pygame.Rect(left + column * (column_w + px(12)), top + row * (row_h + gap), column_w, row_h)
            text = f"{number + 1}.  {event_label(app, self.session.scenario, self.events[index])}"
            self.button(rect, text, lambda index=index: self.inject(index), object_id="@choice")
        self.button(cancel, app.tr("ui.cancel"), lambda: Pop())

    def inject(self, index: int) -> Transition:
        self.session.inject(index)
        return Pop()

    def handle_key(self, event: pygame.event.Event) -> Transition | None:
        number = event.key - pygame.K_1
        if 0 <= number < len(self.shown):
            return self.inject(self.shown[number])
        return super().handle_key(event)

    def draw(self, surface: pygame.Surface) -> None:
        title = self.heading(surface, "ui.inject.title")
        app = self.app
        font, y = app.font(20), title.bottom + app.px(4)
        for line in self._note_lines():
            draw.line(surface, line, font, app.palette.text_dim, (title.centerx, y), "midtop")
            y += font.get_linesize()
        super().draw(surface)

    def _note_lines(self) -> list[str]:
        """The note under the title, wrapped to the window."""
        app = self.app
        return draw.wrap(app.tr("ui.inject.note"), app.font(20), app.size[0] - 2 * app.space(MARGIN * 2))


class ConfirmEndScene(_Overlay):
    """F10 asks once more before ending the game for every team."""

    def build(self) -> None:
        app, px = self.app, self.app.px
        width, height = app.size
        no = pygame.Rect(0, 0, px(BUTTON_W), px(BUTTON_H))
        no.midright = (width // 2 - px(12), height * 0.6)
        self.button(no, app.tr("ui.end.no"), lambda: Pop())
        yes = pygame.Rect(0, 0, px(BUTTON_W), px(BUTTON_H))
        yes.midleft = (width // 2 + px(12), height * 0.6)
        self.button(yes, app.tr("ui.end.yes"), lambda: flow.end_game(self.app, self.session), object_id="#danger")

    def draw(self, surface: pygame.Surface) -> None:
        title = self.heading(surface, "ui.end.title")
        app = self.app
        area = pygame.Rect(
            app.px(MARGIN * 3), title.bottom + app.px(30), surface.get_width() - app.px(MARGIN * 6), app.px(200)
        )
        draw.paragraph(
            surface,
            app.tr("ui.end.note", turn=self.session.last_finished_turn(), turns=self.session.scenario.turns),
            app.font(24),
            app.palette.text_dim,
            area,
        )
        super().draw(surface)
