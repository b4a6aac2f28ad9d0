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
ROW_H = 46
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
        margin = app.space(MARGIN)
        self.top = margin + app.title_font(40).get_linesize()
        self.split = margin + self._left_width(width - 2 * margin)
        left = pygame.Rect(margin, self.top + app.font(22, True).get_linesize() + px(6), self.split - margin, height)
        bottom = height - margin - px(52)
        summary_h = app.font(18).get_linesize() * SUMMARY_LINES + px(12)
        room = bottom - px(16) - left.top - summary_h
        rows = len(OPTION_ROWS) + min(len(self.picker.scenarios), 3)
        self.row_h = self.row_height(ROW_H, room, rows, px(8), font_px=20)
        below = summary_h + len(OPTION_ROWS) * (self.row_h + px(8)) + px(16)
        max_rows = max(2, (bottom - below - left.top) // (self.row_h + px(8)))
        y = self.picker.build(left, self.row_h, max_rows)
        self.summary_top = y
        y += summary_h
        self.option_rows = []
        y = self._options(left.left, left.width, y)
        self._teams(bottom)
        self.bottom = bottom
        self.button(pygame.Rect(margin, bottom, px(200), px(52)), app.tr("ui.back"), lambda: Pop())
        start = pygame.Rect(width - margin - px(300), bottom, px(300), px(52))
        self.button(start, app.tr("ui.workshop.start"), self.start, object_id="#primary")

    def _choices(self) -> list[tuple[str, list[tuple[str, tuple[str, object], str | None]]]]:
        """Each row of options: its label key, then (text, (attribute, value), tooltip) per option."""
        app = self.app
        return [
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

    def _label_width(self) -> int:
        """The column of the options' names: the longest name."""
        font = self.app.font(20, True)
        keys = [key for key, _ in self._choices()] + ["ui.workshop.seed"]
        return max(font.size(self.app.tr(key))[0] for key in keys) + self.app.px(16)

    def _option_widths(self, texts: list[str]) -> list[int]:
        """Each option's button: its text and a margin."""
        font = self.app.font(20, True)
        return [font.size(text)[0] + self.app.px(24) for text in texts]

    def _left_width(self, inner: int) -> int:
        """The options' column: 42% of the width, more when large text needs it for the options, up to 58%."""
        widest = max(
            sum(self._option_widths([text for text, _, _ in options])) + len(options) * self.app.px(6)
            for _, options in self._choices()
        )
        needed = self._label_width() + widest
        return min(max(round(inner * 0.42), needed), round(inner * 0.58))

    def _options(self, left: int, width: int, y: int) -> int:
        px = self.app.px
        label_w = self._label_width()
        area = width - label_w
        for key, options in self._choices():
            widths = self._option_widths([text for text, _, _ in options])
            spare = (area - sum(widths) - len(options) * px(6)) / len(options)
            x = left + label_w
            buttons = []
            for (text, (name, value), tip), natural in zip(options, widths):
                rect = pygame.Rect(x, y, max(px(20), round(natural + spare)), self.row_h)
                x = rect.right + px(6)
                chosen = getattr(self, name) == value
                button = self.button(
                    rect,
                    text,
                    lambda n=name, v=value: self._choose(n, v),
                    selected=chosen,
                    tooltip=tip,
                    object_id="@option",
                )
                buttons.append((value, button))
            self.option_rows.append((key, y, name, buttons))
            y += self.row_h + px(8)
        seed = self.seed_text if self.seed_text is not None else str(self.picker.scenario.seed)
        self.seed_entry = self.entry(pygame.Rect(left + label_w, y, area - px(6), self.row_h), seed, limit=9)
        self.option_rows.append(("ui.workshop.seed", y, None, []))
        return y + self.row_h + px(8)

    def _teams(self, bottom: int) -> None:
        app, px = self.app, self.app.px
        width = app.size[0]
        left, right = self.split + px(32), width - app.space(MARGIN)
        y = self.top + app.font(22, True).get_linesize() + px(6)
        small = app.font(22, True).get_linesize() + px(6)  # the − and + buttons, beside the heading
        wide = max(small, px(ROW_H))
        self.button(
            pygame.Rect(right - 2 * wide - px(8), self.top, wide, small),
            "−",
            lambda: self._resize_teams(-1),
            enabled=self.count > 1,
            tooltip=app.tr("ui.workshop.fewer"),
        )
        self.button(
            pygame.Rect(right - wide, self.top, wide, small),
            "+",
            lambda: self._resize_teams(+1),
            enabled=self.count < MAX_TEAMS,
            tooltip=app.tr("ui.workshop.more"),
        )
        y = max(y, self.top + small) + px(8)
        row_h = self.row_height(ROW_H, bottom - px(8) - y, MAX_TEAMS, px(3), font_px=20)
        names = [app.tr(f"ui.colour.{name}") for name in app.palette.team_names]
        colour_w = min(px(190), max(self._option_widths(names)))
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
                object_id="@option",
            )
            self.colour_buttons.append(colour)
            self.name_entries.append(self.entry(name_rect, self._name(index), limit=NAME_LIMIT))
            y += row_h + px(3)

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
        margin = app.space(MARGIN)
        draw.line(surface, app.tr("ui.workshop.title"), app.title_font(40), colours.text, (margin, margin - px(20)))
        heading = app.font(22, True)
        draw.line(surface, app.tr("ui.setup.scenario"), heading, colours.accent, (margin, self.top))
        teams_left = self.split + px(32)
        draw.line(surface, app.tr("ui.workshop.teams", n=self.count), heading, colours.accent, (teams_left, self.top))
        summary = pygame.Rect(
            margin, self.summary_top, self.split - margin, app.font(18).get_linesize() * SUMMARY_LINES + 2
        )
        draw.paragraph(
            surface, app.text(self.picker.scenario.summary), app.font(18), colours.text_dim, summary, spacing=1.0
        )
        for key, y, _, _ in self.option_rows:
            draw.line(surface, app.tr(key), app.font(20, True), colours.text, (margin, y + self.row_h // 2), "midleft")
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
