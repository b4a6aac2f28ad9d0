"""The game window: display, pygame_gui manager, settings, translations, fonts and the scene stack.

`step` is one frame (events, update, draw) so tests can drive the whole
interface headless; `run` is the real loop at 60 frames per second. Scenes
below the top one have left (their widgets are gone) and are re-entered when
they are on top again; an `overlay` scene is drawn over the scene below it.
"""

from __future__ import annotations

import contextlib
import gc
import logging
from dataclasses import dataclass, replace

import pygame
import pygame_gui

from game.core.text import Text
from game.i18n import Translator
from game.ui import crash
from game.ui.banner import Banner
from game.ui.scene import Pop, Push, Quit, Replace, Scene, Transition
from game.ui.settings import Settings, save_settings
from game.ui.theme import PALETTE, Palette, font, scaled_theme

FPS = 60  # frames per second of the real loop
MAX_EVENT_ROUNDS = 4  # widget events posted while handling events are handled in the same frame, up to this depth
MIN_SIZE = (800, 600)  # px: below this the layouts stop being readable
DESIGN_SIZE = (1280, 720)  # px: the window size at which sizes are given; larger windows scale them up
MAX_WINDOW_SCALE = 2.0

log = logging.getLogger(__name__)


@dataclass
class Home(Transition):
    """Back to the main menu (the root scene), then open `scene` over it if given."""

    scene: Scene | None = None


class App:
    """One window and its scene stack; see the UI contract in the module docstring."""

    def __init__(
        self,
        size: tuple[int, int] = (1280, 720),
        language: str = "en",
        fullscreen: bool = False,
        text_scale: float = 1.0,
    ):
        pygame.display.init()  # no audio: the game is silent, and a missing sound card must not matter
        pygame.font.init()
        font.cache_clear()  # fonts made before an earlier pygame.quit() are dead: make fresh ones
        self.settings = Settings(language, fullscreen, text_scale)
        self.translator = Translator(language)
        self.palette: Palette = PALETTE
        self.screen = self._open_window(size)
        self.ui = pygame_gui.UIManager(self.size, scaled_theme(self.scale))
        self.scenes: list[Scene] = []
        self.hint: str | None = None  # a tutorial hint the board may show (see game.ui.hints)
        self.banner: Banner | None = None  # a message over every screen (a failed autosave)
        self.running = True
        pygame.display.set_caption(self.tr("ui.window_title"))
        with contextlib.suppress(OSError):  # a read-only log folder must not stop the game
            crash.install_log()

    # ------------------------------------------------------------ shortcuts

    @property
    def size(self) -> tuple[int, int]:
        return self.screen.get_size()

    def tr(self, key: str, **values: object) -> str:
        return self.translator.tr(key, **values)

    def text(self, text: Text) -> str:
        return self.translator.text(text)

    @property
    def window_scale(self) -> float:
        """How much larger than 1280×720 the window is (1 at that size or below), so a 1080p projection reads the same."""
        ratio = min(self.size[0] / DESIGN_SIZE[0], self.size[1] / DESIGN_SIZE[1])
        return max(1.0, min(ratio, MAX_WINDOW_SCALE))

    @property
    def scale(self) -> float:
        """Window scale times the player's text size: multiply design pixel sizes of text by this."""
        return self.window_scale * self.settings.text_scale

    def px(self, design_px: float) -> int:
        """A length given at 1280×720 and text size 1, in pixels for this window and text size."""
        return round(design_px * self.scale)

    def space(self, design_px: float) -> int:
        """A margin given at 1280×720: it grows with the window but not with the text size, so larger text keeps
        the room it needs."""
        return round(design_px * self.window_scale)

    def font(self, size_px: int, bold: bool = False) -> pygame.font.Font:
        """A font of `size_px` pixels at 1280×720 and text size 1, scaled like `px`."""
        return font(self.px(size_px), bold)

    def title_font(self, size_px: int) -> pygame.font.Font:
        """A screen's bold title: already large, so it grows with the window but not with the text size, leaving the
        room to the text the player enlarged."""
        return font(round(size_px * self.window_scale), True)

    # ------------------------------------------------------------ scene stack

    @property
    def top(self) -> Scene | None:
        return self.scenes[-1] if self.scenes else None

    def push(self, scene: Scene) -> None:
        if self.scenes:
            self.scenes[-1].leave()
        self.scenes.append(scene)
        scene.enter()

    def pop(self) -> None:
        if self.scenes:
            self.scenes.pop().leave()
        if self.scenes:
            self.scenes[-1].enter()
        else:
            self.running = False

    def replace(self, scene: Scene) -> None:
        if self.scenes:
            self.scenes.pop().leave()
        self.scenes.append(scene)
        scene.enter()

    def home(self, scene: Scene | None = None) -> None:
        """Close every screen above the main menu, then open `scene` over it if given."""
        if self.scenes:
            self.scenes[-1].leave()
            del self.scenes[1:]
        if scene is None and self.scenes:
            self.scenes[0].enter()
        elif scene is not None:
            self.scenes.append(scene)
            scene.enter()

    def apply(self, transition: Transition | None) -> None:
        if isinstance(transition, Push):
            self.push(transition.scene)
        elif isinstance(transition, Pop):
            self.pop()
        elif isinstance(transition, Replace):
            self.replace(transition.scene)
        elif isinstance(transition, Home):
            self.home(transition.scene)
        elif isinstance(transition, Quit):
            self.running = False

    # ------------------------------------------------------------ settings and window

    def change_settings(self, settings: Settings, persist: bool = True) -> None:
        """Apply new settings now (language, text size, fullscreen) and keep them for next time."""
        old, self.settings = self.settings, settings
        self.translator = Translator(settings.language)
        if settings.fullscreen != old.fullscreen:
            self.screen = self._open_window(self.size)
        self._leave_all()
        self.ui = pygame_gui.UIManager(self.size, scaled_theme(self.scale))
        self._relayout()
        pygame.display.set_caption(self.tr("ui.window_title"))
        if persist:
            save_settings(settings)

    def set_language(self, language: str) -> None:
        self.change_settings(replace(self.settings, language=language))

    def _open_window(self, size: tuple[int, int]) -> pygame.Surface:
        if self.settings.fullscreen:
            return pygame.display.set_mode((0, 0), pygame.FULLSCREEN)
        return pygame.display.set_mode(size, pygame.RESIZABLE)

    def _resize(self, width: int, height: int) -> None:
        width, height = max(width, MIN_SIZE[0]), max(height, MIN_SIZE[1])
        if (width, height) != self.size:
            self.screen = pygame.display.set_mode((width, height), pygame.RESIZABLE)
        self._leave_all()
        self.ui = pygame_gui.UIManager(self.size, scaled_theme(self.scale))
        self._relayout()

    def _leave_all(self) -> None:
        if self.scenes:
            self.scenes[-1].leave()
        self.ui.clear_and_reset()

    def _relayout(self) -> None:
        """Every scene lays itself out again; only the top one keeps its widgets."""
        for scene in self.scenes[:-1]:
            scene.resize()
            scene.leave()
        if self.scenes:
            self.scenes[-1].resize()

    # ------------------------------------------------------------ frames

    def step(self, events: list[pygame.event.Event], dt: float) -> bool:
        """One frame: handle `events` (and the widget events they cause), update, draw; False once the app quits.

        An unexpected exception in a scene never closes the window: it is logged and the error screen shows.
        """
        try:
            self._frame(events, dt)
        except Exception as error:  # the last barrier: explain in a sentence, keep the window open
            self._recover(error)
        _settle_once()
        return self.running

    def _frame(self, events: list[pygame.event.Event], dt: float) -> None:
        pending = list(events)
        for _ in range(MAX_EVENT_ROUNDS):
            for event in pending:
                self._handle(event)
            pending = pygame.event.get()
            if not pending:
                break
        self.ui.update(dt)
        if self.banner is not None and not self.banner.age(dt):
            self.banner = None
        if self.running and self.top is not None:
            self.apply(self.top.update(dt))
        if self.running:
            self.render_to(self.screen)
            pygame.display.flip()

    def _handle(self, event: pygame.event.Event) -> None:
        if not self.running:
            return
        if event.type == pygame.QUIT:
            self.running = False
            return
        if event.type == pygame.VIDEORESIZE:
            self._resize(event.w, event.h)
            return
        if event.type == pygame.KEYDOWN and event.key == pygame.K_F1 and self._open_rules():
            return
        consumed = self.ui.process_events(event)
        is_widget_event = event.type >= pygame.USEREVENT
        if self.top is not None and (is_widget_event or not consumed):
            self.apply(self.top.handle_event(event))

    def _open_rules(self) -> bool:
        """F1 anywhere opens the rules, quoting the game under way if there is one (the rules screen closes itself)."""
        from game.ui.scenes.rules import RulesScene

        if self.top is None or isinstance(self.top, RulesScene):
            return False
        session = getattr(self.top, "session", None)
        self.push(RulesScene(self, getattr(session, "scenario", None), getattr(self.top, "rules_section", None)))
        return True

    def render_to(self, surface: pygame.Surface) -> None:
        """Draw the visible scenes, then the widgets, onto `surface`."""
        surface.fill(self.palette.background)
        base = len(self.scenes) - 1
        while base > 0 and getattr(self.scenes[base], "overlay", False):
            base -= 1
        for scene in self.scenes[max(base, 0) :]:
            scene.draw(surface)
        self.ui.draw_ui(surface)
        if self.top is not None:
            self.top.draw_above(surface)
        if self.banner is not None:
            self.banner.draw(self, surface)

    def run(self) -> None:
        """The real loop at FPS frames per second, until the players quit."""
        clock = pygame.time.Clock()
        dt = 0.0
        while self.step(pygame.event.get(), dt):
            dt = clock.tick(FPS) / 1000
        pygame.quit()

    def _recover(self, error: Exception) -> None:
        """Log the error, then show the error screen over the menu; if that screen itself fails, close cleanly."""
        from game.ui.scenes.error import ErrorScene

        where = type(self.top).__name__ if self.top is not None else "the window"
        log_path = crash.record(error, where)
        log.warning("%s failed; showing the error screen", where)
        if isinstance(self.top, ErrorScene):
            self.running = False  # the error screen cannot even show itself: stop rather than loop
            return
        try:
            scene = ErrorScene.for_error(self, error, log_path)
            self._show(scene)
        except Exception as second:  # noqa: BLE001 - nothing more can be shown
            crash.record(second, "the error screen")
            self.running = False

    def _show(self, scene: Scene) -> None:
        """Open `scene` over the menu; the failing scene may not even leave cleanly, so drop its widgets by force."""
        try:
            self.home(scene)
        except Exception:  # noqa: BLE001 - already logged by the caller's error; start from a clean manager
            if self.top is scene:
                raise
            self.ui.clear_and_reset()
            del self.scenes[1:]
            self.scenes.append(scene)
            scene.enter()


_settled = False  # whether this process has frozen its start-up objects (once: tests open many windows)


def _settle_once() -> None:
    """After the first frame, take the objects made so far out of the cycle collector's rounds.

    Modules, classes, fonts and the theme (some 60,000 objects) live as long as the window; every full collection
    would walk them again (15-20 ms: a dropped frame), and so would the interpreter's collections at exit.
    """
    global _settled
    if not _settled:
        _settled = True
        gc.freeze()
