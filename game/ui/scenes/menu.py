"""The main menu: solo practice, workshop, load a saved game, settings, quit; the shipped scenarios beside it.

When an autosave holds an unfinished game (the window was closed, the
machine stopped, the game crashed, or another game was started meanwhile), the
first choice is to resume it; with several, that choice lists them all
(UnfinishedScene), to resume or delete any. An autosave that cannot be resumed
is moved aside (never deleted) and the menu says where it went.
"""

from __future__ import annotations

import pygame

from game.i18n import Message
from game.invocation import command_name
from game.persistence.problems import SaveError
from game.persistence.saves import SaveEntry, interrupted_games, load_session, set_aside, set_aside_damaged_autosaves
from game.ui.catalog import load_in_background, menu_list, title_of
from game.ui.scene import Push, Quit, Transition
from game.ui.scenes import draw
from game.ui.scenes.form import FormScene

MARGIN = 64  # px at 1280×720
BUTTON_W, BUTTON_H, GAP = 380, 58, 16
SMALL_GAP = 8  # px at 1280×720 between the buttons when large text leaves little room
SUMMARY_LINES = 2  # lines of each scenario's summary in the menu's overview
MENU_ENTRIES = (
    "ui.menu.solo",
    "ui.menu.workshop",
    "ui.menu.load",
    "help.menu_entry",
    "ui.menu.settings",
    "ui.menu.quit",
)
NOTE_LINES = 2  # lines kept for an autosave set aside (the interrupted game takes one)


class MenuScene(FormScene):
    """The root of the scene stack: every other screen returns here."""

    def __init__(self, app):  # noqa: ANN001 - App
        super().__init__(app)
        self.unfinished: list[SaveEntry] = []  # every unfinished game's autosave, newest first
        self.interrupted: SaveEntry | None = None  # the newest of them
        self.notice: Message | None = None  # an autosave that could not be resumed, and where it went
        self.shown = False  # whether the menu has been drawn once (the scenarios then load, see `update`)

    def enter(self) -> None:
        try:
            moved = set_aside_damaged_autosaves()
            self.unfinished = interrupted_games()
        except OSError:  # an unreadable data folder: play on without the offer
            moved, self.unfinished = [], []
        self.interrupted = self.unfinished[0] if self.unfinished else None
        if moved:
            self.notice = moved[-1].notice()
        super().enter()

    def build(self) -> None:
        from game.ui.scenes.load import LoadScene
        from game.ui.scenes.rules import RulesScene
        from game.ui.scenes.settings import SettingsScene
        from game.ui.scenes.solo import SoloSetupScene
        from game.ui.scenes.unfinished import UnfinishedScene
        from game.ui.scenes.workshop import WorkshopSetupScene

        app, px = self.app, self.app.px
        entries = [("ui.menu.resume", self.resume)] if len(self.unfinished) == 1 else []
        if len(self.unfinished) > 1:
            entries = [("ui.menu.resume_some", lambda: Push(UnfinishedScene(app)))]
        actions = {
            "ui.menu.solo": lambda: Push(SoloSetupScene(app)),
            "ui.menu.workshop": lambda: Push(WorkshopSetupScene(app)),
            "ui.menu.load": lambda: Push(LoadScene(app)),
            "help.menu_entry": lambda: Push(RulesScene(app)),
            "ui.menu.settings": lambda: Push(SettingsScene(app)),
            "ui.menu.quit": lambda: Quit(),
        }
        entries += [(key, actions[key]) for key in MENU_ENTRIES]
        top = self._buttons_top()
        gap = px(GAP) if self._fits(len(entries), px(GAP)) else px(SMALL_GAP)
        height = self.row_height(BUTTON_H, self._buttons_bottom() - top, len(entries), gap)
        labels = [app.tr(key, count=len(self.unfinished)) for key, _ in entries]
        width = self._button_width(labels)
        for index, ((key, action), label) in enumerate(zip(entries, labels)):
            rect = pygame.Rect(app.space(MARGIN), top + index * (height + gap), width, height)
            self.button(rect, label, action, object_id="#primary" if key.startswith("ui.menu.resume") else None)

    def _button_width(self, labels: list[str]) -> int:
        """Wide enough for the longest label, up to half the window."""
        app = self.app
        widest = max(app.font(22, True).size(label)[0] for label in labels) + app.px(40)
        return min(max(app.px(BUTTON_W), widest), app.size[0] // 2 - app.space(MARGIN))

    def _fits(self, count: int, gap: int) -> bool:
        return count * (self.app.px(BUTTON_H) + gap) - gap <= self._buttons_bottom() - self._buttons_top()

    def resume(self) -> Transition | None:
        """Open the interrupted game where its autosave left it (the end of the last turn played)."""
        from game.ui import flow

        try:
            session = load_session(self.interrupted.path)
        except SaveError as error:
            self.notice = set_aside(error.path, error.problem).notice()
            self.unfinished = [entry for entry in self.unfinished if entry.path != error.path]
            self.interrupted = self.unfinished[0] if self.unfinished else None
            self.resize()
            return None
        return flow.start_game(self.app, session)

    def _buttons_top(self, tagline_lines: int | None = None) -> int:
        app = self.app
        lines = self._tagline_lines() if tagline_lines is None else tagline_lines
        top = app.space(MARGIN) + app.title_font(56).get_linesize() + app.font(22).get_linesize() * lines
        return top + (app.font(18).get_linesize() * self._note_lines() + app.px(8) if self._note() else 0)

    def _tagline_lines(self) -> int:
        """The tagline's two lines, or none when large text leaves the buttons too little room under a note."""
        rows = len(MENU_ENTRIES) + (1 if self.unfinished else 0)
        least = rows * self.least_row() + (rows - 1) * self.app.px(SMALL_GAP)
        return 2 if self._buttons_top(2) + least <= self._buttons_bottom() else 0

    def _note_lines(self) -> int:
        """The resume offer takes one line (shortened); an autosave set aside is said whole, on up to two."""
        if self.notice is None:
            return 1
        app = self.app
        lines = draw.wrap(self.notice.text(app.translator), app.font(18), app.size[0] - 2 * app.space(MARGIN))
        return min(NOTE_LINES, len(lines))

    def _buttons_bottom(self) -> int:
        """Just above the keyboard hint at the foot of the screen."""
        return self.app.size[1] - self.app.space(24) - self.app.font(18).get_linesize() - self.app.px(12)

    def _note(self) -> str | None:
        """The interrupted game in one line, or the autosave that could not be resumed."""
        if self.notice is not None:
            return self.notice.text(self.app.translator)
        if self.interrupted is None:
            return None
        entry, app = self.interrupted, self.app
        return app.tr(
            "ui.menu.unfinished_note" if len(self.unfinished) > 1 else "ui.menu.resume_note",
            count=len(self.unfinished),
            scenario=title_of(app, entry.scenario_id),
            teams=", ".join(entry.teams),
            turn=entry.turn,
            saved=entry.saved_minute,
        )

    def back(self) -> Transition | None:
        return None  # Escape on the main menu does nothing: quitting is an explicit choice

    def update(self, dt: float) -> Transition | None:
        if self.shown:
            load_in_background()  # once the window shows the menu: ready before a set-up screen asks, broken files marked
        return super().update(dt)

    def draw(self, surface: pygame.Surface) -> None:
        app, px, colours = self.app, self.app.px, self.app.palette
        width, height = surface.get_size()
        margin = app.space(MARGIN)
        title = draw.line(surface, app.tr("ui.title"), app.title_font(56), colours.text, (margin, margin - px(20)))
        tagline = app.font(22).get_linesize() * self._tagline_lines()
        if tagline:
            box = pygame.Rect(title.left, title.bottom, width - 2 * margin, tagline + 4)
            draw.paragraph(surface, app.tr("ui.tagline"), app.font(22), colours.text_dim, box, spacing=1.0)
        note = self._note()
        if note:
            colour = colours.bad if self.notice else colours.accent
            lines = app.font(18).get_linesize() * self._note_lines()
            box = pygame.Rect(margin, self._buttons_top() - lines - px(8), width - 2 * margin, lines)
            draw.paragraph(surface, note, app.font(18), colour, box, spacing=1.0)
        left = margin + (self.elements[0].rect.width if self.elements else px(BUTTON_W)) + app.space(48)
        top = self._buttons_top()
        self._draw_scenarios(surface, pygame.Rect(left, top, width - left - margin, self._buttons_bottom() - top))
        draw.line(
            surface,
            draw.fit(app.tr("ui.keys.menu"), app.font(18), width - 2 * margin),
            app.font(18),
            colours.text_dim,
            (margin, height - app.space(24)),
            "bottomleft",
        )
        super().draw(surface)
        self.shown = True

    def _draw_scenarios(self, surface: pygame.Surface, area: pygame.Rect) -> None:
        """Each shipped scenario's title and the start of its summary, as many as fit; then how many more."""
        app, colours = self.app, self.app.palette
        if area.width < app.px(200):
            return
        y = draw.line(surface, app.tr("ui.menu.scenarios"), app.font(26, True), colours.accent, area.topleft).bottom
        body, heading = app.font(18), app.font(22, True)
        summary_h = round(body.get_linesize() * 1.1 * SUMMARY_LINES) + 2
        entries = menu_list()
        for shown, entry in enumerate(entries):
            title = app.text(entry.glance.title) if entry.glance else ""
            title_h = heading.get_linesize() * min(2, len(draw.wrap(title, heading, area.width)))
            needed = app.px(12) + title_h + app.px(4) + summary_h + 2 * body.get_linesize()
            if y + needed > area.bottom and shown < len(entries) - 1:
                more = app.tr("ui.menu.more_scenarios", count=len(entries) - shown)
                box = pygame.Rect(area.left, y + app.px(12), area.width, 2 * body.get_linesize())
                draw.paragraph(surface, more, body, colours.accent, box, spacing=1.0)
                return
            y += app.px(12)
            if entry.glance is None:
                text = app.tr("ui.scenario.broken", file=entry.path.name, command=command_name())
                y = draw.paragraph(surface, text, body, colours.bad, pygame.Rect(area.left, y, area.width, summary_h))
                continue
            box = pygame.Rect(area.left, y, area.width, title_h)
            y = draw.paragraph(surface, title, heading, colours.text, box, spacing=1.0) + app.px(4)
            box = pygame.Rect(area.left, y, area.width, summary_h)
            y = draw.paragraph(surface, app.text(entry.glance.summary), body, colours.text_dim, box, spacing=1.1)
