"""The rules screen (F1 anywhere, "Rules" on the main menu): the goal, the four contrasts with pictures, the words.

Opened over a game, it quotes that scenario's pace (one-to-ones, the cost of
urgency, action points); from the menu, the defaults every scenario starts
from. Content taller than the window scrolls with the arrows, PgUp / PgDn,
Home / End and the wheel; Escape, F1 or the close button go back.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import pygame

from game.ui.scene import Pop, Transition
from game.ui.scenes import draw
from game.ui.scenes.form import FormScene
from game.ui.scenes.rules_pictures import picture
from game.ui.scenes.scroll import LINE_STEP, Scroll

if TYPE_CHECKING:
    from game.core.model import Scenario

MARGIN = 48  # design px around the page
TITLE_PX, HEADING_PX, TERM_PX, BODY_PX = 40, 28, 21, 20  # design px
CLOSE_W, CLOSE_H = 200, 50  # design px
COLUMN_GAP = 32  # design px between the line's column and the network's
MIN_COLUMN = 360  # design px: narrower than this, the two sides stack
CLOSE_KEYS = {pygame.K_ESCAPE, pygame.K_F1}
CONTRASTS = ("who", "when", "what", "where")
WORDS = ("points", "fidelity", "validation", "approval", "exploitation", "leaks", "rumours", "score", "coach")


@dataclass(frozen=True)
class Pace:
    """The numbers the rules quote: a scenario's, or the defaults of the format."""

    one_to_one: int
    urgent_cost: int
    action_points: int
    from_scenario: bool  # False: the format's defaults, quoted as what most scenarios use

    @classmethod
    def of(cls, scenario: Scenario | None) -> Pace:
        if scenario is None:
            from game.scenario.schema import PaceSpec, ScenarioFile  # pydantic: not for the menu that links here

            pace = PaceSpec()
            return cls(pace.one_to_one, pace.urgent_cost, ScenarioFile.model_fields["action_points"].default, False)
        return cls(scenario.pace.one_to_one, scenario.pace.urgent_cost, scenario.action_points, True)


class RulesScene(FormScene):
    def __init__(self, app, scenario: Scenario | None = None, section: str | None = None):  # noqa: ANN001 - App
        super().__init__(app)
        self.pace = Pace.of(scenario)
        self.section = section  # opens scrolled to this section's heading (goal, contrasts, words) when given
        self.scroll = Scroll()
        self._page: tuple[object, _Page] | None = None

    # ------------------------------------------------------------ layout

    @property
    def viewport(self) -> pygame.Rect:
        """Where the page scrolls: below the title and close button, above the keys line."""
        app, px = self.app, self.app.px
        width, height = app.size
        top = px(MARGIN) // 2 + max(app.font(TITLE_PX, True).get_linesize(), px(CLOSE_H)) + px(16)
        bottom = height - px(MARGIN) // 2 - app.font(18).get_linesize() - px(8)
        return pygame.Rect(px(MARGIN), top, width - 2 * px(MARGIN), bottom - top)

    def build(self) -> None:
        app, px = self.app, self.app.px
        rect = pygame.Rect(0, px(MARGIN) // 2, px(CLOSE_W), px(CLOSE_H))
        rect.right = app.size[0] - px(MARGIN)
        self.button(rect, app.tr("help.close"), lambda: Pop(), object_id="#primary")

    def page(self) -> list[tuple[pygame.Surface, tuple[int, int]]]:
        """The page as pieces (surface, position in the page), laid out once per window, language and text size."""
        return self._laid_out().items

    def _page_text(self) -> list[str]:
        """Every sentence on the page, in order (for tests and for checking the words)."""
        return self._laid_out().texts

    def _laid_out(self) -> _Page:
        key = (self.app.size, self.app.settings)
        if self._page is None or self._page[0] != key:
            page = _Page(self.app, self.viewport.width - self.app.px(14), self.pace)
            page.lay_out()
            first = self._page is None
            self._page = (key, page)
            self.scroll.resize(page.y, self.viewport.height)
            if first and self.section in page.anchors:
                self.scroll.move(page.anchors[self.section])
        return self._page[1]

    # ------------------------------------------------------------ events

    def handle_event(self, event: pygame.event.Event) -> Transition | None:
        if self.scroll.wheel(event, self.app.px(LINE_STEP)):
            return None
        return super().handle_event(event)

    def handle_key(self, event: pygame.event.Event) -> Transition | None:
        if event.key in CLOSE_KEYS:
            return Pop()
        self.page()
        if self.scroll.key(event.key, self.app.px(LINE_STEP)):
            return None
        return super().handle_key(event)

    # ------------------------------------------------------------ drawing

    def draw(self, surface: pygame.Surface) -> None:
        app, px, palette = self.app, self.app.px, self.app.palette
        draw.line(surface, app.tr("help.title"), app.font(TITLE_PX, True), palette.text, (px(MARGIN), px(MARGIN) // 2))
        view = self.viewport
        pieces = self.page()
        clip = surface.get_clip()
        surface.set_clip(view)
        for image, (x, y) in pieces:
            top = view.top + y - self.scroll.offset
            if top < view.bottom and top + image.get_height() > view.top:
                surface.blit(image, (view.left + x, top))
        surface.set_clip(clip)
        self.scroll.draw_bar(surface, view, palette.panel_edge, px(6))
        draw.line(
            surface,
            draw.fit(app.tr("help.keys"), app.font(18), surface.get_width() - 2 * px(MARGIN)),
            app.font(18),
            palette.text_dim,
            (px(MARGIN), surface.get_height() - px(MARGIN) // 2),
            "bottomleft",
        )
        super().draw(surface)

    def _draw_title(self, surface: pygame.Surface) -> None:
        """The title left of the close button, in a smaller size when the text is large and the window narrow."""
        app, px = self.app, self.app.px
        room = surface.get_width() - 2 * px(MARGIN) - px(CLOSE_W) - px(24)
        title = app.tr("help.title")
        font = app.font(TITLE_PX, True)
        if font.size(title)[0] > room:
            font = app.font(HEADING_PX, True)
        draw.line(surface, draw.fit(title, font, room), font, app.palette.text, (px(MARGIN), px(MARGIN) // 2))


class _Page:
    """Lays the rules out top to bottom in a column `width` pixels wide."""

    def __init__(self, app, width: int, pace: Pace):  # noqa: ANN001 - App
        self.app, self.width, self.pace = app, width, pace
        self.items: list[tuple[pygame.Surface, tuple[int, int]]] = []
        self.texts: list[str] = []
        self.anchors: dict[str, int] = {}  # section -> y of its heading
        self.y = 0  # px: the bottom of what is laid out so far (the page's height once done)

    def lay_out(self) -> None:
        tr, px = self.app.tr, self.app.px
        self.heading(tr("help.goal.heading"), "goal")
        self.text(tr("help.goal"), 0, self.width)
        self.heading(tr("help.contrasts.heading"), "contrasts")
        for kind in CONTRASTS:
            self.contrast(kind)
        self.heading(tr("help.words.heading"), "words")
        for word in WORDS:
            self.y += px(6)
            self.text(tr(f"help.word.{word}"), 0, self.width, TERM_PX, bold=True, colour=self.app.palette.accent)
            self.text(tr(f"help.word.{word}.text", action_points=self._action_points()), 0, self.width)

    def heading(self, text: str, anchor: str) -> None:
        self.y += self.app.px(18) if self.items else 0
        self.anchors[anchor] = self.y
        self.text(text, 0, self.width, HEADING_PX, bold=True, colour=self.app.palette.accent)
        self.y += self.app.px(4)

    def text(
        self, text: str, x: int, width: int, size: int = BODY_PX, bold: bool = False, colour: tuple | None = None
    ) -> int:
        """A wrapped paragraph at (x, self.y); moves self.y below it and returns its height."""
        image = _paragraph(text, self.app.font(size, bold), colour or self.app.palette.text, width)
        self.items.append((image, (x, self.y)))
        self.texts.append(text)
        self.y += image.get_height()
        return image.get_height()

    def contrast(self, kind: str) -> None:
        """The contrast's name, then the line and the network side by side (stacked when the page is narrow)."""
        app, px = self.app, self.app.px
        self.y += px(10)
        self.text(app.tr(f"help.{kind}.heading"), 0, self.width, TERM_PX, bold=True)
        self.y += px(6)
        side_by_side = self.width >= 2 * px(MIN_COLUMN) + px(COLUMN_GAP)
        column = (self.width - px(COLUMN_GAP)) // 2 if side_by_side else self.width
        top, bottom = self.y, self.y
        for index, side in enumerate(("line", "network")):
            x = index * (column + px(COLUMN_GAP)) if side_by_side else 0
            self.y = top if side_by_side else self.y
            bottom = max(bottom, self.side(kind, side, x, column))
            self.y = bottom + (0 if side_by_side else px(10))
        self.y = bottom

    def side(self, kind: str, side: str, x: int, width: int) -> int:
        """A picture with the side's name and sentence beside it (under it when narrow); returns the y below both."""
        app, px = self.app, self.app.px
        image = picture(kind, side, app.palette, app.scale)
        self.items.append((image, (x, self.y)))
        picture_bottom = self.y + image.get_height()
        text_x, text_w = x + image.get_width() + px(14), width - image.get_width() - px(14)
        if text_w < px(160):
            text_x, text_w = x, width
            self.y = picture_bottom + px(6)
        colour = app.palette.hierarchy if side == "line" else app.palette.network
        self.text(app.tr(f"help.side.{side}"), text_x, text_w, TERM_PX, bold=True, colour=colour)
        self.text(self._sentence(kind, side), text_x, text_w)
        return max(self.y, picture_bottom) + px(12)

    def _action_points(self) -> str:
        key = "help.points_here" if self.pace.from_scenario else "help.points_usual"
        return self.app.tr(key, n=self.pace.action_points)

    def _sentence(self, kind: str, side: str) -> str:
        tr = self.app.tr
        if (kind, side) != ("when", "line"):
            return tr(f"help.{kind}.{side}")
        every = self.pace.one_to_one
        one_to_one = (
            tr("help.one_to_one.none")
            if every == 0
            else tr("help.one_to_one.each")
            if every == 1
            else _plural(tr, "help.one_to_one", every)
        )
        return tr(
            "help.when.line", one_to_one=one_to_one, urgent=_plural(tr, "help.action_points", self.pace.urgent_cost)
        )


def _plural(tr, key: str, n: int) -> str:  # noqa: ANN001 - App.tr
    return tr(key, n=n)  # the template picks its plural form


def _paragraph(text: str, font: pygame.font.Font, colour: tuple, width: int) -> pygame.Surface:
    """`text` wrapped to `width` pixels on a transparent surface of exactly its height."""
    lines = draw.wrap(text, font, width)
    step = round(font.get_linesize() * 1.2)
    image = pygame.Surface((width, max(step * len(lines), 1)), pygame.SRCALPHA)
    for row, line in enumerate(lines):
        image.blit(font.render(line, True, colour), (0, row * step))
    return image
