"""The debrief screen draws headless in both languages, switches team, signal and view, exports, and goes back."""

from __future__ import annotations

import pygame
import pytest

from game.core import bots
from game.scenario.loader import load_scenario
from game.scenario.shipped import resolve_scenario
from game.ui.app import App
from game.ui.debrief.scene import VIEWS, DebriefScene
from game.ui.scenes.menu import MenuScene
from game.workshop.session import Session
from tests.ui.driver import click, press


@pytest.fixture(scope="module")
def workshop():
    """Two bot-played teams on the tutorial (which has debrief questions), played to the end."""
    scenario = load_scenario(resolve_scenario("tutorial"))
    session = Session.start(scenario, ["Orion", "Vega"], mode="hotseat")
    players = [bots.BOTS["mixed"](session.seed), bots.BOTS["hierarchy"](session.seed)]
    while not session.over:
        players[session.active].play_turn(session.active_team().state)
        session.end_planning()
    return session


def open_debrief(language, session):
    app = App((1280, 720), language)
    app.push(MenuScene(app))
    scene = DebriefScene(app, session)
    app.push(scene)
    app.step([], 1 / 60)
    return app, scene


def distinct_colours(surface: pygame.Surface) -> int:
    small = pygame.transform.scale(surface, (160, 90))
    return len({small.get_at((x, y))[:3] for x in range(160) for y in range(90)})


@pytest.mark.parametrize("language", ["en", "fr"])
def test_every_view_draws_in_both_languages(language, workshop, tmp_path):
    app, scene = open_debrief(language, workshop)
    for key, view in zip((pygame.K_1, pygame.K_2, pygame.K_3, pygame.K_4, pygame.K_5), VIEWS):
        press(app, key)
        assert scene.view == VIEWS.index(view)
        shot = tmp_path / f"debrief_{view}_{language}.png"
        pygame.image.save(app.screen, shot)
        assert shot.stat().st_size > 0 and distinct_colours(app.screen) > 20, view


def test_keys_switch_team_and_signal(workshop):
    app, scene = open_debrief("en", workshop)
    press(app, pygame.K_t)
    assert scene.team == 1
    press(app, pygame.K_s)
    assert scene.signal == 1
    press(app, pygame.K_s, mod=pygame.KMOD_SHIFT)
    assert scene.signal == 0


def test_the_what_if_controls_change_the_alternative(workshop):
    app, scene = open_debrief("en", workshop)
    press(app, pygame.K_4)
    before = scene.alternative()
    click(app, "+")
    click(app, f"{app.tr('debrief.strategy.' + scene.strategy)}  ›")
    after = scene.alternative()
    assert (after.from_turn, after.strategy) != (before.from_turn, before.strategy)


def test_export_writes_the_report_under_the_player_folder_and_says_where(workshop, player_files):
    app, scene = open_debrief("fr", workshop)
    click(app, app.tr("debrief.screen.export"))
    app.step([], 1 / 60)
    reports = list((player_files / "reports").glob("*/report.html"))
    assert len(reports) == 1
    assert str(reports[0].parent) in scene.status
    assert '<html lang="fr">' in reports[0].read_text(encoding="utf-8")


def test_back_returns_to_the_previous_screen(workshop):
    app, scene = open_debrief("en", workshop)
    click(app, app.tr("debrief.screen.back"))
    assert isinstance(app.top, MenuScene) and app.running


def test_the_results_screen_leads_on_to_the_debrief(workshop):
    from game.ui.scenes.results import ResultsScene

    app = App((1280, 720), "en")
    app.push(MenuScene(app))
    app.push(ResultsScene(app, workshop))
    app.step([], 1 / 60)
    click(app, "ui.results.debrief")
    assert type(app.top).__name__ == "DebriefScene"
    press(app, pygame.K_ESCAPE)
    assert type(app.top).__name__ == "ResultsScene"


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_contrasts_scroll_instead_of_cutting_their_sentences_when_the_text_is_large(workshop, language):
    app = App((1280, 720), language, text_scale=1.5)
    app.push(MenuScene(app))
    scene = DebriefScene(app, workshop)
    app.push(scene)
    press(app, pygame.K_3)
    assert scene.scroll.content > scene.scroll.visible > 0  # listed, one under the other, taller than the room
    press(app, pygame.K_PAGEDOWN)
    assert scene.scroll.offset > 0
    app.step([pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=10, flipped=False)], 1 / 60)
    assert scene.scroll.offset == 0
    roomy = App((1920, 1080), language)
    roomy.push(MenuScene(roomy))
    grid = DebriefScene(roomy, workshop)
    roomy.push(grid)
    press(roomy, pygame.K_3)
    assert grid.scroll.limit == 0  # the grid of bars and sentences fits
