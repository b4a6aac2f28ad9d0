"""The goal card's conditions tick exactly when exploitation's conditions hold, from what the team can see."""

import numpy as np

from game.core import rules
from game.core.actions import Escalate, Share
from game.core.goal import goal_of, roles
from game.core.model import NO_PERSON
from game.core.resolution import exploit_candidates
from tests.builders import make_scenario, make_signal

# 0 (root, level 0) -> 1 (level 1) -> 2 -> 3; 0 -> 4 (level 1) -> 5
MANAGERS = [-1, 0, 1, 2, 0, 4]


def approval_game(skills_hidden: bool = False):
    signal = make_signal(5, skills=[1], min_fidelity=0.5, approval=1, effort=2)
    scenario = make_scenario(MANAGERS, skills={3: [1]}, ties=[(5, 3)], signals=[signal], skills_hidden=skills_hidden)
    return rules.new_game(scenario, seed=3)


def test_nothing_holds_until_someone_capable_hears_it():
    goal = goal_of(approval_game(), 0)
    assert goal.candidates == (3,) and goal.capable_holder == NO_PERSON
    assert goal.approver == 1 and not goal.approver_knows  # the candidate's manager at level 1
    assert goal.conditions_met == 0
    assert roles(approval_game(), 0) == {3: "candidate", 1: "approver"}


def test_the_checklist_ticks_as_the_signal_reaches_the_exploiter_then_the_approver():
    state = approval_game()
    rules.apply(state, Share(0, 5, 3))
    rules.end_turn(state)
    goal = goal_of(state, 0)
    assert goal.someone_capable_knows and goal.copy_good_enough and not goal.approved
    assert len(exploit_candidates(state, 0)) == 0  # the card says work has not started: it has not
    rules.apply(state, Escalate(0, 3, urgent=True))
    rules.end_turn(state)  # 2 hears it
    rules.apply(state, Escalate(0, 2, urgent=True))
    rules.end_turn(state)  # 1, the approver, hears it; work starts at that turn's end
    goal = goal_of(state, 0)
    assert goal.approved and goal.conditions_met == 3
    assert goal.exploiter == 3 and goal.finish_turn == int(state.exploit_started[0]) + 2


def test_a_copy_too_poor_leaves_the_fidelity_condition_open():
    state = approval_game()
    state.knows[0, 3] = True
    state.fidelity[0, 3] = 0.3
    goal = goal_of(state, 0)
    assert goal.someone_capable_knows and not goal.copy_good_enough
    assert np.isclose(goal.best_fidelity, 0.3)


def test_skills_the_team_has_not_discovered_are_not_shown():
    state = approval_game(skills_hidden=True)
    goal = goal_of(state, 0)
    assert goal.candidates == () and goal.approver == NO_PERSON  # the team does not know who can do it yet
