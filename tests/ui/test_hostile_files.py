"""The window against the files it reads and writes: a failing autosave shows at once, a damaged one is set aside.

A full or read-only disk must not stop a workshop, but the players must know their game is not being kept;
an autosave that cannot be resumed must neither crash the menu nor be deleted.
"""

from __future__ import annotations

import errno
import json
import os

import pytest

from game.i18n import Translator
from game.persistence import saves
from game.scenario.loader import load_scenario
from game.scenario.shipped import resolve_scenario
from game.ui import flow
from game.ui.app import App
from game.ui.scenes.menu import MenuScene
from game.workshop.session import Session
from tests.guards import within_seconds
from tests.test_hostile_inputs import special
from tests.ui.driver import top_name


def solo_game(app: App) -> Session:
    session = Session.start(load_scenario(resolve_scenario("tutorial")), ["Orion"], mode="solo", seed=4)
    app.apply(flow.start_game(app, session))
    app.step([], 1 / 60)
    return session


def end_turn(app: App, session: Session) -> None:
    app.apply(flow.after_planning(app, session, session.end_planning()))
    app.step([], 1 / 60)


def failing_disk(monkeypatch, code: int) -> None:
    def refuse(*_: object) -> None:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(os, "replace", refuse)


@pytest.mark.parametrize(
    ("code", "english", "french"),
    [(errno.ENOSPC, "the disk is full", "le disque est plein"), (errno.EROFS, "read-only", "lecture seule")],
)
def test_a_failed_autosave_shows_at_once_and_the_game_goes_on(app, monkeypatch, capsys, code, english, french):
    session = solo_game(app)
    with monkeypatch.context() as disk:  # undone alone: the player's files stay in the test's folder
        failing_disk(disk, code)
        end_turn(app, session)
        assert top_name(app) == "BoardScene" and session.turn == 2
        assert app.banner is not None and app.banner.warning
        shown = app.banner.message.text(Translator("en"))
        assert english in shown and "Your game continues" in shown
        assert french in app.banner.message.text(Translator("fr"))
        console = capsys.readouterr().err
        assert "Autosave failed" in console and english in console
        end_turn(app, session)  # tried again after the next turn, said once on the console
        assert app.banner.warning and capsys.readouterr().err == ""
    end_turn(app, session)
    assert app.banner is not None and not app.banner.warning  # it works again, and says so
    assert saves.interrupted_game().turn == session.turn


def test_the_banner_is_drawn_over_the_board(app, monkeypatch):
    session = solo_game(app)
    before = app.screen.copy()
    app.render_to(before)
    failing_disk(monkeypatch, errno.ENOSPC)
    end_turn(app, session)
    after = app.screen.copy()
    app.render_to(after)
    top_strip = (0, 0, after.get_width(), 40)
    assert before.subsurface(top_strip).get_view().raw != after.subsurface(top_strip).get_view().raw


DAMAGED = {
    "cut short": b'{"kind": "session", "format": 2, "teams": [',
    "binary": bytes(range(256)),
    "of an older format": json.dumps({"kind": "session", "format": 1}).encode(),
    "with a lone surrogate in a team name": b'{"kind": "session", "format": 2, "teams": [{"name": "\\ud800"}]}',
}


@pytest.mark.parametrize("damage", list(DAMAGED))
def test_a_damaged_autosave_is_set_aside_with_a_message_and_never_deleted(damage):
    folder = saves.saves_dir()
    (folder / "autosave.json").write_bytes(DAMAGED[damage])
    app = App((1280, 720), "fr")
    app.push(MenuScene(app))
    app.step([], 1 / 60)
    [kept] = [p for p in folder.iterdir() if p.read_bytes() == DAMAGED[damage]]
    assert kept.name.startswith("damaged-autosave-") and not (folder / "autosave.json").exists()
    assert app.top.notice is not None and kept.name in app.top._note()
    assert "sauvegarde automatique" in app.top._note()
    assert app.top.interrupted is None
    [listed] = saves.list_saves()  # still on the load screen, with its problem
    assert listed.path == kept and listed.problem is not None


@pytest.mark.parametrize("kind", ["FIFO", "link to /dev/zero", "folder"])
def test_the_menu_opens_whatever_the_autosave_is(kind):
    path = special(saves.saves_dir(), kind, "autosave.json")
    with within_seconds(20):
        app = App((1280, 720), "en")
        app.push(MenuScene(app))
        app.step([], 1 / 60)
    assert top_name(app) == "MenuScene" and app.top.notice is not None
    assert not os.path.lexists(path) and len(list(saves.saves_dir().iterdir())) == 1  # moved aside, not deleted


def test_an_interrupted_game_that_cannot_be_resumed_is_set_aside_when_chosen(app):
    session = Session.start(load_scenario(resolve_scenario("tutorial")), ["Orion"], mode="solo", seed=4)
    path = saves.autosave(session)
    record = json.loads(path.read_text(encoding="utf-8"))
    path.write_text(json.dumps(dict(record, scenario="gone.yaml", scenario_id="gone")), encoding="utf-8")
    app.top.enter()
    assert app.top.interrupted is not None
    app.apply(app.top.resume())
    assert top_name(app) == "MenuScene" and app.top.interrupted is None
    assert "gone" in app.top._note() and not path.exists()
    assert [p.name.startswith("damaged-autosave-") for p in saves.saves_dir().iterdir()] == [True]
