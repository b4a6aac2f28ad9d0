"""Exported reports go where people look (a "Signal Race" folder in their Documents), and a button opens it."""

from __future__ import annotations

import stat
import sys

import platformdirs
import pytest

from game.core import bots
from game.persistence import storage
from game.scenario.loader import load_scenario
from game.scenario.shipped import resolve_scenario
from game.ui.opener import open_folder
from game.workshop.session import Session
from tests.ui.driver import button, click
from tests.ui.test_debrief_scene import open_debrief


@pytest.fixture(scope="module")
def workshop():
    """Two bot-played teams on the tutorial, played to the end."""
    scenario = load_scenario(resolve_scenario("tutorial"))
    session = Session.start(scenario, ["Orion", "Vega"], mode="hotseat")
    while not session.over:
        bots.BOTS["mixed"](session.seed).play_turn(session.active_team().state)
        session.end_planning()
    return session


@pytest.fixture
def documents(tmp_path, monkeypatch):
    """An installed game (no data-folder override) whose user folders are all under tmp_path."""
    monkeypatch.delenv(storage.DATA_DIR_VARIABLE, raising=False)
    monkeypatch.delenv(storage.REPORTS_DIR_VARIABLE, raising=False)
    monkeypatch.setattr(platformdirs, "user_documents_dir", lambda: str(tmp_path / "Documents"))
    monkeypatch.setattr(platformdirs, "user_data_dir", lambda *a, **k: str(tmp_path / "data"))
    monkeypatch.setattr(platformdirs, "user_log_dir", lambda *a, **k: str(tmp_path / "logs"))
    return tmp_path / "Documents"


def test_reports_go_to_a_signal_race_folder_in_the_users_documents(documents):
    assert storage.reports_dir() == documents / "Signal Race"
    assert (documents / "Signal Race").is_dir()


def test_the_exported_report_lands_in_documents_and_open_folder_shows_it(documents, workshop, monkeypatch):
    opened = []
    monkeypatch.setattr("game.ui.debrief.scene.open_folder", lambda folder: opened.append(folder) or True)
    app, scene = open_debrief("en", workshop)
    assert app.tr("debrief.screen.open_folder") not in [getattr(e, "text", "") for e in scene.elements]
    click(app, app.tr("debrief.screen.export"))
    app.step([], 1 / 60)
    [report] = (documents / "Signal Race").glob("*/report.html")
    click(app, app.tr("debrief.screen.open_folder"))
    assert opened == [report.parent]
    assert str(report.parent) in scene.status


def test_when_the_folder_cannot_be_opened_the_screen_says_where_the_report_is_in_french(
    documents, workshop, monkeypatch
):
    monkeypatch.setattr("game.ui.debrief.scene.open_folder", lambda folder: False)
    app, scene = open_debrief("fr", workshop)
    click(app, app.tr("debrief.screen.export"))
    app.step([], 1 / 60)
    click(app, "Ouvrir le dossier")
    [report] = (documents / "Signal Race").glob("*/report.html")
    assert scene.status == app.tr("debrief.screen.open_failed", folder=str(report.parent))
    assert "n'a pas pu ouvrir le dossier" in scene.status
    assert button(app, "Ouvrir le dossier").is_enabled


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="the desktop opener is xdg-open on this system")
def test_the_opener_hands_the_folder_to_xdg_open_and_reports_a_missing_or_failing_one(tmp_path, monkeypatch):
    tools = tmp_path / "bin"
    tools.mkdir()
    monkeypatch.setenv("PATH", str(tools))
    assert not open_folder(tmp_path)  # no xdg-open at all
    script = tools / "xdg-open"
    script.write_text(f'#!/bin/sh\necho "$1" > {tmp_path / "asked"}\n', encoding="utf-8")
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    assert open_folder(tmp_path / "report")
    assert (tmp_path / "asked").read_text(encoding="utf-8").strip() == str(tmp_path / "report")
    script.write_text("#!/bin/sh\nexit 4\n", encoding="utf-8")
    assert not open_folder(tmp_path)
