"""Every screen fits at every text size, at 1280×720 and 1920×1080, in both languages.

For each screen the scene reports its controls (widgets, hand-drawn hotspots
and the board's readouts): each must lie inside the window, none may overlap
another, and every button's label must fit inside its button, or be
shortened by the form itself, which shows it whole on hover and on focus.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from pathlib import Path

import pygame
import pytest
from pygame_gui.elements import UIButton

from game.core.bots import BOTS
from game.persistence.saves import autosave, save_session, saves_dir
from game.ui import flow
from game.ui.app import App
from game.ui.board.scene import BoardScene
from game.ui.catalog import playable
from game.ui.debrief.scene import VIEWS, DebriefScene
from game.ui.scenes.curtain import CurtainScene
from game.ui.scenes.error import ErrorScene
from game.ui.scenes.facilitator import ConfirmEndScene, InjectScene, PauseScene
from game.ui.scenes.leaderboard import LeaderboardScene
from game.ui.scenes.load import LoadScene
from game.ui.scenes.menu import MenuScene
from game.ui.scenes.results import ResultsScene
from game.ui.scenes.settings import SettingsScene
from game.ui.scenes.solo import SoloSetupScene
from game.ui.scenes.workshop import WorkshopSetupScene
from game.ui.screenshots import workshop_session
from game.ui.settings import TEXT_SCALES
from game.workshop.session import MAX_TEAMS, Session

FRAME = 1 / 60  # s
LONG_PATH = "/home/a-facilitator-with-a-long-name/.local/share/signal-race/saves/autosave-retail-app-outage.json"


@pytest.fixture(scope="module")
def games() -> dict[str, Session]:
    """A workshop in its third round, the same workshop played to the end, and a finished solo game."""
    return {"mid": workshop_session(2), "done": workshop_session(None), "solo": _solo_game(), "eight": _eight_teams()}


def _eight_teams() -> Session:
    """A workshop of eight teams with long names, before anyone has played."""
    names = [f"Équipe des relais n°{n}" for n in range(1, MAX_TEAMS + 1)]
    return Session.start(workshop_session(0).scenario, names, mode="hotseat")


def _solo_game() -> Session:
    session = Session.start(playable()[0], ["Solo"], mode="solo")
    player = BOTS["mixed"](session.seed)
    while not session.over:
        player.play_turn(session.active_team().state)
        session.end_planning()
    return session


def screens(app: App, games: dict[str, Session]) -> Iterator[tuple[str, Callable[[], None]]]:
    """(name, what opens the screen on `app`) for every screen of the game."""
    mid, done = games["mid"], games["done"]

    def show(scene) -> Callable[[], None]:  # noqa: ANN001 - a Scene
        return lambda: app.home(scene)

    def over_board(overlay) -> Callable[[], None]:  # noqa: ANN001 - a Scene class taking (app, session)
        def open_it() -> None:
            app.home(flow.board(app, mid))
            app.push(overlay(app, mid))

        return open_it

    yield "menu", lambda: app.home()
    yield "menu with a game to resume", lambda: (autosave(mid), app.home())
    yield "menu with two games to resume and an autosave set aside", lambda: _set_aside(app, games["eight"])
    yield "settings", show(SettingsScene(app))
    yield "solo set-up", show(SoloSetupScene(app))
    yield "solo set-up, the list scrolled to its last scenario", lambda: _last_scenario(app)
    yield "workshop set-up", show(WorkshopSetupScene(app))
    yield "workshop set-up, eight teams", lambda: _eight_team_set_up(app)
    yield "load", lambda: (_sample_saves(mid), app.home(LoadScene(app)))
    yield "curtain", show(CurtainScene(app, mid))
    yield "board, org chart", lambda: _board(app, mid, network=False)
    yield "board, network", lambda: _board(app, mid, network=True)
    yield "board, a long team name", lambda: _board(app, games["eight"], network=False)
    yield "board pause menu", lambda: (_board(app, mid, network=False), app.push(_saved(app, mid)))
    yield "facilitator pause", over_board(PauseScene)
    yield "inject", over_board(InjectScene)
    yield "leaderboard", over_board(LeaderboardScene)
    yield "end confirmation", over_board(ConfirmEndScene)
    yield "leaderboard between rounds", show(LeaderboardScene(app, mid, then=lambda: None))
    yield "leaderboard, eight teams", show(LeaderboardScene(app, games["eight"], then=lambda: None))
    yield "results, workshop", show(ResultsScene(app, done))
    yield "results, eight teams", show(ResultsScene(app, games["eight"]))
    yield "results, solo", show(ResultsScene(app, games["solo"]))
    for index, view in enumerate(VIEWS):
        yield f"debrief, {view}", lambda index=index: _debrief(app, done, index)
    yield (
        "error",
        show(ErrorScene(app, app.tr("ui.crash.summary", error="MemoryError"), Path(LONG_PATH), Path(LONG_PATH))),
    )


def _last_scenario(app: App) -> None:
    scene = SoloSetupScene(app)
    app.home(scene)
    last = len(scene.picker.scenarios) - 1
    scene.picker.choose(last)
    scene.picker.list.reveal(scene.picker.buttons[last])


def _eight_team_set_up(app: App) -> None:
    scene = WorkshopSetupScene(app)
    scene.count = MAX_TEAMS
    app.home(scene)


def _set_aside(app: App, session: Session) -> None:
    """A second unfinished game, and an old autosave cut short: the menu moves it aside and says so on two lines."""
    autosave(session)
    (saves_dir() / "autosave.json").write_text('{"kind": "session", "teams": [', encoding="utf-8")
    app.home()
    assert app.top.notice is not None and len(app.top.unfinished) == 2


def _sample_saves(session: Session) -> None:
    save_session(session, "workshop-evening")
    (saves_dir() / "half-written.json").write_text('{"kind": "session", "teams": [', encoding="utf-8")


def _board(app: App, session: Session, network: bool) -> None:
    """The board with a signal and one of its holders selected, in the chosen view."""
    board = flow.board(app, session)
    app.home(board)
    assert isinstance(board, BoardScene)
    board.cycle_holder(1)
    if network:
        board.map.toggle()


def _saved(app: App, session: Session):  # noqa: ANN202 - the board's PauseMenu
    from game.ui.board.pause import PauseMenu

    menu = PauseMenu(app, session)
    menu.message = app.tr("board.pause.saved", path=LONG_PATH)
    return menu


def _debrief(app: App, session: Session, view: int) -> None:
    scene = DebriefScene(app, session)
    app.home(scene)
    scene.show(view)


def misfits(app: App) -> list[str]:
    """What does not fit on the top screen: controls out of the window, overlapping, or labels wider than buttons."""
    window = pygame.Rect((0, 0), app.size)
    controls = app.top.controls()
    problems = [f"{name} {rect} leaves the window" for name, rect in controls if not window.contains(rect)]
    problems += [
        f"{a} {ra} overlaps {b} {rb}" for (a, ra), (b, rb) in itertools.combinations(controls, 2) if ra.colliderect(rb)
    ]
    if isinstance(app.top, LeaderboardScene):
        standings = [name for name, _ in controls if name.startswith("readout standing")]
        if len(standings) < len(app.top.standings):
            problems.append(f"only {len(standings)} of {len(app.top.standings)} teams are in the standings")
    for element in getattr(app.top, "elements", []):
        if isinstance(element, UIButton) and element.text:
            width, height = element.font.size(element.text)
            border = element.border_width["left"] + element.border_width["right"]
            room = element.rect.width - border - 2 * element.text_horiz_alignment_padding
            if width > room or height > element.rect.height:
                problems.append(f"the label {element.text!r} ({width}×{height}) is cut by its button {element.rect}")
            if element.text.endswith("…") and element not in app.top.full_labels:
                problems.append(f"the label {element.text!r} is shortened with no way to read it whole")
    return problems


@pytest.mark.parametrize("text_scale", TEXT_SCALES)
@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
@pytest.mark.parametrize("language", ["en", "fr"])
def test_every_screen_fits(language, size, text_scale, games):
    app = App(size, language, text_scale=text_scale)
    app.push(MenuScene(app))
    failures = []
    for name, open_screen in screens(app, games):
        open_screen()
        app.step([], FRAME)
        app.step([], FRAME)  # the board registers its hotspots while drawing
        failures += [f"{name}: {problem}" for problem in misfits(app)]
    assert not failures, "\n".join(failures)
