"""The leaderboard between turns of a workshop: each team's points and races won or lost against the rival."""

from __future__ import annotations

from collections.abc import Callable

import pygame

from game.ui.facilitator import facilitator_key
from game.ui.scene import Pop, Transition
from game.ui.scenes import draw
from game.ui.scenes.form import FormScene
from game.ui.scenes.table import Column, draw_table
from game.workshop.session import Session

MARGIN = 64  # px at 1280×720
BUTTON_W, BUTTON_H = 300, 60


def standings_table(app, session: Session) -> tuple[list[Column], list[list[str]], list]:  # noqa: ANN001 - App
    """Columns, rows and team colours of the session's standings, best first."""
    columns = [
        Column(app.tr("ui.standings.rank"), 0.7),
        Column(app.tr("ui.standings.team"), 3.2),
        Column(app.tr("ui.standings.points"), 1.2, "right"),
        Column(app.tr("ui.standings.won"), 1.4, "right"),
        Column(app.tr("ui.standings.lost"), 1.4, "right"),
        Column(app.tr("ui.standings.open"), 1.2, "right"),
    ]
    standings = session.leaderboard()
    rows = [
        [f"{s.rank}.", s.team, app.translator.number(round(s.score)), str(s.won), str(s.lost), str(s.open)]
        for s in standings
    ]
    return columns, rows, [app.palette.team(s.colour) for s in standings]


class LeaderboardScene(FormScene):
    """After a round (`then` opens the next team's curtain) or on the facilitator's L key (an overlay; Continue closes it)."""

    def __init__(self, app, session: Session, then: Callable[[], Transition] | None = None):  # noqa: ANN001 - App
        super().__init__(app)
        self.session = session
        self.then = then
        self.overlay = then is None
        self.standings = session.leaderboard()
        self.rows_drawn: list[pygame.Rect] = []  # each team's row, as last drawn

    @property
    def order(self) -> list[str]:
        """Team names as ranked on screen, best first."""
        return [standing.team for standing in self.standings]

    def build(self) -> None:
        px = self.app.px
        width, height = self.app.size
        rect = pygame.Rect(0, 0, px(BUTTON_W), px(BUTTON_H))
        rect.topright = (width - self.app.space(MARGIN), self.app.space(MARGIN) - px(24))  # the table keeps the height
        self.button(rect, self.app.tr("ui.continue"), self.proceed, object_id="#primary")

    def proceed(self) -> Transition:
        return self.then() if self.then else Pop()

    def back(self) -> Transition | None:
        return None if self.then else Pop()

    def handle_key(self, event: pygame.event.Event) -> Transition | None:
        if self.overlay and event.key == pygame.K_l:
            return Pop()
        if self.then is not None:
            answer = facilitator_key(self.app, self.session, event)
            if answer is not None:
                return answer
        return super().handle_key(event)

    def draw(self, surface: pygame.Surface) -> None:
        app, px, colours = self.app, self.app.px, self.app.palette
        width, height = surface.get_size()
        if self.overlay:
            draw.dim(surface, 235)
        title = app.tr("ui.leaderboard.title")
        margin = app.space(MARGIN)
        button = self.elements[0].rect if self.elements else pygame.Rect(width - margin, 0, 0, 0)
        top = draw.line(surface, title, app.title_font(40), colours.text, (margin, margin - px(24)))
        played = self.session.scenario.turns if self.session.over else self.session.turn - 1
        subtitle = app.tr(
            "ui.leaderboard.after",
            turn=played,
            turns=self.session.scenario.turns,
            rival=self.session.scenario.competitor.name,
        )
        font, sub_w = app.font(22), button.left - px(24) - margin
        sub = pygame.Rect(margin, top.bottom, sub_w, len(draw.wrap(subtitle, font, sub_w)) * font.get_linesize())
        draw.paragraph(surface, subtitle, font, colours.text_dim, sub, spacing=1.0)
        columns, rows, swatches = standings_table(app, self.session)
        table_top = max(sub.bottom, button.bottom) + px(16)
        area = pygame.Rect(margin, table_top, width - 2 * margin, height - margin - table_top)
        self.rows_drawn = draw_table(app, surface, area, columns, rows, swatches)
        super().draw(surface)

    def controls(self) -> list[tuple[str, pygame.Rect]]:
        """The button, and each team's row: every team must be on screen."""
        rows = [(f"readout standing {i + 1}", rect) for i, rect in enumerate(self.rows_drawn)]
        return super().controls() + rows
