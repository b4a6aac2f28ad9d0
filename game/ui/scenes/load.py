"""Loading a saved game: the saves newest first; a damaged file is named with its problem and left untouched."""

from __future__ import annotations

import pygame

from game.persistence.problems import SaveError
from game.persistence.saves import SaveEntry, list_saves, load_session
from game.ui import flow
from game.ui.catalog import title_of
from game.ui.scene import Pop, Transition
from game.ui.scenes import draw
from game.ui.scenes.form import FormScene

MARGIN = 64  # px at 1280×720
ROW_H, BUTTON_W, BUTTON_H = 50, 260, 56
MAX_ROWS = 8  # the newest saves; older ones stay on disk


class LoadScene(FormScene):
    def __init__(self, app):  # noqa: ANN001 - App
        super().__init__(app)
        self.entries = list_saves()[:MAX_ROWS]
        self.problem: str | None = None

    def build(self) -> None:
        app, px = self.app, self.app.px
        width, height = app.size
        y = px(MARGIN) + app.font(40, True).get_linesize() + px(20)
        bottom = height - px(MARGIN) - px(BUTTON_H)
        row_h = min(px(ROW_H), (bottom - px(90) - y) // max(len(self.entries), 1) - px(8))
        for entry in self.entries:
            rect = pygame.Rect(px(MARGIN), y, width - 2 * px(MARGIN), row_h)
            label = draw.fit(self._label(entry), app.font(20), rect.width - px(30))
            if entry.problem is None:
                self.button(rect, label, lambda entry=entry: self.load(entry), object_id="@choice")
            else:
                self.button(rect, label, None, enabled=False, tooltip=self._problem(entry), object_id="@choice")
            y += row_h + px(8)
        self.message_top = y + px(8)
        self.button(pygame.Rect(px(MARGIN), bottom, px(BUTTON_W), px(BUTTON_H)), app.tr("ui.back"), lambda: Pop())

    def _label(self, entry: SaveEntry) -> str:
        app = self.app
        if entry.problem is not None:
            return app.tr("ui.load.damaged", file=entry.path.name)
        return app.tr(
            "ui.load.entry",
            scenario=title_of(app, entry.scenario_id),
            teams=", ".join(entry.teams),
            turn=entry.turn,
            mode=app.tr(f"ui.mode.{entry.mode}"),
            saved=entry.saved_minute,
        )

    def _problem(self, entry: SaveEntry) -> str:
        """Why the file cannot be loaded, in the player's language."""
        return entry.issue.text(self.app.translator) if entry.issue is not None else str(entry.problem)

    def load(self, entry: SaveEntry) -> Transition | None:
        try:
            session = load_session(entry.path)
        except SaveError as error:
            self.problem = error.sentence(self.app.translator)
            return None
        return flow.start_game(self.app, session)

    def draw(self, surface: pygame.Surface) -> None:
        app, px, colours = self.app, self.app.px, self.app.palette
        width, _ = surface.get_size()
        draw.line(surface, app.tr("ui.load.title"), app.font(40, True), colours.text, (px(MARGIN), px(MARGIN) - px(20)))
        if not self.entries:
            draw.line(
                surface, app.tr("ui.load.nothing"), app.font(22), colours.text_dim, (px(MARGIN), self.message_top)
            )
        damaged = [e for e in self.entries if e.problem is not None]
        notes = ([self.problem] if self.problem else []) + [
            app.tr("ui.load.damaged_note", file=e.path.name, reason=self._problem(e)) for e in damaged[:2]
        ]
        y = self.message_top
        for note in notes:
            y = draw.paragraph(
                surface,
                note,
                app.font(18),
                colours.bad,
                pygame.Rect(px(MARGIN), y, width - 2 * px(MARGIN), round(app.font(18).get_linesize() * 2.6)),
            )
        super().draw(surface)
