"""The main menu: solo practice, workshop, load a saved game, settings, quit; the shipped scenarios beside it.

When the autosave holds an unfinished game (the window was closed, the
machine stopped or the game crashed), the first choice is to resume it. An
autosave that cannot be resumed is moved aside (never deleted) and the menu
says where it went.
"""

from __future__ import annotations

import pygame

from game.i18n import Message
from game.persistence.problems import SaveError
from game.persistence.saves import (
    SaveEntry,
    SetAside,
    interrupted_game,
    load_session,
    set_aside,
    set_aside_damaged_autosaves,
)
from game.ui.catalog import shipped_catalog, title_of
from game.ui.scene import Push, Quit, Transition
from game.ui.scenes import draw
from game.ui.scenes.form import FormScene

MARGIN = 64  # px at 1280×720
BUTTON_W, BUTTON_H, GAP = 380, 58, 16
SUMMARY_LINES = 2  # lines of each scenario's summary in the menu's overview
NOTE_LINES = 2  # lines kept for the interrupted game, or the autosave set aside


class MenuScene(FormScene):
    """The root of the scene stack: every other screen returns here."""

    def __init__(self, app):  # noqa: ANN001 - App
        super().__init__(app)
        self.interrupted: SaveEntry | None = None
        self.notice: Message | None = None  # an autosave that could not be resumed, and where it went

    def enter(self) -> None:
        try:
            moved = set_aside_damaged_autosaves()
            self.interrupted = interrupted_game()
        except OSError:  # an unreadable data folder: play on without the offer
            moved, self.interrupted = [], None
        if moved:
            self.notice = _set_aside_notice(moved[-1])
        super().enter()

    def build(self) -> None:
        from game.ui.scenes.load import LoadScene
        from game.ui.scenes.settings import SettingsScene
        from game.ui.scenes.solo import SoloSetupScene
        from game.ui.scenes.workshop import WorkshopSetupScene

        app, px = self.app, self.app.px
        entries = [("ui.menu.resume", self.resume)] if self.interrupted else []
        entries += [
            ("ui.menu.solo", lambda: Push(SoloSetupScene(app))),
            ("ui.menu.workshop", lambda: Push(WorkshopSetupScene(app))),
            ("ui.menu.load", lambda: Push(LoadScene(app))),
            ("ui.menu.settings", lambda: Push(SettingsScene(app))),
            ("ui.menu.quit", lambda: Quit()),
        ]
        top = self._buttons_top()
        for index, (key, action) in enumerate(entries):
            rect = pygame.Rect(px(MARGIN), top + index * px(BUTTON_H + GAP), px(BUTTON_W), px(BUTTON_H))
            self.button(rect, app.tr(key), action, object_id="#primary" if key == "ui.menu.resume" else None)

    def resume(self) -> Transition | None:
        """Open the interrupted game where its autosave left it (the end of the last turn played)."""
        from game.ui import flow

        try:
            session = load_session(self.interrupted.path)
        except SaveError as error:
            self.notice = _set_aside_notice(set_aside(error.path, error.problem))
            self.interrupted = None
            self.resize()
            return None
        return flow.start_game(self.app, session)

    def _buttons_top(self) -> int:
        top = self.app.px(MARGIN) + self.app.font(56, True).get_linesize() + self.app.font(22).get_linesize() * 2
        return top + (self.app.font(18).get_linesize() * NOTE_LINES + self.app.px(8) if self._note() else 0)

    def _note(self) -> str | None:
        """The interrupted game in one line, or the autosave that could not be resumed."""
        if self.notice is not None:
            return self.notice.text(self.app.translator)
        if self.interrupted is None:
            return None
        entry, app = self.interrupted, self.app
        return app.tr(
            "ui.menu.resume_note",
            scenario=title_of(app, entry.scenario_id),
            teams=", ".join(entry.teams),
            turn=entry.turn,
            saved=entry.saved_minute,
        )

    def back(self) -> Transition | None:
        return None  # Escape on the main menu does nothing: quitting is an explicit choice

    def draw(self, surface: pygame.Surface) -> None:
        app, px, colours = self.app, self.app.px, self.app.palette
        width, height = surface.get_size()
        title = draw.line(
            surface, app.tr("ui.title"), app.font(56, True), colours.text, (px(MARGIN), px(MARGIN) - px(20))
        )
        draw.paragraph(
            surface,
            app.tr("ui.tagline"),
            app.font(22),
            colours.text_dim,
            pygame.Rect(title.left, title.bottom, width - 2 * px(MARGIN), app.font(22).get_linesize() * 2 + 4),
            spacing=1.0,
        )
        note = self._note()
        if note:
            colour = colours.bad if self.notice else colours.accent
            lines = app.font(18).get_linesize() * NOTE_LINES
            box = pygame.Rect(px(MARGIN), self._buttons_top() - lines - px(8), width - 2 * px(MARGIN), lines)
            draw.paragraph(surface, note, app.font(18), colour, box, spacing=1.0)
        left = px(MARGIN + BUTTON_W + 48)
        hint_top = height - px(24) - app.font(18).get_linesize() - px(12)
        top = self._buttons_top()
        self._draw_scenarios(surface, pygame.Rect(left, top, width - left - px(MARGIN), hint_top - top))
        draw.line(
            surface, app.tr("ui.keys.menu"), app.font(18), colours.text_dim, (px(MARGIN), height - px(24)), "bottomleft"
        )
        super().draw(surface)

    def _draw_scenarios(self, surface: pygame.Surface, area: pygame.Rect) -> None:
        """Each shipped scenario's title and the start of its summary, as many as fit; then how many more."""
        app, colours = self.app, self.app.palette
        if area.width < app.px(200):
            return
        y = draw.line(surface, app.tr("ui.menu.scenarios"), app.font(26, True), colours.accent, area.topleft).bottom
        body, heading = app.font(18), app.font(22, True)
        summary_h = round(body.get_linesize() * 1.1 * SUMMARY_LINES) + 2
        entries = shipped_catalog()
        for shown, entry in enumerate(entries):
            needed = app.px(12) + heading.get_linesize() + app.px(4) + summary_h + body.get_linesize()
            if y + needed > area.bottom and shown < len(entries) - 1:
                more = app.tr("ui.menu.more_scenarios", count=len(entries) - shown)
                draw.line(surface, draw.fit(more, body, area.width), body, colours.accent, (area.left, y + app.px(12)))
                return
            y += app.px(12)
            if entry.scenario is None:
                text = app.tr("ui.scenario.broken", file=entry.path.name)
                y = draw.paragraph(surface, text, body, colours.bad, pygame.Rect(area.left, y, area.width, summary_h))
                continue
            name = draw.fit(app.text(entry.scenario.title), heading, area.width)
            y = draw.line(surface, name, heading, colours.text, (area.left, y)).bottom + app.px(4)
            box = pygame.Rect(area.left, y, area.width, summary_h)
            y = draw.paragraph(surface, app.text(entry.scenario.summary), body, colours.text_dim, box, spacing=1.1)


def _set_aside_notice(moved: SetAside) -> Message:
    if moved.moved_to is None:
        return Message.of("ui.autosave.stuck", file=moved.path.name, reason=moved.issue)
    return Message.of("ui.autosave.set_aside", file=moved.moved_to.name, reason=moved.issue)
