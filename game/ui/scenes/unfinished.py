"""Every unfinished game, from the main menu: resume any of them, or delete the ones the players will not finish.

Each unfinished game keeps its own autosave (game.persistence.saves), so
starting a new game never discards one; this screen is where they are seen
together. Deleting asks once more on the same button.
"""

from __future__ import annotations

from pathlib import Path

import pygame

from game.persistence.problems import SaveError
from game.persistence.saves import SaveEntry, delete_autosave, interrupted_games, load_session, set_aside
from game.ui import flow
from game.ui.scene import Pop, Transition
from game.ui.scenes import draw
from game.ui.scenes.form import FormScene
from game.ui.scenes.load import entry_facts
from game.ui.scenes.scroll import ScrollList

MARGIN = 64  # px at 1280×720
ROW_H, GAP, DELETE_W, BUTTON_W, BUTTON_H = 50, 8, 260, 260, 56
NOTE_LINES = 2  # room for the note under the title


class UnfinishedScene(FormScene):
    def __init__(self, app):  # noqa: ANN001 - App
        super().__init__(app)
        self.entries: list[SaveEntry] = []
        self.confirming: Path | None = None  # the autosave whose Delete button now asks to confirm
        self.problem: str | None = None

    def enter(self) -> None:
        try:
            self.entries = interrupted_games()
        except OSError as error:  # an unreadable data folder: say so rather than show an empty list
            self.entries, self.problem = [], str(error)
        super().enter()

    def build(self) -> None:
        app, px = self.app, self.app.px
        width, height = app.size
        self.list_top = px(MARGIN) + app.font(40, True).get_linesize() + self._note_height() + px(24)
        bottom = height - px(MARGIN) - px(BUTTON_H)
        self.message_top = bottom - app.font(18).get_linesize() * 2 - px(16)
        area = pygame.Rect(px(MARGIN), self.list_top, width - 2 * px(MARGIN), self.message_top - self.list_top)
        rows = ScrollList(self, area, px(ROW_H), px(GAP), len(self.entries))
        for index, entry in enumerate(self.entries):
            whole = rows.rect(index)
            resume = pygame.Rect(whole.left, whole.top, whole.width - px(DELETE_W) - px(GAP), whole.height)
            self.button(  # a label too long is shortened, and shown whole on hover and focus
                resume,
                self._label(entry),
                lambda entry=entry: self.resume(entry),
                object_id="@choice",
                container=rows.container,
            )
            confirming = entry.path == self.confirming
            self.button(
                pygame.Rect(resume.right + px(GAP), whole.top, px(DELETE_W), whole.height),
                app.tr("ui.unfinished.confirm" if confirming else "ui.unfinished.delete"),
                lambda entry=entry: self.delete(entry),
                object_id="#danger" if confirming else None,
                container=rows.container,
            )
        self.button(pygame.Rect(px(MARGIN), bottom, px(BUTTON_W), px(BUTTON_H)), app.tr("ui.back"), lambda: Pop())

    def _note_height(self) -> int:
        font = self.app.font(20)
        return font.get_linesize() + round(font.get_linesize() * 1.25) * (NOTE_LINES - 1)

    def _label(self, entry: SaveEntry) -> str:
        app = self.app
        return app.tr("ui.unfinished.entry", **entry_facts(app, entry))

    def resume(self, entry: SaveEntry) -> Transition | None:
        try:
            session = load_session(entry.path)
        except SaveError as error:  # set aside, never deleted: the load screen still lists it
            self.problem = set_aside(error.path, error.problem).notice().text(self.app.translator)
            self.refresh()  # the players read why before going back
            return None
        return flow.start_game(self.app, session)

    def delete(self, entry: SaveEntry) -> Transition | None:
        """First press: ask; second press on the same game: its autosave is deleted."""
        if self.confirming != entry.path:
            self.confirming = entry.path
        else:
            self.confirming = None
            try:
                delete_autosave(entry)
            except OSError as error:
                self.problem = str(error)
        self.refresh()
        return Pop() if not self.entries else None

    def refresh(self) -> None:
        """List the unfinished games again, keeping the keyboard focus where it was."""
        focus = self.focus
        self.leave()
        self.enter()
        self.focus = min(focus, max(len(self.focusables) - 1, 0))
        self._sync_text_focus()

    def draw(self, surface: pygame.Surface) -> None:
        app, px, colours = self.app, self.app.px, self.app.palette
        width = surface.get_width()
        title = draw.line(
            surface, app.tr("ui.unfinished.title"), app.font(40, True), colours.text, (px(MARGIN), px(MARGIN) - px(20))
        )
        note = pygame.Rect(px(MARGIN), title.bottom + px(8), width - 2 * px(MARGIN), self._note_height())
        draw.paragraph(surface, app.tr("ui.unfinished.note"), app.font(20), colours.text_dim, note)
        if self.problem:
            box = pygame.Rect(px(MARGIN), self.message_top, width - 2 * px(MARGIN), app.font(18).get_linesize() * 2)
            draw.paragraph(surface, self.problem, app.font(18), colours.bad, box)
        super().draw(surface)
