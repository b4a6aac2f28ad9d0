"""DebriefScene: after a game, the facilitator walks through each team's signals and exports the report.

Buttons and keys choose the team (T), the signal (S) and the view (1–5:
timeline, path, contrasts, comparison, questions); in the comparison, the
what-if's turn and strategy can be changed. "Export report" writes the HTML,
CSV and JSON into a new folder under "Signal Race" in the player's Documents
and says where; "Open folder" (or O) then shows it in the file manager. "Back"
(or Escape) returns to the previous screen.
"""

from __future__ import annotations

from datetime import datetime

import pygame

from game.core.bots import BOTS
from game.debrief.build import Debrief, debrief_of_session
from game.debrief.compare import Alternative, what_if
from game.debrief.export import ReportFiles, write_report
from game.persistence.storage import reports_dir
from game.ui.debrief import panels
from game.ui.opener import open_folder
from game.ui.scene import Pop, Transition
from game.ui.scenes import draw
from game.ui.scenes.form import FormScene
from game.ui.scenes.scroll import LINE_STEP, Scroll

VIEWS = ("timeline", "path", "contrasts", "compare", "questions")
MARGIN = 28  # design px
ROW_H = 46  # design px: height of a row of buttons
SCROLL_KEYS = {pygame.K_PAGEUP, pygame.K_PAGEDOWN}  # the arrows move between buttons
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
        self.exported: ReportFiles | None = None
        self.scroll = Scroll()  # the contrasts, when their sentences need more room than the window gives

    # ------------------------------------------------------------ layout

    @property
    def margin(self) -> int:
        return self.app.space(MARGIN)

    @property
    def row_h(self) -> int:
        """A row of buttons: ROW_H, growing with the window, and with the text size only as much as it needs."""
        return max(self.least_row(), min(self.app.px(ROW_H), self.app.space(ROW_H)))

    @property
    def content(self) -> pygame.Rect:
        px = self.app.px
        width, height = self.app.size
        top = self.margin + self.app.font(30, True).get_linesize() + 2 * self.row_h + 3 * px(10)
        return pygame.Rect(self.margin, top, width - 2 * self.margin, height - top - self.row_h - 2 * self.margin)

    def build(self) -> None:
        app, px = self.app, self.app.px
        width, height = app.size
        y = self.margin + app.font(30, True).get_linesize() + px(10)
        team = self.debrief.teams[self.team]
        title = app.text(self.debrief.scenario.signals[self.signal].title)
        team_label = app.tr("debrief.screen.team", team=team.name) + "  ›"
        full = width - 2 * self.margin - px(12)
        team_w = max(full // 4, min(full // 2, app.font(22, True).size(team_label)[0] + px(40)))
        self.button(pygame.Rect(self.margin, y, team_w, self.row_h), team_label, self.next_team)
        self.button(
            pygame.Rect(self.margin + team_w + px(12), y, full - team_w, self.row_h),
            app.tr("debrief.screen.signal", signal=title) + "  ›",
            self.next_signal,
        )
        y += self.row_h + px(10)
        tab_w = (width - 2 * self.margin - 4 * px(8)) // len(VIEWS)
        for index, label in enumerate(self._tab_labels(tab_w)):
            rect = pygame.Rect(self.margin + index * (tab_w + px(8)), y, tab_w, self.row_h)
            self.button(
                rect,
                label,
                lambda index=index: self.show(index),
                selected=index == self.view,
                object_id="@choice",
            )
        bottom = height - self.margin - self.row_h
        back = pygame.Rect(width - self.margin - px(200), bottom, px(200), self.row_h)
        self.button(back, app.tr("debrief.screen.back"), lambda: Pop())
        export = pygame.Rect(back.left - px(12) - px(280), bottom, px(280), self.row_h)
        self.button(export, app.tr("debrief.screen.export"), self.export, object_id="#primary")
        if self.exported is not None:
            opener = pygame.Rect(export.left - px(12) - px(240), bottom, px(240), self.row_h)
            self.button(opener, app.tr("debrief.screen.open_folder"), self.open_folder)
        if VIEWS[self.view] == "compare":
            self._what_if_buttons()

    def _tab_labels(self, tab_w: int) -> list[str]:
        """ "1. Timeline"…, or without the numbers (the keys) when one of them would not fit in its tab."""
        app = self.app
        names = [app.tr(f"debrief.screen.tab.{view}") for view in VIEWS]
        numbered = [f"{index}. {name}" for index, name in enumerate(names, start=1)]
        font, room = app.font(20), tab_w - app.px(32)
        return numbered if all(font.size(label)[0] <= room for label in numbered) else names

    def _what_if_buttons(self) -> None:
        """The what-if's controls, at the foot of its panel (see panels.compare_view)."""
        app, px = self.app, self.app.px
        area = self.content
        side_left = area.left + round(area.width * 0.64) + px(panels.GAP) + px(12)
        y = area.bottom - px(12) - self.row_h
        self.button(
            pygame.Rect(side_left, y, px(56), self.row_h),
            "-",
            lambda: self.shift_turn(-1),
            tooltip=app.tr("debrief.screen.what_if_turn"),
        )
        self.button(
            pygame.Rect(side_left + px(64), y, px(56), self.row_h),
            "+",
            lambda: self.shift_turn(+1),
            tooltip=app.tr("debrief.screen.what_if_turn"),
        )
        label = f"{app.tr(f'debrief.strategy.{self.strategy}')}  ›"
        right = area.right - px(12)
        self.button(
            pygame.Rect(side_left + px(128), y, right - side_left - px(128), self.row_h),
            label,
            self.next_strategy,
            tooltip=app.tr("debrief.screen.what_if_strategy"),
        )

    def rebuild(self) -> None:
        self.scroll.offset = 0
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
            try:
                folder = reports_dir() / f"{self.debrief.scenario.id}_{stamp}"
                files = write_report(self.debrief, folder, self.app.translator.language)
                self.status = self.app.tr("debrief.screen.exported", folder=str(files.folder))
                self.exported = files
                self.rebuild()  # the "Open folder" button appears
            except OSError as error:
                self.status = self.app.tr("debrief.screen.export_failed", error=error.strerror or str(error))
        return None

    def open_folder(self) -> None:
        """Show the exported report's folder in the file manager, or say where it is when that cannot be done."""
        if self.exported is not None and not open_folder(self.exported.folder):
            self.status = self.app.tr("debrief.screen.open_failed", folder=str(self.exported.folder))

    # ------------------------------------------------------------ keys

    @property
    def rules_section(self) -> str | None:
        """F1 opens the rules at the contrasts when the Contrasts tab is showing."""
        return "contrasts" if VIEWS[self.view] == "contrasts" else None

    def handle_event(self, event: pygame.event.Event) -> Transition | None:
        if self.scroll.wheel(event, self.app.px(LINE_STEP)):
            return None
        return super().handle_event(event)

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
        elif event.key == pygame.K_o and self.exported is not None:
            self.open_folder()
        elif event.key in SCROLL_KEYS:
            self.scroll.key(event.key, self.app.px(LINE_STEP))
        else:
            return super().handle_key(event)
        return None

    # ------------------------------------------------------------ drawing

    def draw(self, surface: pygame.Surface) -> None:
        app, px = self.app, self.app.px
        title = app.tr("debrief.screen.title", title=app.text(self.debrief.scenario.title))
        draw.line(
            surface,
            draw.fit(title, app.font(30, True), surface.get_width() - 2 * self.margin),
            app.font(30, True),
            app.palette.text,
            (self.margin, self.margin - px(8)),
        )
        self._draw_view(surface, self.content)
        bottom = surface.get_height() - self.margin - self.row_h
        note = self.status or app.tr("debrief.screen.keys")
        room = pygame.Rect(
            self.margin,
            bottom,
            surface.get_width() - self.margin - px(self._buttons_w()) - self.margin,
            self.row_h + self.margin,
        )
        draw.paragraph(
            surface, note, app.font(16), app.palette.text if self.status else app.palette.text_dim, room, 1.1
        )
        super().draw(surface)

    def _buttons_w(self) -> int:
        """Design px the buttons at the foot take from the right (Back, Export, and Open folder once exported)."""
        return 520 + (252 if self.exported is not None else 0)

    def _draw_view(self, surface: pygame.Surface, area: pygame.Rect) -> None:
        team = self.debrief.teams[self.team]
        signal = team.signals[self.signal]
        view = VIEWS[self.view]
        if view == "timeline":
            panels.timeline_view(self.app, surface, area, team, signal, self._chart(area))
        elif view == "path":
            panels.path_view(self.app, surface, area, team, signal)
        elif view == "contrasts":
            panels.contrasts_view(self.app, surface, area, signal, self.scroll)
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
