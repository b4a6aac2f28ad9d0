"""The board's pure parts: org-chart and network layouts, camera, hit-testing and the animation plan."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pygame
import pytest

from game.core import bots, rules
from game.core.derived import derived
from game.core.state import VIA_CHANNEL, VIA_HIERARCHY, VIA_NETWORK
from game.scenario.loader import load_scenario_text
from game.ui.board.animation import Animation, plan_flows
from game.ui.board.camera import Camera
from game.ui.board.hit import person_at
from game.ui.board.network_layout import REACH, SPACING, _repulsion, compute_network_layout, network_layout
from game.ui.board.tree_layout import LEVEL, tree_layout
from tests.ui.driver import click


@pytest.fixture(scope="module")
def big_scenario(example_scenario_path: Path):
    """The example company grown to about 2,000 people with its own `generate` blocks."""
    text = example_scenario_path.read_text(encoding="utf-8")
    text = text.replace("count: 40", "count: 1150").replace("count: 25", "count: 600")
    return load_scenario_text(text, "big.yaml")


def test_tree_places_everyone_apart_and_managers_above(example_scenario):
    hierarchy = derived(example_scenario).hierarchy
    layout = tree_layout(hierarchy)
    xy = layout.xy
    assert len(np.unique(np.round(xy, 3), axis=0)) == example_scenario.org.size
    staff = np.flatnonzero(hierarchy.manager >= 0)
    assert np.all(xy[hierarchy.manager[staff], 1] < xy[staff, 1])
    managers = np.flatnonzero(~layout.stacked & (hierarchy.manager >= 0))
    assert np.allclose(xy[managers, 1], hierarchy.level[managers] * LEVEL)


def test_stacked_staff_hang_under_their_own_manager_column(example_scenario):
    hierarchy = derived(example_scenario).hierarchy
    layout = tree_layout(hierarchy)
    stacked = np.flatnonzero(layout.stacked)
    for boss in np.unique(hierarchy.manager[stacked]):
        team = stacked[hierarchy.manager[stacked] == boss]
        assert len(np.unique(layout.spine_x[team])) == 1  # one column per team
        assert len(np.unique(layout.xy[team, 1])) == len(team)  # one row each


def test_big_org_chart_stays_compact(big_scenario):
    layout = tree_layout(derived(big_scenario).hierarchy)
    columns = len(np.unique(layout.spine_x))
    assert big_scenario.org.size >= 2000
    assert columns < big_scenario.org.size / 5


def test_network_layout_is_deterministic_and_spread(example_scenario):
    first = compute_network_layout(example_scenario)
    assert np.array_equal(first, compute_network_layout(example_scenario))
    assert np.all(np.isfinite(first))
    d = np.sqrt(((first[:, None] - first[None]) ** 2).sum(axis=2))
    np.fill_diagonal(d, np.inf)
    assert np.median(d.min(axis=1)) > 20  # people do not sit on each other
    assert network_layout(example_scenario) is network_layout(example_scenario)  # cached per scenario


def test_network_layout_clusters_departments(example_scenario):
    xy = compute_network_layout(example_scenario)
    department = example_scenario.org.department
    centres = {d: xy[department == d].mean(axis=0) for d in np.unique(department)}
    own = np.mean([np.linalg.norm(xy[i] - centres[department[i]]) for i in range(len(xy))])
    overall = np.mean(np.linalg.norm(xy - xy.mean(axis=0), axis=1))
    assert own < overall


def test_camera_zooms_around_the_pointer_and_round_trips():
    camera = Camera(pygame.Rect(0, 0, 800, 600), 1.0, (10.0, 20.0))
    world = np.array([[100.0, 50.0]])
    screen = camera.to_screen(world)[0]
    assert camera.to_world(tuple(screen)) == pytest.approx((100.0, 50.0))
    camera.zoom(2.0, anchor=tuple(screen))
    assert camera.to_screen(world)[0] == pytest.approx(screen)
    assert camera.scale == pytest.approx(2.0)


def test_camera_fit_shows_all_bounds():
    camera = Camera(pygame.Rect(0, 0, 800, 600))
    camera.fit((0, 0, 4000, 1000))
    corners = camera.to_screen(np.array([[0.0, 0.0], [4000.0, 1000.0]]))
    assert corners[:, 0].min() >= 0 and corners[:, 0].max() <= 800


def test_person_at_picks_the_nearest_within_reach():
    xy = np.array([[10.0, 10.0], [100.0, 100.0]])
    assert person_at(xy, (103, 98), 8) == 1
    assert person_at(xy, (50, 50), 8) is None


def test_flows_are_the_people_who_learned_that_turn(example_scenario):
    state = rules.new_game(example_scenario, 7)
    player = bots.BOTS["mixed"](7)
    for _ in range(3):
        player.play_turn(state)
        rules.end_turn(state)
    resolved = state.turn - 1
    flows = plan_flows(state, resolved)
    learned = {
        (int(s), int(p)) for s, p in np.argwhere(state.learned_turn == resolved) if state.learned_from[s, p] >= 0
    }
    assert {(int(s), int(p)) for s, p in zip(flows.signal, flows.receiver)} == learned
    assert set(flows.via.tolist()) <= {VIA_HIERARCHY, VIA_CHANNEL, VIA_NETWORK}
    assert np.all(state.learned_from[flows.signal, flows.receiver] == flows.sender)


def test_tokens_travel_from_sender_to_receiver(example_scenario):
    state = rules.new_game(example_scenario, 7)
    player = bots.BOTS["network"](7)
    while not len(plan_flows(state, state.turn - 1)) and not state.over:
        player.play_turn(state)
        rules.end_turn(state)
    flows = plan_flows(state, state.turn - 1)
    assert len(flows)
    xy = np.arange(state.size * 2, dtype=float).reshape(-1, 2)
    animation = Animation(flows, state.turn - 1)
    assert np.allclose(animation.token_positions(xy), xy[flows.sender])
    animation.advance(10.0)
    assert animation.done
    assert np.allclose(animation.token_positions(xy), xy[flows.receiver])


def test_a_big_organisation_lays_out_its_network_in_the_background_with_the_same_result():
    from game.scenario.loader import load_scenario
    from game.scenario.shipped import resolve_scenario
    from game.ui.board import network_layout as layout

    big = load_scenario(resolve_scenario("industrial-group"))
    layout.warm_up(big)
    warmed = layout.network_layout(big)
    assert np.array_equal(warmed, layout.compute_network_layout(big))


def plain_repulsion(pos: np.ndarray, k: float) -> np.ndarray:
    """The repulsion as first written, on (pairs, 2) arrays: the reference for the per-coordinate one."""
    from scipy.spatial import cKDTree

    pairs = cKDTree(pos).query_pairs(REACH * k, output_type="ndarray")
    if len(pairs) == 0:
        return np.zeros_like(pos)
    a, b = pairs[:, 0], pairs[:, 1]
    delta = pos[a] - pos[b]
    d2 = np.maximum((delta * delta).sum(axis=1), 1.0)
    push = delta * (k * k / d2)[:, None]
    rows = [np.column_stack([np.bincount(r, weights=push[:, i], minlength=len(pos)) for i in range(2)]) for r in (a, b)]
    return rows[0] - rows[1]


@pytest.mark.parametrize("seed", range(8))
def test_the_repulsion_is_the_plain_one_to_the_last_bit(seed):
    rng = np.random.default_rng(seed)
    people = int(rng.integers(1, 600))
    pos = rng.normal(0, SPACING * np.sqrt(people) / 4, (people, 2))
    pos[: people // 10] = pos[0]  # people on top of each other: the distance floor
    assert np.array_equal(_repulsion(pos, SPACING), plain_repulsion(pos, SPACING))


def test_choosing_a_scenario_to_play_lays_out_its_network_before_the_board_opens(app):
    from game.ui.board import network_layout as layout

    click(app, "ui.menu.solo")
    picker = app.top.picker
    index = next(i for i, s in enumerate(picker.scenarios) if s.id == "industrial-group")
    picker.scenarios[index].__dict__.pop("_board_network_layout", None)  # laid out by an earlier test, perhaps
    picker.choose(index)
    chosen = picker.scenario
    layout._warming[id(chosen)].join()
    assert np.array_equal(chosen.__dict__["_board_network_layout"], compute_network_layout(chosen))
