"""The debrief's path chart keeps every name and hop tag readable: none covers another, all inside the chart."""

from __future__ import annotations

import itertools

import pytest

from game.core.bots import BOTS
from game.scenario.loader import load_scenario
from game.scenario.shipped import shipped_scenarios
from game.ui.app import App
from game.ui.debrief.panels import path_chart
from game.ui.debrief.pathview import lay_out_path
from game.ui.debrief.scene import DebriefScene
from game.workshop.session import Session

STRATEGIES = ("mixed", "network", "hierarchy")  # three teams: three different paths per signal


@pytest.fixture(scope="module", params=shipped_scenarios(), ids=lambda path: path.stem)
def played(request) -> Session:
    session = Session.start(load_scenario(request.param), list(STRATEGIES), mode="hotseat", colours=[0, 1, 2])
    players = [BOTS[name](session.seed) for name in STRATEGIES]
    while not session.over:
        players[session.active].play_turn(session.active_team().state)
        session.end_planning()
    return session


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
@pytest.mark.parametrize("text_scale", [1.0, 1.25])
@pytest.mark.parametrize("language", ["en", "fr"])
def test_no_name_or_hop_tag_covers_another(played, size, text_scale, language):
    app = App(size, language, text_scale=text_scale)
    scene = DebriefScene(app, played)
    chart = path_chart(app, scene.content).inflate(-app.px(8), -app.px(8))
    for team in scene.debrief.teams:
        for signal in team.signals:
            picture = lay_out_path(app, chart, team, signal)
            labels = [(name, box) for name, box in picture.names.values()]
            labels += [(tag, box) for tag, box, _ in picture.tags]
            assert all(chart.contains(box) for _, box in labels), team.name
            clashes = [
                (a, b) for (a, box_a), (b, box_b) in itertools.combinations(labels, 2) if box_a.colliderect(box_b)
            ]
            assert not clashes, f"{team.name}, {signal.path.target}: {clashes}"
