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


def entry_facts(app, entry: SaveEntry) -> dict[str, object]:  # noqa: ANN001 - App
    """What a list of saves says of a readable one: scenario, teams, turn, mode and when it was saved."""
    return {
        "scenario": title_of(app, entry.scenario_id),
        "teams": ", ".join(entry.teams),
        "turn": entry.turn,
        "mode": app.tr(f"ui.mode.{entry.mode}"),
        "saved": entry.saved_minute,
    }


class LoadScene(FormScene):
    def __init__(self, app):  # noqa: ANN001 - App
        super().__init__(app)
        self.entries = list_saves()[:MAX_ROWS]
        self.problem: str | None = None

    def build(self) -> None:
        app, px = self.app, self.app.px
        width, height = app.size
        margin = app.space(MARGIN)
        y = margin + app.title_font(40).get_linesize() + px(20)
        bottom = height - margin - px(BUTTON_H)
        row_h = self.row_height(ROW_H, bottom - px(90) - y, len(self.entries), px(8), font_px=20)
        for entry in self.entries:
            rect = pygame.Rect(margin, y, width - 2 * margin, row_h)
            label = self._label(entry)
            if entry.problem is None:
                self.button(rect, label, lambda entry=entry: self.load(entry), object_id="@choice")
            else:
                self.button(rect, label, None, enabled=False, tooltip=self._problem(entry), object_id="@choice")
            y += row_h + px(8)
        self.message_top = y + px(8)
        self.message_bottom = bottom - px(8)
        self.button(pygame.Rect(margin, bottom, px(BUTTON_W), px(BUTTON_H)), app.tr("ui.back"), lambda: Pop())

    def _label(self, entry: SaveEntry) -> str:
        app = self.app
        if entry.problem is not None:
            return app.tr("ui.load.damaged", file=entry.path.name)
        return app.tr("ui.load.entry", **entry_facts(app, entry))

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
        margin = app.space(MARGIN)
        draw.line(surface, app.tr("ui.load.title"), app.title_font(40), colours.text, (margin, margin - px(20)))
        if not self.entries:
            draw.line(surface, app.tr("ui.load.nothing"), app.font(22), colours.text_dim, (margin, self.message_top))
        damaged = [e for e in self.entries if e.problem is not None]
        notes = ([self.problem] if self.problem else []) + [
            app.tr("ui.load.damaged_note", file=e.path.name, reason=self._problem(e)) for e in damaged[:2]
        ]
        y = self.message_top
        for note in notes:
            area = pygame.Rect(margin, y, width - 2 * margin, max(0, self.message_bottom - y))
            y = draw.paragraph(surface, note, app.font(18), colours.bad, area)
        super().draw(surface)
