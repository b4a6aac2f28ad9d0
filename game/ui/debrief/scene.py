"""DebriefScene: after a game, the facilitator walks through each team's signals and exports the report.

Buttons and keys choose the team (T), the signal (S) and the view (1–5:
timeline, path, contrasts, comparison, questions); in the comparison, the
what-if's turn and strategy can be changed. "Export report" writes the HTML,
CSV and JSON into a new folder under the player's data folder and says where;
"Back" (or Escape) returns to the previous screen.
"""

from __future__ import annotations

from datetime import datetime

import pygame

from game.core.bots import BOTS
from game.debrief.build import Debrief, debrief_of_session
from game.debrief.compare import Alternative, what_if
from game.debrief.export import write_report
from game.persistence.storage import data_dir
from game.ui.debrief import panels
from game.ui.scene import Pop, Transition
from game.ui.scenes import draw
from game.ui.scenes.form import FormScene

VIEWS = ("timeline", "path", "contrasts", "compare", "questions")
REPORTS_FOLDER = "reports"  # under the player's data folder
MARGIN = 28  # design px
ROW_H = 46  # design px: height of a row of buttons
VIEW_KEYS = {pygame.K_1: 0, pygame.K_2: 1, pygame.K_3: 2, pygame.K_4: 3, pygame.K_5: 4}


class DebriefScene(FormScene):
    def __init__(self, app, session, debrief: Debrief | None = None):  # noqa: ANN001 - App, Session
        super().__init__(app)
        self.session = session
        self.debrief = debrief or debrief_of_session(session)
        self.team = 0
        self.signal = 0
        self.view = 0
        self.strategy = self.debrief.teams[0].what_if.strategy
        self.turns = {i: t.what_if.from_turn for i, t in enumerate(self.debrief.teams)}
        self.alternatives: dict[tuple[int, int, str], Alternative] = {}
        self.charts: dict[tuple, pygame.Surface] = {}
        self.status = ""
        self.exporting = False

    # ------------------------------------------------------------ layout

    @property
    def content(self) -> pygame.Rect:
        px = self.app.px
        width, height = self.app.size
        top = px(MARGIN) + self.app.font(30, True).get_linesize() + 2 * px(ROW_H) + 3 * px(10)
        return pygame.Rect(px(MARGIN), top, width - 2 * px(MARGIN), height - top - px(ROW_H) - 2 * px(MARGIN))

    def build(self) -> None:
        app, px = self.app, self.app.px
        width, height = app.size
        y = px(MARGIN) + app.font(30, True).get_linesize() + px(10)
        half = (width - 2 * px(MARGIN) - px(12)) // 2
        team = self.debrief.teams[self.team]
        title = app.text(self.debrief.scenario.signals[self.signal].title)
        self.button(
            pygame.Rect(px(MARGIN), y, half, px(ROW_H)),
            draw.fit(app.tr("debrief.screen.team", team=team.name) + "  ›", app.font(20), half - px(20)),
            self.next_team,
        )
        self.button(
            pygame.Rect(px(MARGIN) + half + px(12), y, half, px(ROW_H)),
            draw.fit(app.tr("debrief.screen.signal", signal=title) + "  ›", app.font(20), half - px(20)),
            self.next_signal,
        )
        y += px(ROW_H) + px(10)
        tab_w = (width - 2 * px(MARGIN) - 4 * px(8)) // len(VIEWS)
        for index, view in enumerate(VIEWS):
            rect = pygame.Rect(px(MARGIN) + index * (tab_w + px(8)), y, tab_w, px(ROW_H))
            self.button(
                rect,
                f"{index + 1}. {app.tr(f'debrief.screen.tab.{view}')}",
                lambda index=index: self.show(index),
                selected=index == self.view,
                object_id="@choice",
            )
        bottom = height - px(MARGIN) - px(ROW_H)
        back = pygame.Rect(width - px(MARGIN) - px(200), bottom, px(200), px(ROW_H))
        self.button(back, app.tr("debrief.screen.back"), lambda: Pop())
        export = pygame.Rect(back.left - px(12) - px(280), bottom, px(280), px(ROW_H))
        self.button(export, app.tr("debrief.screen.export"), self.export, object_id="#primary")
        if VIEWS[self.view] == "compare":
            self._what_if_buttons()

    def _what_if_buttons(self) -> None:
        """The what-if's controls, at the foot of its panel (see panels.compare_view)."""
        app, px = self.app, self.app.px
        area = self.content
        side_left = area.left + round(area.width * 0.64) + px(panels.GAP) + px(12)
        y = area.bottom - px(12) - px(ROW_H)
        self.button(
            pygame.Rect(side_left, y, px(56), px(ROW_H)),
            "-",
            lambda: self.shift_turn(-1),
            tooltip=app.tr("debrief.screen.what_if_turn"),
        )
        self.button(
            pygame.Rect(side_left + px(64), y, px(56), px(ROW_H)),
            "+",
            lambda: self.shift_turn(+1),
            tooltip=app.tr("debrief.screen.what_if_turn"),
        )
        label = f"{app.tr(f'debrief.strategy.{self.strategy}')}  ›"
        right = area.right - px(12)
        self.button(
            pygame.Rect(side_left + px(128), y, right - side_left - px(128), px(ROW_H)),
            label,
            self.next_strategy,
            tooltip=app.tr("debrief.screen.what_if_strategy"),
        )

    def rebuild(self) -> None:
        focus = self.focus
        self.leave()
        self.enter()
        self.focus = min(focus, max(len(self.focusables) - 1, 0))

    # ------------------------------------------------------------ choices

    def next_team(self, step: int = 1) -> None:
        self.team = (self.team + step) % len(self.debrief.teams)
        self.rebuild()

    def next_signal(self, step: int = 1) -> None:
        self.signal = (self.signal + step) % len(self.debrief.scenario.signals)
        self.rebuild()

    def show(self, view: int) -> None:
        self.view = view
        self.rebuild()

    def shift_turn(self, step: int) -> None:
        last = self.debrief.teams[self.team].turns
        self.turns[self.team] = max(0, min(self.turns[self.team] + step, last))

    def next_strategy(self) -> None:
        names = list(BOTS)
        self.strategy = names[(names.index(self.strategy) + 1) % len(names)]
        self.rebuild()

    def alternative(self) -> Alternative:
        """The what-if for the chosen team, turn and strategy (computed once, then kept)."""
        key = (self.team, self.turns[self.team], self.strategy)
        if key not in self.alternatives:
            self.alternatives[key] = what_if(self.debrief.teams[self.team].state, key[1], key[2])
        return self.alternatives[key]

    # ------------------------------------------------------------ export

    def export(self) -> None:
        self.status = self.app.tr("debrief.screen.export") + "…"
        self.exporting = True  # done in the next update, so this frame shows the message first

    def update(self, dt: float) -> Transition | None:
        if self.exporting:
            self.exporting = False
            stamp = datetime.now().strftime("%Y-%m-%d_%H-%M-%S")
            folder = data_dir() / REPORTS_FOLDER / f"{self.debrief.scenario.id}_{stamp}"
            try:
                files = write_report(self.debrief, folder, self.app.translator.language)
                self.status = self.app.tr("debrief.screen.exported", folder=str(files.folder))
                self.exported = files
            except OSError as error:
                self.status = self.app.tr("debrief.screen.export_failed", error=error.strerror or str(error))
        return None

    # ------------------------------------------------------------ keys

    def handle_key(self, event: pygame.event.Event) -> Transition | None:
        backwards = bool(event.mod & pygame.KMOD_SHIFT)
        if event.key == pygame.K_t:
            self.next_team(-1 if backwards else 1)
        elif event.key == pygame.K_s:
            self.next_signal(-1 if backwards else 1)
        elif event.key in VIEW_KEYS:
            self.show(VIEW_KEYS[event.key])
        elif event.key == pygame.K_e:
            self.export()
        else:
            return super().handle_key(event)
        return None

    # ------------------------------------------------------------ drawing

    def draw(self, surface: pygame.Surface) -> None:
        app, px = self.app, self.app.px
        title = app.tr("debrief.screen.title", title=app.text(self.debrief.scenario.title))
        draw.line(
            surface,
            draw.fit(title, app.font(30, True), surface.get_width() - 2 * px(MARGIN)),
            app.font(30, True),
            app.palette.text,
            (px(MARGIN), px(MARGIN) - px(8)),
        )
        self._draw_view(surface, self.content)
        bottom = surface.get_height() - px(MARGIN) - px(ROW_H)
        note = self.status or app.tr("debrief.screen.keys")
        room = pygame.Rect(
            px(MARGIN), bottom, surface.get_width() - px(MARGIN) - px(520) - px(MARGIN), px(ROW_H) + px(MARGIN)
        )
        draw.paragraph(
            surface, note, app.font(16), app.palette.text if self.status else app.palette.text_dim, room, 1.1
        )
        super().draw(surface)

    def _draw_view(self, surface: pygame.Surface, area: pygame.Rect) -> None:
        team = self.debrief.teams[self.team]
        signal = team.signals[self.signal]
        view = VIEWS[self.view]
        if view == "timeline":
            panels.timeline_view(self.app, surface, area, team, signal, self._chart(area))
        elif view == "path":
            panels.path_view(self.app, surface, area, team, signal)
        elif view == "contrasts":
            panels.contrasts_view(self.app, surface, area, signal)
        elif view == "compare":
            panels.compare_view(self.app, surface, area, self.debrief, team, self.alternative())
        else:
            panels.questions_view(self.app, surface, area, self.debrief)

    def _chart(self, area: pygame.Rect) -> pygame.Surface:
        size = (round(area.width * 0.68), area.height)
        key = (self.team, self.signal, size, self.app.translator.language)
        if key not in self.charts:
            team = self.debrief.teams[self.team]
            self.charts[key] = panels.chart_surface(self.app, team, team.signals[self.signal], size)
        return self.charts[key]
