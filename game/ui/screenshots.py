"""`python main.py screenshots DIR`: PNGs of every screen, in English and French, at 1280×720 and 1920×1080,
and of the menu and the board at the largest text size at 1280×720 (names holding "text150").

The games shown are real: bots play a three-team workshop of the example
scenario for a few rounds (and to the end for the results); the coach's
advice is shown on a solo game of the same scenario. Saves go to a
temporary folder with one readable and one damaged file, so the load screen
shows both cases, and two unfinished games' autosaves for the list of unfinished
games, without touching the player's own saves.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pygame

from game.core.bots import BOTS
from game.persistence.saves import autosave, save_session, saves_dir
from game.persistence.storage import DATA_DIR_VARIABLE
from game.ui.app import App
from game.ui.catalog import playable
from game.ui.scene import Scene
from game.ui.settings import TEXT_SCALES
from game.workshop.session import Session

SIZES = ((1280, 720), (1920, 1080))
LANGUAGES = ("en", "fr")
EXAMPLE_ID = "retail-app-outage"
TEAMS = ("Orion", "Vega", "Lyra")
TEAM_BOTS = ("mixed", "network", "hierarchy")
MID_GAME_ROUNDS = 4
FRAME = 1 / 60  # s


def workshop_session(rounds: int | None) -> Session:
    """Three bot-played teams on the example scenario, after `rounds` rounds (None: to the end)."""
    scenario = next(s for s in playable() if s.id == EXAMPLE_ID)
    session = Session.start(scenario, list(TEAMS), mode="hotseat", colours=[0, 1, 2], turn_seconds=180)
    players = [BOTS[name](session.seed) for name in TEAM_BOTS]
    played = 0
    while not session.over and (rounds is None or played < rounds):
        team = session.active
        players[team].play_turn(session.active_team().state)
        if session.end_planning() != "next_team":
            played += 1
    return session


def solo_session(rounds: int) -> Session:
    """One player on the example scenario after `rounds` turns of the mixed bot: the coach's audience."""
    scenario = next(s for s in playable() if s.id == EXAMPLE_ID)
    session = Session.start(scenario, [TEAMS[0]], mode="solo")
    player = BOTS["mixed"](session.seed)
    for _ in range(rounds):
        player.play_turn(session.active_team().state)
        session.end_planning()
    return session


def _screens(app: App, mid: Session, done: Session) -> Iterator[tuple[str, Callable[[], Scene]]]:
    from game.ui.debrief.scene import DebriefScene
    from game.ui.scenes.curtain import CurtainScene
    from game.ui.scenes.facilitator import ConfirmEndScene, InjectScene, PauseScene
    from game.ui.scenes.leaderboard import LeaderboardScene
    from game.ui.scenes.load import LoadScene
    from game.ui.scenes.results import ResultsScene
    from game.ui.scenes.rules import RulesScene
    from game.ui.scenes.settings import SettingsScene
    from game.ui.scenes.solo import SoloSetupScene
    from game.ui.scenes.unfinished import UnfinishedScene
    from game.ui.scenes.workshop import WorkshopSetupScene

    yield "settings", lambda: SettingsScene(app)
    yield "help", lambda: RulesScene(app, mid.scenario)
    yield "solo_setup", lambda: SoloSetupScene(app)
    yield "workshop_setup", lambda: WorkshopSetupScene(app)
    yield "load", lambda: LoadScene(app)
    yield "unfinished", lambda: UnfinishedScene(app)
    yield "curtain", lambda: CurtainScene(app, mid)
    yield "leaderboard", lambda: LeaderboardScene(app, mid, then=lambda: None)
    yield "results", lambda: ResultsScene(app, done)
    yield "debrief", lambda: DebriefScene(app, done)
    yield "pause", lambda: PauseScene(app, mid)
    yield "inject", lambda: InjectScene(app, mid)
    yield "end_game", lambda: ConfirmEndScene(app, mid)


def render_screens(out_dir: Path, languages: tuple[str, ...] = LANGUAGES, sizes=SIZES) -> list[Path]:  # noqa: ANN001
    """Write every screen's PNG into `out_dir`; returns the files written."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    mid, done = workshop_session(MID_GAME_ROUNDS), workshop_session(None)
    with _sample_saves(mid):
        for size in sizes:
            for language in languages:
                written += _render_one_app(out_dir, size, language, mid, done)
        for language in languages:
            written += _large_text_shots(out_dir, language, mid)
    pygame.quit()
    return written


def _render_one_app(out_dir: Path, size: tuple[int, int], language: str, mid: Session, done: Session) -> list[Path]:
    from game.ui.scenes.menu import MenuScene

    app = App(size, language)
    suffix = language if size == SIZES[0] else f"{language}_{size[0]}x{size[1]}"
    app.push(MenuScene(app))
    written = [_shoot(app, out_dir / f"menu_{suffix}.png")]
    for name, make in _screens(app, mid, done):
        scene = make()
        if getattr(scene, "overlay", False):
            app.home(_board_or_curtain(app, mid))
            app.push(scene)
        else:
            app.home(scene)
        written.append(_shoot(app, out_dir / f"{name}_{suffix}.png"))
    written += _board_shots(app, mid, out_dir, suffix)
    written += _help_and_coach_shots(app, out_dir, suffix)
    return written


def _help_and_coach_shots(app: App, out_dir: Path, suffix: str) -> list[Path]:
    """The rules at the four contrasts, and the coach's advice over a solo board (H)."""
    from game.ui import flow
    from game.ui.scenes.rules import RulesScene

    session = solo_session(MID_GAME_ROUNDS - 1)
    app.home(RulesScene(app, session.scenario, section="contrasts"))
    contrasts = _shoot(app, out_dir / f"help_contrasts_{suffix}.png")
    app.home(flow.board(app, session))
    app.step([], FRAME)
    _key(app, pygame.K_h, "h")
    return [contrasts, _shoot(app, out_dir / f"coach_{suffix}.png", frames=30)]


def _large_text_shots(out_dir: Path, language: str, session: Session) -> list[Path]:
    """The menu and the board at the largest text size on the smallest window, where room is shortest."""
    from game.ui import flow
    from game.ui.scenes.menu import MenuScene

    scale = max(TEXT_SCALES)
    suffix = f"{round(scale * 100)}_{language}"
    app = App(SIZES[0], language, text_scale=scale)
    app.push(MenuScene(app))
    written = [_shoot(app, out_dir / f"menu_text{suffix}.png")]
    app.home(flow.board(app, session))
    written.append(_shoot(app, out_dir / f"board_text{suffix}.png", frames=90))
    return written


def _board_or_curtain(app: App, session: Session) -> Scene:
    from game.ui import flow
    from game.ui.scenes.curtain import CurtainScene

    try:
        return flow.board(app, session)
    except ImportError:
        return CurtainScene(app, session)


def _board_shots(app: App, session: Session, out_dir: Path, suffix: str) -> list[Path]:
    """The board in both views, then with a person selected; skipped (and said so) while the board is not built."""
    from game.ui import flow

    try:
        board = flow.board(app, session)
    except ImportError as missing:
        print(f"board screenshots skipped: {missing}")
        return []
    app.home(board)
    first = _shoot(app, out_dir / f"board_tree_{suffix}.png", frames=90)
    _key(app, pygame.K_v, "v")
    network = _shoot(app, out_dir / f"board_network_{suffix}.png", frames=90)
    _key(app, pygame.K_v, "v")
    _key(app, pygame.K_TAB, "\t")  # the first holder of the signal: their actions and the focused one's explanation
    return [first, network, _shoot(app, out_dir / f"board_actions_{suffix}.png")]


def _key(app: App, key: int, unicode: str) -> None:
    app.step([pygame.event.Event(pygame.KEYDOWN, key=key, mod=0, unicode=unicode, scancode=0)], FRAME)


def _shoot(app: App, path: Path, frames: int = 2) -> Path:
    for _ in range(frames):
        app.step([], FRAME)
    pygame.image.save(app.screen, str(path))
    return path


@contextlib.contextmanager
def _sample_saves(session: Session) -> Iterator[None]:
    """A temporary data folder holding one save of `session` and one damaged file."""
    previous = os.environ.get(DATA_DIR_VARIABLE)
    with tempfile.TemporaryDirectory() as folder:
        os.environ[DATA_DIR_VARIABLE] = folder
        try:
            save_session(session, "workshop-evening")
            autosave(session)
            autosave(dataclasses.replace(session, started_at="2026-11-28T17:30:00.000"))  # another unfinished game
            (saves_dir() / "half-written.json").write_text('{"kind": "session", "teams": [', encoding="utf-8")
            yield
        finally:
            if previous is None:
                os.environ.pop(DATA_DIR_VARIABLE, None)
            else:
                os.environ[DATA_DIR_VARIABLE] = previous
