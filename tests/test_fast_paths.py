"""Every optimised path of the engine gives what the plain computation gives, on small organisations and many seeds.

The references below are the straightforward versions (over every person, or with no shortcut) that the
fast paths replaced; games are played by bots and compared at every turn.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import breadth_first_order

from game.core import bots, insight, rules
from game.core.actions import AskNetwork, Delegate, Escalate, Post, Publish, RequestValidation, Share
from game.core.availability import Availability, draw_availability
from game.core.derived import derived
from game.core.errors import IllegalAction
from game.core.hierarchy import build_hierarchy
from game.core.model import NO_PERSON, Scenario
from game.core.moves import ask_reveals
from game.core.sets import distinct_count, first_occurrences
from game.core.spread import best_copies, learn
from game.core.state import NOT_YET, VIA_NETWORK, GameState
from game.core.text import Text
from game.scenario.checks import passing_graph, reachable
from game.scenario.loader import load_scenario, load_scenario_text
from game.scenario.shipped import resolve_scenario

CROWD = Path(__file__).parent / "fixtures" / "good" / "crowd.yaml"
SEEDS = range(12)


def small_crowd() -> Scenario:
    """The crowd fixture cut down to about 200 people: hidden skills and ties, a rare skill, absences, a reorg."""
    text = CROWD.read_text(encoding="utf-8").replace("count: 1046", "count: 110").replace("count: 698", "count: 70")
    return load_scenario_text(text, "small-crowd.yaml")


@pytest.fixture(scope="module", params=["small-crowd", "retail-app-outage", "bank-compliance"])
def scenario(request) -> Scenario:
    return small_crowd() if request.param == "small-crowd" else load_scenario(resolve_scenario(request.param))


def turns(scenario: Scenario, seed: int, bot: str) -> Iterator[GameState]:
    """A bot's game, yielded at every turn after its moves and before the turn resolves."""
    state = rules.new_game(scenario, seed)
    player = bots.BOTS[bot](state.seed)
    while not state.over:
        player.play_turn(state)
        yield state
        rules.end_turn(state)


def played(scenario: Scenario) -> Iterator[GameState]:
    for seed in SEEDS:
        yield from turns(scenario, seed, ("mixed", "network", "random")[seed % 3])


# ---------------------------------------------------------------- the plain references


def plain_exploit_candidates(state: GameState, signal: int) -> np.ndarray:
    spec = state.scenario.signals[signal].exploit
    knows = state.knows[signal]
    ready = knows & derived(state.scenario).capable[signal]
    ready &= state.fidelity[signal] >= spec.min_fidelity
    ready &= state.absent_until <= state.turn
    if spec.approval_level is not None:
        ready &= knows[state.hierarchy.ancestor_at_level(spec.approval_level)]
    return np.flatnonzero(ready)


def plain_best_target(state: GameState, signal: int) -> int:
    skills = state.scenario.signals[signal].exploit.skills
    seems = state.known_skill[:, skills].all(axis=1) if len(skills) else np.ones(state.size, dtype=bool)
    capable = seems & (state.absent_until <= state.turn)
    knowing = np.flatnonzero(capable & state.knows[signal])
    if len(knowing):
        return int(knowing[np.argmax(state.fidelity[signal, knowing])])
    candidates = np.flatnonzero(capable & ~state.opposed[signal])
    if len(candidates) == 0:
        return NO_PERSON
    distance = np.abs(state.hierarchy.level[candidates] - state.hierarchy.level[state.holders(signal)].min())
    return int(candidates[np.argmin(distance)])


def plain_network_route(state: GameState, signal: int, target: int, max_hops: int = 4) -> list[int]:
    unseen = -2
    net = state.scenario.network
    passable = ~state.opposed[signal] & (state.absent_until <= state.turn)
    parent = np.full(state.size, unseen, dtype=np.int64)
    frontier = state.holders(signal)
    frontier = frontier[state.absent_until[frontier] <= state.turn]
    parent[frontier] = NO_PERSON
    for _ in range(max_hops):
        if len(frontier) == 0 or parent[target] != unseen:
            break
        edges, source = net.edges_from(frontier)
        known = state.known_edge[edges]
        source = source[known]
        reached = net.indices[edges[known]].astype(np.int64)
        fresh = (parent[reached] == unseen) & passable[reached]
        reached, first = np.unique(reached[fresh], return_index=True)
        parent[reached] = source[fresh][first]
        frontier = reached
    if parent[target] in (unseen, NO_PERSON):
        return []
    path = [target]
    while parent[path[-1]] != NO_PERSON:
        path.append(int(parent[path[-1]]))
    return path[::-1]


def plain_open_signals(state: GameState) -> list[int]:
    live = [
        s
        for s in range(len(state.scenario.signals))
        if state.knows[s].any() and state.is_open(s) and state.exploiter[s] == NO_PERSON
    ]
    return sorted(live, key=lambda s: -state.scenario.signals[s].value)


def plain_may_request_validation(state: GameState, person: int) -> bool:
    if len(state.hierarchy.reports(person)) or state.scenario.org.spokesperson[person]:
        return True
    return any(np.isin(person, channel.publishers) for channel in state.scenario.channels)


# ---------------------------------------------------------------- the bots' view and the end of a turn


def test_exploit_candidates_best_targets_and_open_signals_match_the_plain_versions(scenario):
    for state in played(scenario):
        assert insight.open_signals(state) == plain_open_signals(state)
        for signal in range(len(scenario.signals)):
            assert rules.exploit_candidates(state, signal).tolist() == plain_exploit_candidates(state, signal).tolist()
            if state.knows[signal].any():
                assert insight.best_target(state, signal) == plain_best_target(state, signal)


def test_routes_over_known_ties_match_the_plain_search(scenario):
    checked = 0
    for state in played(scenario):
        for signal in np.flatnonzero(state.knows.any(axis=1)):
            for target in np.random.default_rng(state.turn).choice(state.size, 6, replace=False):
                route = insight.network_route(state, int(signal), int(target))
                assert route == plain_network_route(state, int(signal), int(target))
                checked += len(route) > 0
    assert checked > 0, "no route was ever found: the comparison would prove nothing"


def plain_may_publish(state: GameState, person: int, channel: int) -> bool:
    spec = state.scenario.channels[channel]
    if spec.kind == "team_meeting":
        return bool(state.hierarchy.manager[person] != NO_PERSON or len(state.hierarchy.reports(person)) > 0)
    if len(spec.publishers):
        return bool(np.isin(person, spec.publishers))
    return bool(state.scenario.org.spokesperson[person])


def test_who_may_ask_for_validation_or_publish_matches_the_plain_rules(scenario):
    state = rules.new_game(scenario, 0)
    everyone = np.arange(scenario.org.size)
    entitled = rules.entitled_to_validate(state, everyone)
    for person in range(scenario.org.size):
        assert (
            rules.may_request_validation(state, person)
            == entitled[person]
            == plain_may_request_validation(state, person)
        )
        for channel in range(len(scenario.channels)):
            assert rules.may_publish(state, person, channel) == plain_may_publish(state, person, channel)


# ---------------------------------------------------------------- legality


def every_candidate(state: GameState) -> list:
    """Moves of every kind for a few people, legal or not."""
    scenario = state.scenario
    moves = []
    for person in np.random.default_rng(state.turn).choice(state.size, 5, replace=False).tolist():
        boss = int(state.hierarchy.manager[person])
        contacts = scenario.network.neighbours(person)[:3].tolist()
        for s in range(len(scenario.signals)):
            moves += [Escalate(s, person), Escalate(s, person, urgent=True), Delegate(s, max(boss, 0), person)]
            moves += [RequestValidation(s, person, g) for g in range(len(scenario.gates))]
            moves += [Publish(s, person, c) for c in range(len(scenario.channels))]
            moves += [Share(s, person, c) for c in contacts] + [Share(s, person, person)]
            moves += [Post(s, person, c) for c in range(len(scenario.communities))]
        moves += [AskNetwork(person, 0), Escalate(0, scenario.org.size)]
    return moves


def fork(state: GameState) -> GameState:
    """A copy of the game that shares the (immutable) scenario and org chart."""
    return copy.deepcopy(state, {id(state.scenario): state.scenario, id(state.hierarchy): state.hierarchy})


def test_one_check_agrees_with_the_refusal_the_player_reads():
    scenario = small_crowd()
    for seed in range(2):
        for state in turns(scenario, seed, "mixed"):
            for action in every_candidate(state):
                applied = fork(state)
                try:
                    rules.apply(applied, action)
                    legal = True
                except IllegalAction as refusal:
                    legal = False
                    assert refusal.reason.get("en") and refusal.reason.get("fr")
                assert rules.is_legal(state, action) == legal
                played_once = fork(state)
                assert rules.apply_if_legal(played_once, action) == legal
                assert played_once.fingerprint() == applied.fingerprint()


# ---------------------------------------------------------------- building blocks


def random_tree(rng: np.random.Generator, n: int) -> np.ndarray:
    """A manager array: person i reports to someone before them, under a random relabelling."""
    parent = np.array([NO_PERSON] + [int(rng.integers(0, i)) for i in range(1, n)])
    label = rng.permutation(n)
    manager = np.full(n, NO_PERSON)
    manager[label[1:]] = label[parent[1:]]
    return manager


@pytest.mark.parametrize("seed", SEEDS)
def test_cached_subtree_counts_match_counting_each_subtree(seed):
    rng = np.random.default_rng(seed)
    hierarchy = build_hierarchy(random_tree(rng, 60))
    for key in range(3):
        mask = rng.random(60) < 0.3
        people = rng.choice(60, 20)
        counts = hierarchy.count_below(people, mask, key)
        assert counts.tolist() == [int(mask[hierarchy.subtree(p)].sum()) for p in people]
        assert hierarchy.count_below(people, mask, key).tolist() == counts.tolist()  # from the cache


@pytest.mark.parametrize("seed", SEEDS)
def test_lazy_availability_reads_the_numbers_of_the_eager_draw(seed):
    n = 300
    rng = np.random.default_rng(seed)
    availability = rng.random(n)
    absent_until = rng.integers(0, 6, n).astype(np.int32)
    lazy_rng, eager_rng = np.random.default_rng(seed + 100), np.random.default_rng(seed + 100)
    lazy_rng.random(7), eager_rng.random(7)  # anywhere in the stream
    available = Availability(lazy_rng, availability, absent_until, turn=3)
    eager = (absent_until <= 3) & (eager_rng.random(n) < availability)
    assert lazy_rng.bit_generator.state == eager_rng.bit_generator.state
    assert lazy_rng.random() == eager_rng.random()
    assert [available[p] for p in range(n)] == eager.tolist()
    away = int(np.flatnonzero(eager)[-1])  # not person 1, whom the test sets by hand
    available.settle(away)
    absent_until[away] = 99  # sent away during the turn: what they could do was settled when it began
    back = int(np.flatnonzero(absent_until > 3)[0])
    available.settle(back)
    absent_until[back] = 0  # an event changed their absence: they still could not act this turn
    available[1] = False
    eager[1] = False
    assert not available[back]
    assert available[away] and np.array_equal(np.asarray(available), eager)


@pytest.mark.parametrize("seed", SEEDS)
def test_learning_one_copy_matches_learning_a_copy_per_person(seed):
    scenario = small_crowd()
    rng = np.random.default_rng(seed)
    fast, plain = rules.new_game(scenario, seed), rules.new_game(scenario, seed)
    for _ in range(4):
        people = rng.choice(scenario.org.size, 12)  # repeats included
        fidelity, source = float(rng.choice([-0.2, 0.0, 0.4, 0.8, 1.3])), int(rng.integers(scenario.org.size))
        new_fast = learn(fast, 0, people, fidelity, VIA_NETWORK, source)
        new_plain = learn(plain, 0, people, np.full(len(people), fidelity), VIA_NETWORK, np.full(len(people), source))
        assert new_fast.tolist() == new_plain.tolist()
        fast.turn = plain.turn = fast.turn + 1
    for name in ("knows", "fidelity", "learned_turn", "learned_via", "learned_from", "known_skill"):
        assert np.array_equal(getattr(fast, name), getattr(plain, name)), name


def test_one_persons_ties_match_the_general_gather():
    net = small_crowd().network
    for person in range(len(net.indptr) - 1):
        edges, source = net.edges_from(np.array([person]))
        both, _ = net.edges_from(np.array([person, person]))
        assert edges.tolist() == both[: len(edges)].tolist() == list(range(net.indptr[person], net.indptr[person + 1]))
        assert edges.dtype == both.dtype == source.dtype == np.int64 and (source == person).all()


@pytest.mark.parametrize(
    "name", ["small-crowd", "tutorial", "retail-app-outage", "bank-compliance", "hopital-gardes", "industrial-group"]
)
def test_reachability_in_numpy_matches_scipys_search(name):
    scenario = small_crowd() if name == "small-crowd" else load_scenario(resolve_scenario(name))
    indptr, targets = passing_graph(scenario)
    nodes = len(indptr) - 1
    graph = csr_matrix((np.ones(len(targets), dtype=np.int8), targets, indptr), shape=(nodes, nodes))
    for start in [signal.origin for signal in scenario.signals] + list(range(0, scenario.org.size, 7)):
        expected = np.zeros(nodes, dtype=bool)
        expected[breadth_first_order(graph, start, directed=True, return_predecessors=False)] = True
        assert np.array_equal(reachable(indptr, targets, start), expected)


def test_the_exploited_signal_is_no_longer_open():
    """`open_signals` reads the settled flags all at once: check it drops a signal as `is_open` does."""
    state = rules.new_game(small_crowd(), 0)
    assert 0 in insight.open_signals(state)
    state.exploit_done[0] = state.turn
    assert 0 not in insight.open_signals(state) and state.exploit_done[0] != NOT_YET


def plain_ask_reveals(scenario: Scenario, person: int, topic: int) -> tuple[list[int], list[int], list[int]]:
    """What asking reveals, worked out from scratch: the asker's ties, ties to skilled people two steps away."""
    net, skills = scenario.network, scenario.org.skills
    edges = list(range(net.indptr[person], net.indptr[person + 1]))
    friends = [int(net.indices[e]) for e in edges]
    for friend in friends:
        edges += [e for e in range(net.indptr[friend], net.indptr[friend + 1]) if skills[net.indices[e], topic]]
    both_ways = edges + [int(derived(scenario).reverse_edge[e]) for e in edges]
    skilled = sorted({int(net.indices[e]) for e in edges} | set(friends))
    return edges, both_ways, [p for p in skilled if skills[p, topic]]


def test_what_asking_reveals_is_worked_out_once_and_matches_the_plain_search(scenario):
    for person in range(0, scenario.org.size, 5):
        for topic in range(len(scenario.tags)):
            expected = plain_ask_reveals(scenario, person, topic)
            first, again = ask_reveals(scenario, person, topic), ask_reveals(scenario, person, topic)
            assert [part.tolist() for part in first] == [list(part) for part in expected]
            assert all(a is b for a, b in zip(first, again))  # the second question is read from the cache


@given(st.lists(st.integers(0, 30), max_size=40))
def test_first_occurrences_and_distinct_counts_match_numpys_unique(values):
    values = np.array(values, dtype=np.int64)
    unique, first = np.unique(values, return_index=True)
    fast_unique, fast_first = first_occurrences(values)
    assert fast_unique.tolist() == unique.tolist() and fast_first.tolist() == first.tolist()
    assert distinct_count(values) == len(unique)


@given(st.lists(st.tuples(st.integers(0, 12), st.sampled_from([0.1, 0.3, 0.5, 0.9])), max_size=30))
def test_each_targets_best_copy_matches_sorting_then_unique(copies):
    target = np.array([t for t, _ in copies], dtype=np.int64)
    fidelity = np.array([f for _, f in copies])
    order = np.lexsort((-fidelity, target))  # the plain version: best copy first, then the first of each target
    expected_target, first = np.unique(target[order], return_index=True)
    fast_target, best = best_copies(target, fidelity)
    assert fast_target.tolist() == expected_target.tolist()
    assert best.tolist() == order[first].tolist()


def test_filling_a_text_when_read_gives_the_sentence_filled_at_once():
    template = Text.of(
        en="{person} tells {count:one=# colleague|other=# colleagues} about {signal}.",
        fr="{person} parle de {signal} à {count:one=# collègue|other=# collègues}.",
    )
    signal = Text.of(en="the outage", fr="la panne")
    for count in (0, 1, 2, 2318):
        lazy = template.format(person="Samira", count=count, signal=signal)
        eager = {
            lang: template.format(person="Samira", count=count, signal=signal.written(lang)).get(lang)
            for lang in ("en", "fr")
        }
        assert {lang: lazy.get(lang) for lang in ("en", "fr")} == eager
        assert dict(lazy.by_language) == {lang: lazy.by_language[lang] for lang in ("en", "fr")}
        assert lazy == Text(dict(lazy.by_language)) and set(lazy.by_language) == {"en", "fr"}


@pytest.mark.parametrize("seed", SEEDS)
def test_a_small_organisation_draws_availability_as_the_lazy_reader_does(seed):
    n = 300
    rng = np.random.default_rng(seed)
    availability, absent_until = rng.random(n), rng.integers(0, 6, n).astype(np.int32)
    eager_rng, lazy_rng = np.random.default_rng(seed), np.random.default_rng(seed)
    eager = draw_availability(eager_rng, availability, absent_until, turn=3)
    lazy = Availability(lazy_rng, availability, absent_until, turn=3)
    assert isinstance(eager, np.ndarray)  # 300 people are drawn at once
    assert eager.tolist() == [lazy[p] for p in range(n)]
    assert eager_rng.bit_generator.state == lazy_rng.bit_generator.state


def test_single_skill_capability_matches_the_general_check(scenario):
    state = rules.new_game(scenario, 0)
    people = np.arange(scenario.org.size)
    for signal, spec in enumerate(scenario.signals):
        skills = spec.exploit.skills
        if len(skills) == 1:
            general = state.known_skill[people[:, None], skills].all(axis=1)
            assert insight.seems_capable(state, signal, people).tolist() == general.tolist()


class CheckingMixedBot(bots.MixedBot):
    """`mixed`, checking after each of its moves that the signals it plays over are still the open ones."""

    def play_signal(self, state: GameState, signal: int) -> bool:
        played = super().play_signal(state, signal)
        assert insight.open_signals(state) == self.signals_this_turn
        return played

    def play_turn(self, state: GameState) -> None:
        self.signals_this_turn = insight.open_signals(state)
        super().play_turn(state)


def test_the_open_signals_do_not_change_while_a_bot_plays_its_turn(scenario):
    for seed in SEEDS:
        bots.play_game(scenario, seed, CheckingMixedBot(seed))


class CheckingRoutesBot(bots.MixedBot):
    """`mixed`, checking that every chain it remembers is the chain a fresh search finds now."""

    def route(self, state: GameState, signal: int, target: int) -> list[int]:
        remembered = super().route(state, signal, target)
        assert remembered == plain_network_route(state, signal, target)
        return remembered


def test_remembered_routes_are_the_routes_a_fresh_search_finds(scenario):
    remembered = 0
    for seed in SEEDS:
        bot = CheckingRoutesBot(seed)
        state = rules.new_game(scenario, seed)
        while not state.over:
            bot.play_turn(state)
            remembered += len(bot.routes)
            rules.end_turn(state)
    assert remembered > 0  # the games did look for chains of ties
