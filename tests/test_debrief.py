"""Debrief figures on hand-built games whose path and timeline are known move by move."""

from __future__ import annotations

import pytest

from game.core import rules
from game.core.actions import Delegate, EndTurn, Escalate, Share
from game.debrief.build import PlayedGame, debrief_of_games
from game.debrief.layout import chart_layout, chart_people
from tests.builders import make_scenario, make_signal

TREE = [-1, 0, 0, 1, 2]  # 0 leads 1 and 2; 3 reports to 1, 4 to 2


def scenario(**signal):
    """Person 3 hears the signal; only person 4 (another branch) can exploit it; 1 and 4 are friends."""
    spec = dict(skills=[0], distortion=0.1, effort=1)
    spec.update(signal)
    return make_scenario(TREE, skills={4: [0]}, ties=[(1, 4)], signals=[make_signal(3, **spec)])


def play(plan, moves_by_turn):
    state = rules.new_game(plan, seed=5)
    for moves in moves_by_turn:
        for move in moves:
            rules.apply(state, move)
        rules.apply(state, EndTurn())
    return state


def debrief(state):
    return debrief_of_games([PlayedGame("Red", 0, state)]).teams[0].signals[0]


ESCALATE_THEN_SHARE = [[Escalate(0, 3, urgent=True)], [Share(0, 1, 4)], []]


@pytest.fixture(scope="module")
def escalate_then_share():
    """Turn 1: 3 escalates to 1 urgently. Turn 2: 1 tells 4 over the network. Turn 3: 4 finishes the work."""
    state = play(scenario(), ESCALATE_THEN_SHARE)
    assert state.over and state.exploit_done[0] == 3
    return debrief(state)


@pytest.fixture(scope="module")
def network_copy():
    """The fidelity 4 heard from 1: 0.98 less a random share of up to twice the signal's distortion (0.1)."""
    copy = float(play(scenario(), ESCALATE_THEN_SHARE).fidelity[0, 4])
    assert 0.78 <= copy <= 0.98
    return copy


def test_the_path_follows_each_hop_with_its_turn_and_means(escalate_then_share, network_copy):
    path = escalate_then_share.path
    assert [(h.sender, h.recipient, h.turn, h.means) for h in path.hops] == [
        (-1, 3, 1, "origin"),
        (3, 1, 1, "escalate"),
        (1, 4, 2, "share"),
    ]
    assert path.end == 4 and path.target == 4 and path.reached
    assert path.hops[1].fidelity == pytest.approx(0.98)  # the hierarchy rewords a little
    assert path.hops[2].fidelity == pytest.approx(network_copy)  # the network distorts by chance


def test_the_hierarchy_route_climbs_to_the_common_manager_then_down(escalate_then_share):
    assert escalate_then_share.path.hierarchy_route == (3, 1, 0, 2, 4)


def test_the_timeline_counts_people_by_how_they_learned_with_the_milestones(escalate_then_share):
    timeline = escalate_then_share.timeline
    assert timeline.turns == (1, 2, 3)
    assert timeline.knowers == {
        "origin": (1, 1, 1),
        "hierarchy": (1, 1, 1),
        "channel": (0, 0, 0),
        "network": (0, 1, 1),
    }
    assert (timeline.appeared, timeline.work_started, timeline.exploited) == (1, 2, 3)
    assert timeline.rival is None and timeline.leaks == ()


def test_the_four_contrasts_in_numbers(escalate_then_share, network_copy):
    c = escalate_then_share.contrasts
    assert c.who.official == (0, 0, 1) and c.who.network == (0, 1, 0)  # 3 sits at level 2, 1 at level 1
    assert c.who.mean_level(official=True) == 2 and c.who.mean_level(official=False) == 1
    assert (c.when.path_turns, c.when.path_waiting, c.when.path_network, c.when.path_held, c.when.path_handovers) == (
        1,
        0,
        0,
        0,
        1,
    )
    assert c.what.end_fidelity == pytest.approx(network_copy)
    assert c.what.path_loss_official == pytest.approx(0.02)
    assert c.what.path_loss_network == pytest.approx(0.98 - network_copy)
    assert c.what.distorted == 1
    assert (c.where.hierarchy, c.where.channel, c.where.relays, c.where.team_network) == (1, 0, 0, 1)
    assert c.where.capable_network == 1 and c.where.capable_official == 0


def test_a_distorting_hop_is_pointed_out(escalate_then_share):
    kinds = [(i.kind, i.person, i.other) for i in escalate_then_share.incidents]
    assert kinds == [("distorted", 1, 4)]


def test_a_signal_that_stalled_ends_its_path_where_it_got_closest_to_the_capable_person():
    state = play(scenario(), [[Escalate(0, 3, urgent=True)], []])
    path = debrief(state).path
    assert not path.reached and path.target == 4
    assert path.end == 1  # 1 is three steps from 4 on the chart, the origin four
    assert [h.recipient for h in path.hops] == [3, 1]


def test_a_move_made_a_turn_late_counts_as_held_and_is_pointed_out():
    """1 hears on turn 1 but escalates only on turn 3; then the chart carries it down to 4."""
    state = play(
        scenario(),
        [
            [Escalate(0, 3, urgent=True)],
            [],
            [Escalate(0, 1, urgent=True)],
            [Delegate(0, 0, 2, urgent=True)],
            [Delegate(0, 2, 4, urgent=True)],
            [],
        ],
    )
    signal = debrief(state)
    hops = {h.recipient: h for h in signal.path.hops}
    assert [h.recipient for h in signal.path.hops] == [3, 1, 0, 2, 4]
    assert hops[0].means == "escalate" and hops[0].held == 1  # 1 could have escalated on turn 2
    assert hops[2].means == "delegate" and hops[4].means == "delegate"
    assert ("kept", 1, 0) in [(i.kind, i.person, i.other) for i in signal.incidents]
    assert signal.contrasts.when.path_held == 1


def test_the_small_org_chart_shows_only_the_path_and_the_route(escalate_then_share):
    state_hierarchy = rules.new_game(scenario(), seed=5).hierarchy
    layout = chart_layout(state_hierarchy, chart_people(escalate_then_share.path))
    assert set(layout.position) == {0, 1, 2, 3, 4}
    assert layout.position[0][1] == 0 and layout.position[3][1] == 2  # rows are levels
    assert layout.position[3][0] < layout.position[4][0]  # branches keep the chart's order
    assert layout.position[1][0] == layout.position[3][0]  # a manager sits over their own people


def test_the_contrasts_read_as_plain_sentences_in_both_languages(escalate_then_share, network_copy):
    """Who told whom by rank, how long it waited, how much of the message was left, how far it went: no jargon."""
    from game.debrief.phrasing import contrast_sentences
    from game.i18n import Translator

    c = escalate_then_share.contrasts
    assert c.who.official_bands == (0, 0, 0, 1) and c.who.network_bands == (0, 1, 0, 0)  # 3 has no team, 1 is senior
    share = f"{round(100 * network_copy)}"
    en = contrast_sentences(c, Translator("en"))
    assert en["who"] == (
        "Along the line, 1 person heard it from front-line staff; "
        "across the network, 1 person heard it from senior management."
    )
    assert en["when"] == (
        "Along the line, messages went through without waiting; across the network, news arrived the same turn. "
        "It took 1 turn to reach the end of its path: 1 going from hand to hand."
    )
    assert en["what"] == (
        f"Along the line, copies kept 98% of the message on average; across the network, {share}%, "
        f"and 1 copy arrived distorted. The last person on its path got {share}% of it."
    )
    assert en["where"].startswith("Along the line, it reached 1 person")
    assert en["where"].endswith("People able to exploit it who heard: 0 along the line, 1 across the network.")
    fr = contrast_sentences(c, Translator("fr"))
    assert fr["who"] == (
        "Par la hiérarchie, 1\u00a0personne l'a appris de collaborateurs de terrain\u00a0; "
        "par le réseau, 1\u00a0personne l'a appris de la direction."
    )
    for sentences in (en, fr):
        assert all("{" not in s and "debrief." not in s and "level" not in s for s in sentences.values())


def test_the_ranks_of_who_passed_it_on_are_summed_up_as_a_manager_would(escalate_then_share):
    import dataclasses

    from game.debrief.phrasing import contrast_sentences
    from game.i18n import Translator

    c = escalate_then_share.contrasts
    who = dataclasses.replace(c.who, official_bands=(0, 5, 0, 1), network_bands=(1, 1, 1, 1))
    sentence = contrast_sentences(dataclasses.replace(c, who=who), Translator("en"))["who"]
    assert sentence == (
        "Along the line, 6 people heard it mostly from senior management; "
        "across the network, 4 people heard it from every level, top to front line."
    )
    nobody = dataclasses.replace(c.who, official_bands=(0, 0, 0, 0), network_bands=(0, 0, 1, 1))
    sentence = contrast_sentences(dataclasses.replace(c, who=nobody), Translator("en"))["who"]
    assert sentence == (
        "Nothing went along the line; across the network, 2 people heard it from middle managers and from front-line staff."
    )
