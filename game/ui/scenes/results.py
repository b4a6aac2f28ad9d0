"""The end of a game: each signal's race (won or beaten by N turns, points) and, in a workshop, the final ranking."""

from __future__ import annotations

import pygame

from game.core.scoring import SignalOutcome, outcomes, score
from game.ui.app import Home
from game.ui.debrief.scene import DebriefScene
from game.ui.scene import Push, Transition
from game.ui.scenes import draw
from game.ui.scenes.form import FormScene
from game.ui.scenes.table import Column, draw_table
from game.workshop.session import Session

MARGIN = 56  # px at 1280×720
BUTTON_W, BUTTON_H, TEAM_W = 300, 58, 380


def outcome_phrase(app, result: SignalOutcome) -> str:  # noqa: ANN001 - App
    """One signal's race in a few words, in the chosen language."""
    if result.share is not None:
        return app.tr("ui.results.under_way", percent=round(result.share * 100))
    if not result.genuine:
        key = (
            "acted_on_rumour"
            if result.exploited_turn is not None
            else "exposed"
            if result.exposed
            else "faded"
            if result.faded
            else "rumour_ignored"
        )
        return app.tr(f"ui.results.{key}")
    if result.exploited_turn is None:
        if result.competitor_turn is None:
            return app.tr("ui.results.not_exploited")
        return app.tr("ui.results.rival_only", turn=result.competitor_turn)
    if result.margin is None:
        return app.tr("ui.results.won_alone", turn=result.exploited_turn)
    if result.margin == 0:
        return app.tr("ui.results.same_turn")
    key = "won_by" if result.won else "beaten_by"
    count = abs(result.margin)
    return app.tr(f"ui.results.{key}", n=count)


class ResultsScene(FormScene):
    def __init__(self, app, session: Session):  # noqa: ANN001 - App
        super().__init__(app)
        self.session = session
        self.standings = session.leaderboard()
        self.shown = self._team_index(self.standings[0].team)  # the winner's races first
        self.team_buttons = []

    def _team_index(self, name: str) -> int:
        return next(i for i, team in enumerate(self.session.teams) if team.name == name)

    @property
    def workshop(self) -> bool:
        return self.session.mode != "solo"

    def build(self) -> None:
        app, px = self.app, self.app.px
        width, height = app.size
        margin = app.space(MARGIN)
        bottom = height - margin - px(BUTTON_H) + app.space(16)
        menu_w, debrief_w = (self._button_width(key) for key in ("ui.back_to_menu", "ui.results.debrief"))
        menu = pygame.Rect(width - margin - menu_w, bottom, menu_w, px(BUTTON_H))
        self.button(menu, app.tr("ui.back_to_menu"), lambda: Home(), object_id="#primary")
        debrief = pygame.Rect(menu.left - px(20) - debrief_w, bottom, debrief_w, px(BUTTON_H))
        self.button(debrief, app.tr("ui.results.debrief"), lambda: Push(DebriefScene(app, self.session)))
        self.team_buttons = []
        if self.workshop:
            y = self._content_top() + app.font(24, True).get_linesize() + px(10)
            beside = debrief.left > margin + self._team_width() + px(20)  # the ranking may go down past the buttons
            end = height - margin if beside else bottom - px(20)
            row_h = self.row_height(52, end - y, len(self.standings), px(6), font_px=20)
            for standing in self.standings:
                index = self._team_index(standing.team)
                points = app.translator.number(round(standing.score))
                text = f"{standing.rank}. {standing.team} — {points} {app.tr('ui.points_short')}"
                rect = pygame.Rect(margin + px(36), y, self._team_width() - px(36), row_h)
                button = self.button(
                    rect, text, lambda index=index: self.show(index), selected=index == self.shown, object_id="@choice"
                )
                self.team_buttons.append((index, standing.colour, button))
                y += row_h + px(6)

    def _content_top(self) -> int:
        app = self.app
        return app.space(MARGIN) + app.title_font(40).get_linesize() + app.font(22).get_linesize() + app.px(8)

    def _button_width(self, key: str) -> int:
        """Wide enough for its label, up to BUTTON_W."""
        app = self.app
        return min(app.px(BUTTON_W), app.font(22, True).size(app.tr(key))[0] + app.px(60))

    def _team_width(self) -> int:
        """The ranking's column: at most a third of the window, so the races keep the rest."""
        return min(self.app.px(TEAM_W), self.app.size[0] // 3)

    def show(self, index: int) -> None:
        self.shown = index
        for team_index, _, button in self.team_buttons:
            (button.select if team_index == index else button.unselect)()

    def back(self) -> Transition:
        return Home()

    def draw(self, surface: pygame.Surface) -> None:
        app, px, colours = self.app, self.app.px, self.app.palette
        width, height = surface.get_size()
        key = "ui.results.title_ended" if self.session.ended else "ui.results.title"
        margin = app.space(MARGIN)
        title = draw.line(surface, app.tr(key), app.title_font(40), colours.text, (margin, margin - px(24)))
        draw.line(
            surface,
            draw.fit(app.text(self.session.scenario.title), app.font(22), width - 2 * margin),
            app.font(22),
            colours.text_dim,
            (margin, title.bottom),
        )
        top, left = self._content_top(), margin
        if self.workshop:
            draw.line(surface, app.tr("ui.results.ranking"), app.font(24, True), colours.accent, (left, top))
            for _, colour, button in self.team_buttons:
                swatch = pygame.Rect(left, 0, px(24), px(24))
                swatch.centery = button.rect.centery
                pygame.draw.rect(surface, colours.team(colour), swatch, border_radius=4)
            left += self._team_width() + px(32)
        bottom = self.elements[0].rect.top - px(16) if self.elements else height - margin
        self._draw_races(surface, pygame.Rect(left, top, width - left - margin, bottom - top))
        super().draw(surface)

    def _draw_races(self, surface: pygame.Surface, area: pygame.Rect) -> None:
        app, colours = self.app, self.app.palette
        team = self.session.teams[self.shown]
        heading = app.tr("ui.results.races", team=team.name, points=round(score(team.state)))
        heading = draw.fit(heading, app.font(24, True), area.width)
        y = draw.line(
            surface,
            heading,
            app.font(24, True),
            colours.team(team.colour) if self.workshop else colours.accent,
            area.topleft,
        ).bottom
        columns = [
            Column(app.tr("ui.results.signal"), 3.2),
            Column(app.tr("ui.results.race"), 2.6),
            Column(app.tr("ui.standings.points"), 0.9, "right"),
        ]
        titles = [app.text(signal.title) for signal in self.session.scenario.signals]
        rows = [
            [name, outcome_phrase(app, result), app.translator.number(round(result.points), signed=True)]
            for name, result in zip(titles, outcomes(team.state))
        ]
        draw_table(app, surface, pygame.Rect(area.left, y + app.px(10), area.width, area.bottom - y), columns, rows)
