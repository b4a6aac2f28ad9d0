"""The one door to a game: `new_game`, `legal_actions`, `apply` and `end_turn`.

A turn: scheduled events fire and signals appear; the team spends action
points; `end_turn` resolves (hierarchy, validations, channels, network,
exploitation, competitor), then the next turn begins.
"""

from __future__ import annotations

import numpy as np

from game.core import phrases
from game.core.actions import (
    Action,
    AskNetwork,
    CoachAdvice,
    Delegate,
    EndTurn,
    Escalate,
    InjectEvent,
    Post,
    Publish,
    RequestValidation,
    Share,
)
from game.core.availability import draw_availability
from game.core.competitor import competitor_step, draw_competitor, finish_rival
from game.core.derived import derived
from game.core.errors import IllegalAction
from game.core.events import fire_event, injectable_events
from game.core.legality import (
    check,
    entitled_to_validate,
    is_legal,
    may_publish,
    may_request_validation,
    refusal,
    tie_edge,
)
from game.core.model import NO_PERSON, Scenario
from game.core.moves import perform
from game.core.resolution import (
    all_settled,
    complete_validations,
    exploit_candidates,
    nothing_to_decide,
    progress_exploitation,
)
from game.core.spread import deliver_messages, fire_channels, learn, spread_network
from game.core.state import NOT_YET, VIA_NONE, VIA_ORIGIN, GameState, LogEntry

__all__ = [  # the one door: callers import these from rules, wherever they live
    "actions_for",
    "apply",
    "apply_if_legal",
    "check",
    "end_early",
    "end_turn",
    "entitled_to_validate",
    "exploit_candidates",
    "is_legal",
    "legal_actions",
    "may_publish",
    "may_request_validation",
    "new_game",
    "tie_edge",
]


def new_game(scenario: Scenario, seed: int | None = None, difficulty: str = "normal") -> GameState:
    """A fresh game at turn 1, with its own seeded generator; `difficulty` sets the rival's pace."""
    seed = scenario.seed if seed is None else int(seed)
    n, s = scenario.org.size, len(scenario.signals)
    facts = derived(scenario)
    rng = np.random.default_rng(seed)
    hidden_net = scenario.visibility.network_hidden
    hidden_skills = scenario.visibility.skills_hidden
    state = GameState(
        scenario=scenario,
        seed=seed,
        difficulty=difficulty,
        rng=rng,
        hierarchy=facts.hierarchy,
        turn=1,
        action_points=scenario.action_points,
        over=False,
        absent_until=np.zeros(n, dtype=np.int32),
        available=np.ones(n, dtype=bool),
        knows=np.zeros((s, n), dtype=bool),
        fidelity=np.zeros((s, n)),
        learned_turn=np.full((s, n), NOT_YET, dtype=np.int32),
        learned_via=np.full((s, n), VIA_NONE, dtype=np.int8),
        learned_from=np.full((s, n), NO_PERSON, dtype=np.int32),
        opposed=np.zeros((s, n), dtype=bool),
        spreading=np.zeros((s, n), dtype=bool),
        lead=np.zeros((s, n), dtype=bool),
        known_skill=np.zeros_like(scenario.org.skills) if hidden_skills else scenario.org.skills.copy(),
        known_edge=np.full(len(scenario.network.indices), not hidden_net),
        validated=np.zeros(s, dtype=bool),
        exposed=np.zeros(s, dtype=bool),
        faded=np.zeros(s, dtype=bool),
        exploiter=np.full(s, NO_PERSON, dtype=np.int32),
        exploit_fidelity=np.zeros(s),
        exploit_started=np.full(s, NOT_YET, dtype=np.int32),
        exploit_done=np.full(s, NOT_YET, dtype=np.int32),
        competitor_due=draw_competitor(scenario, rng, difficulty),
        rival_gain=np.zeros(s),
        competitor_done=np.full(s, NOT_YET, dtype=np.int32),
        leaks=np.zeros(s, dtype=np.int32),
    )
    state.min_action_points = state.action_points
    _begin_turn(state)
    return state


# ---------------------------------------------------------------- actions


def apply(state: GameState, action: Action) -> list[LogEntry]:
    """Check and perform one action; raises IllegalAction with a sentence for the player."""
    if isinstance(action, EndTurn):
        return end_turn(state)
    check(state, action)
    return _perform(state, action)


def apply_if_legal(state: GameState, action: Action) -> bool:
    """Perform `action` when the rules allow it now (checked once, no sentence built); report whether it was."""
    if refusal(state, action) is not None:
        return False
    if isinstance(action, EndTurn):
        end_turn(state)
    else:
        _perform(state, action)
    return True


def _perform(state: GameState, action: Action) -> list[LogEntry]:
    """Carry out a checked action: an injected event, or a move that spends action points."""
    before = len(state.log)
    if isinstance(action, CoachAdvice):  # a record for the debrief: the game itself does not change
        state.actions.append(action)
        return []
    if isinstance(action, InjectEvent):
        fire_event(state, injectable_events(state.scenario)[action.event])
        state.actions.append(action)
        return state.log[before:]
    perform(state, action)
    state.action_points -= action.price(state.scenario)
    state.min_action_points = min(state.min_action_points, state.action_points)
    state.actions.append(action)
    return state.log[before:]


# ---------------------------------------------------------------- turn resolution


def end_turn(state: GameState) -> list[LogEntry]:
    """Resolve the turn, then start the next one (or end the game)."""
    if state.over:
        raise IllegalAction(phrases.GAME_OVER)
    before = len(state.log)
    state.actions.append(EndTurn())
    _resolve(state)
    if not state.over and nothing_to_decide(state):  # no dead time: what is under way plays out by itself
        state.log.append(LogEntry(state.turn, phrases.PLAYS_OUT, kind="event"))
        while not state.over:
            _resolve(state)
    return state.log[before:]


def end_early(state: GameState) -> list[LogEntry]:
    """The facilitator ends the game before its last turn: the turn being planned is not played.

    What the turns played earned stands; work under way scores the share of its
    effort done (scoring.outcome); the rival still exploits every signal its drawn
    timetable reaches within the game's length (competitor.finish_rival).
    """
    if state.over:
        raise IllegalAction(phrases.GAME_OVER)
    before = len(state.log)
    state.over = True
    state.ended_turn = state.turn - 1
    finish_rival(state)
    state.log.append(LogEntry(state.ended_turn, phrases.ENDED_EARLY.format(turn=state.ended_turn), kind="event"))
    return state.log[before:]


def _resolve(state: GameState) -> None:
    """The end of a turn: messages, validations, channels, network, work, the rival; then the next turn."""
    deliver_messages(state)
    complete_validations(state)
    fire_channels(state)
    spread_network(state)
    progress_exploitation(state)
    competitor_step(state)
    state.turn += 1
    if state.turn > state.scenario.turns or all_settled(state):
        state.over = True
        finish_rival(state)
    else:
        _begin_turn(state)


def _begin_turn(state: GameState) -> None:
    state.action_points = state.scenario.action_points
    for event in state.scenario.events:
        if event.turn == state.turn:
            fire_event(state, event)
    for s in (derived(state.scenario).appears == state.turn).nonzero()[0]:
        origin = state.scenario.signals[s].origin
        learn(state, int(s), np.array([origin]), 1.0, VIA_ORIGIN, NO_PERSON)
        text = phrases.APPEARS.format(signal=state.scenario.signals[s].title, person=state.scenario.org.names[origin])
        state.log.append(LogEntry(state.turn, text, int(s), origin, kind="appears"))
    state.available = draw_availability(state.rng, state.scenario.org.availability, state.absent_until, state.turn)


# ---------------------------------------------------------------- legal moves


def actions_for(state: GameState, person: int, signal: int | None = None) -> list[Action]:
    """Every legal action `person` can take now (about `signal` when given)."""
    scenario = state.scenario
    candidates: list[Action] = []
    signals = range(len(scenario.signals)) if signal is None else [signal]
    boss = int(state.hierarchy.manager[person])
    net = scenario.network
    contacts = net.indices[net.indptr[person] : net.indptr[person + 1]]
    for s in signals:
        if not state.knows[s, person]:
            continue
        if boss != NO_PERSON:
            candidates += [Escalate(s, person), Escalate(s, person, urgent=True)]
        for r in state.hierarchy.reports(person):
            candidates += [Delegate(s, person, int(r)), Delegate(s, person, int(r), urgent=True)]
        candidates += [RequestValidation(s, person, g) for g in range(len(scenario.gates))]
        candidates += [Publish(s, person, c) for c in range(len(scenario.channels))]
        candidates += [Share(s, person, int(c)) for c in contacts]
        candidates += [Post(s, person, c) for c in range(len(scenario.communities))]
    if signal is None:
        candidates += [AskNetwork(person, t) for t in range(len(scenario.tags))]
    return [a for a in candidates if is_legal(state, a)]


def legal_actions(state: GameState) -> list[Action]:
    """Every legal move for the team now: actions of everyone who holds a signal, plus ending the turn."""
    if state.over:
        return []
    people = np.flatnonzero(state.knows.any(axis=0))
    moves: list[Action] = []
    for person in people:
        moves += actions_for(state, int(person))
    return moves + [EndTurn()]
