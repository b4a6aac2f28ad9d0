"""Workshop set-up: scenario, 1 to 8 teams with names and colours, seed, turn mode, timer and the rival's speed."""

from __future__ import annotations

import pygame

from game.core.competitor import DIFFICULTY
from game.ui import flow
from game.ui.scene import Pop, Transition
from game.ui.scenes import draw
from game.ui.scenes.form import FormScene
from game.ui.scenes.picker import ScenarioPicker
from game.workshop.session import MAX_TEAMS, Session

MARGIN = 48  # px at 1280×720
ROW_H, GAP, LABEL_W = 46, 10, 145
TIMERS = (0, 120, 180, 300)  # seconds of planning per team; 0 = no timer
MODES = ("hotseat", "simultaneous")
SUMMARY_LINES = 2  # lines of the chosen scenario's summary under the list
OPTION_ROWS = ("mode", "timer", "rival", "seed")  # rows of options under the summary
NAME_LIMIT = 24  # characters


class WorkshopSetupScene(FormScene):
    def __init__(self, app):  # noqa: ANN001 - App
        super().__init__(app)
        self.picker = ScenarioPicker(self, on_choose=self._scenario_chosen)
        self.count = 3
        self.names: list[str | None] = [None] * MAX_TEAMS  # None: the default name in the current language
        self.colours = list(range(MAX_TEAMS))
        self.mode, self.timer, self.difficulty = "hotseat", 0, "normal"
        self.seed_text: str | None = None
        self.problem: str | None = None
        self.name_entries, self.seed_entry, self.option_rows = [], None, []

    # ------------------------------------------------------------ layout

    def build(self) -> None:
        app, px = self.app, self.app.px
        width, height = app.size
        self.top = px(MARGIN) + app.font(40, True).get_linesize()
        self.split = px(MARGIN) + round((width - 2 * px(MARGIN)) * 0.42)
        left = pygame.Rect(
            px(MARGIN), self.top + app.font(22, True).get_linesize() + px(6), self.split - px(MARGIN), height
        )
        bottom = height - px(MARGIN) - px(52)
        below = app.font(18).get_linesize() * SUMMARY_LINES + px(12) + len(OPTION_ROWS) * px(ROW_H + GAP) + px(16)
        max_rows = max(2, (bottom - below - left.top) // (px(ROW_H) + px(8)))
        y = self.picker.build(left, px(ROW_H), max_rows)
        self.summary_top = y
        y += app.font(18).get_linesize() * SUMMARY_LINES + px(12)
        self.option_rows = []
        y = self._options(left.left, left.width, y)
        self._teams()
        self.bottom = bottom
        self.button(pygame.Rect(px(MARGIN), bottom, px(200), px(52)), app.tr("ui.back"), lambda: Pop())
        start = pygame.Rect(width - px(MARGIN) - px(300), bottom, px(300), px(52))
        self.button(start, app.tr("ui.workshop.start"), self.start, object_id="#primary")

    def _options(self, left: int, width: int, y: int) -> int:
        app, px = self.app, self.app.px
        choices = [
            ("ui.workshop.mode", [(app.tr(f"ui.mode.{m}"), ("mode", m), app.tr(f"ui.mode.{m}.tip")) for m in MODES]),
            ("ui.workshop.timer", [(self._timer_label(s), ("timer", s), None) for s in TIMERS]),
            (
                "ui.setup.difficulty",
                [
                    (app.tr(f"ui.difficulty.{d}"), ("difficulty", d), app.tr(f"ui.difficulty.{d}.tip"))
                    for d in DIFFICULTY
                ],
            ),
        ]
        area = width - px(LABEL_W)
        for key, options in choices:
            step = area // len(options)
            buttons = []
            for index, (text, (name, value), tip) in enumerate(options):
                rect = pygame.Rect(left + px(LABEL_W) + index * step, y, step - px(6), px(ROW_H))
                chosen = getattr(self, name) == value
                buttons.append(
                    (
                        value,
                        self.button(
                            rect,
                            text,
                            lambda n=name, v=value: self._choose(n, v),
                            selected=chosen,
                            tooltip=tip,
                            object_id="@option",
                        ),
                    )
                )
            self.option_rows.append((key, y, name, buttons))
            y += px(ROW_H + GAP)
        seed = self.seed_text if self.seed_text is not None else str(self.picker.scenario.seed)
        self.seed_entry = self.entry(pygame.Rect(left + px(LABEL_W), y, area - px(6), px(ROW_H)), seed, limit=9)
        self.option_rows.append(("ui.workshop.seed", y, None, []))
        return y + px(ROW_H + GAP)

    def _teams(self) -> None:
        app, px = self.app, self.app.px
        width = app.size[0]
        left, right = self.split + px(32), width - px(MARGIN)
        y = self.top + app.font(22, True).get_linesize() + px(6)
        small = px(ROW_H)
        self.button(
            pygame.Rect(right - 2 * small - px(8), self.top, small, small - px(6)),
            "−",
            lambda: self._resize_teams(-1),
            enabled=self.count > 1,
            tooltip=app.tr("ui.workshop.fewer"),
        )
        self.button(
            pygame.Rect(right - small, self.top, small, small - px(6)),
            "+",
            lambda: self._resize_teams(+1),
            enabled=self.count < MAX_TEAMS,
            tooltip=app.tr("ui.workshop.more"),
        )
        y += px(8)
        row_h = min(px(ROW_H), (app.size[1] - px(MARGIN) - px(52) - px(16) - y) // MAX_TEAMS - px(6))
        colour_w = px(190)
        self.name_entries, self.colour_buttons = [], []
        for index in range(self.count):
            name_rect = pygame.Rect(
                left + px(36) + colour_w + px(10), y, right - left - px(36) - colour_w - px(10), row_h
            )
            colour = self.button(
                pygame.Rect(left + px(36), y, colour_w, row_h),
                self._colour_name(index),
                lambda i=index: self._next_colour(i),
                tooltip=app.tr("ui.workshop.colour_tip"),
            )
            self.colour_buttons.append(colour)
            self.name_entries.append(self.entry(name_rect, self._name(index), limit=NAME_LIMIT))
            y += row_h + px(6)

    # ------------------------------------------------------------ choices

    def _scenario_chosen(self, scenario) -> None:  # noqa: ANN001 - Scenario
        """Each scenario comes with its own seed: the seed box shows the chosen one's (a typed seed is replaced)."""
        self.seed_text = None
        if self.seed_entry is not None:
            self.seed_entry.set_text(str(scenario.seed))

    def _timer_label(self, seconds: int) -> str:
        return (
            self.app.tr("ui.workshop.no_timer") if seconds == 0 else self.app.tr("ui.workshop.minutes", n=seconds // 60)
        )

    def _colour_name(self, index: int) -> str:
        return self.app.tr(f"ui.colour.{self.app.palette.team_names[self.colours[index]]}")

    def _name(self, index: int) -> str:
        return self.names[index] or self.app.tr("ui.workshop.team_default", n=index + 1)

    def _choose(self, name: str, value) -> None:  # noqa: ANN001 - str or int
        setattr(self, name, value)
        for _, _, row_name, buttons in self.option_rows:
            if row_name == name:
                for option, button in buttons:
                    (button.select if option == value else button.unselect)()

    def _remember(self) -> None:
        """Keep what was typed before the widgets are rebuilt."""
        for index, entry in enumerate(self.name_entries):
            text = entry.get_text().strip()
            self.names[index] = None if text == self.app.tr("ui.workshop.team_default", n=index + 1) else text
        if self.seed_entry is not None:
            self.seed_text = self.seed_entry.get_text()

    def leave(self) -> None:
        if self.elements:
            self._remember()
        super().leave()

    def _rebuild(self) -> None:
        self.leave()
        self.enter()

    def _resize_teams(self, step: int) -> None:
        self.count = min(max(self.count + step, 1), MAX_TEAMS)
        self._rebuild()

    def _next_colour(self, index: int) -> None:
        taken = {self.colours[i] for i in range(self.count) if i != index}
        colour = self.colours[index]
        for _ in range(MAX_TEAMS):
            colour = (colour + 1) % MAX_TEAMS
            if colour not in taken:
                break
        self.colours[index] = colour
        self.colour_buttons[index].set_text(self._colour_name(index))

    # ------------------------------------------------------------ start

    def start(self) -> Transition | None:
        self._remember()
        names = [self._name(i) for i in range(self.count)]
        seed_text = (self.seed_text or "").strip()
        if not seed_text.isdigit():
            self.problem = self.app.tr("ui.workshop.bad_seed", seed=seed_text)
            return None
        duplicates = sorted({n for n in names if names.count(n) > 1})
        if duplicates:
            self.problem = self.app.tr("ui.workshop.same_name", name=duplicates[0])
            return None
        session = Session.start(
            self.picker.scenario,
            names,
            seed=int(seed_text),
            difficulty=self.difficulty,
            mode=self.mode,
            turn_seconds=self.timer or None,
            colours=self.colours[: self.count],
        )
        return flow.start_game(self.app, session)

    # ------------------------------------------------------------ drawing

    def draw(self, surface: pygame.Surface) -> None:
        app, px, colours = self.app, self.app.px, self.app.palette
        draw.line(
            surface, app.tr("ui.workshop.title"), app.font(40, True), colours.text, (px(MARGIN), px(MARGIN) - px(20))
        )
        heading = app.font(22, True)
        draw.line(surface, app.tr("ui.setup.scenario"), heading, colours.accent, (px(MARGIN), self.top))
        teams_left = self.split + px(32)
        draw.line(surface, app.tr("ui.workshop.teams", n=self.count), heading, colours.accent, (teams_left, self.top))
        summary = pygame.Rect(
            px(MARGIN), self.summary_top, self.split - px(MARGIN), app.font(18).get_linesize() * SUMMARY_LINES + 2
        )
        draw.paragraph(
            surface, app.text(self.picker.scenario.summary), app.font(18), colours.text_dim, summary, spacing=1.0
        )
        for key, y, _, _ in self.option_rows:
            draw.line(
                surface, app.tr(key), app.font(20, True), colours.text, (px(MARGIN), y + px(ROW_H) // 2), "midleft"
            )
        for index, button in enumerate(self.colour_buttons):
            swatch = pygame.Rect(teams_left, 0, px(26), px(26))
            swatch.centery = button.rect.centery
            pygame.draw.rect(surface, colours.team(self.colours[index]), swatch, border_radius=5)
        if self.problem:
            draw.line(
                surface,
                self.problem,
                app.font(20, True),
                colours.bad,
                (surface.get_width() // 2, self.bottom - px(14)),
                "midbottom",
            )
        super().draw(surface)
