"""Tests of `game.scenario.generate`: generated staff and informal networks."""

from __future__ import annotations

from collections import Counter

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game.core.model import Network
from game.core.text import Text
from game.scenario.generate import (
    TEAM_LEADER_TITLE,
    GeneratedPerson,
    build_network,
    generate_people,
)

STAFF = Text({"en": "Store staff", "fr": "Vendeur"})


def people(seed: int = 0, **overrides) -> list[GeneratedPerson]:
    args = {
        "under": "boss",
        "count": 40,
        "span": None,
        "department": "stores",
        "title": STAFF,
        "skill_shares": {},
        "id_prefix": "st",
        "taken_ids": {"boss"},
        "rng": np.random.default_rng(seed),
    }
    args.update(overrides)
    return generate_people(**args)


def network(seed: int = 0, **overrides) -> Network:
    args = {
        "model": "small_world",
        "department": np.repeat(np.arange(10), 100),
        "mean_degree": 6,
        "rewire": 0.1,
        "homophily": 0.75,
        "explicit_ties": [],
        "rng": np.random.default_rng(seed),
    }
    args.update(overrides)
    return build_network(**args)


def depth_below(person: str, manager: dict[str, str], root: str) -> int:
    depth = 0
    while person != root:
        person = manager[person]
        depth += 1
    return depth


def expected_depth(count: int, span: int) -> int:
    """Smallest d with span ** d >= count (at least 1)."""
    depth = 1
    while span**depth < count:
        depth += 1
    return depth


def tie_set(net: Network) -> set[tuple[int, int]]:
    src = net.edge_source
    return {(int(a), int(b)) for a, b in zip(src, net.indices) if a < b}


def assert_valid(net: Network, n: int) -> None:
    assert net.indptr.dtype == np.int64 and net.indptr.shape == (n + 1,)
    assert net.indices.dtype == np.int32
    assert net.weight.dtype == np.float64 and net.explicit.dtype == bool
    assert net.indptr[0] == 0 and net.indptr[-1] == len(net.indices)
    assert len(net.weight) == len(net.explicit) == len(net.indices)
    assert np.all((net.weight > 0) & (net.weight <= 1))
    src = net.edge_source.astype(np.int64)
    dst = net.indices.astype(np.int64)
    assert np.all((dst >= 0) & (dst < n))
    assert not np.any(src == dst), "self-loop"
    keys = src * n + dst
    assert np.all(np.diff(keys) > 0), "rows not sorted or duplicate edge"
    mirror = np.searchsorted(keys, dst * n + src)
    assert np.all(keys[np.minimum(mirror, len(keys) - 1)] == dst * n + src), "not symmetric"
    assert np.array_equal(net.weight[mirror], net.weight)
    assert np.array_equal(net.explicit[mirror], net.explicit)


def in_department_share(net: Network, dept: np.ndarray) -> float:
    generated = ~net.explicit
    return float(np.mean(dept[net.edge_source[generated]] == dept[net.indices[generated]]))


# ----------------------------------------------------------------- people


def test_flat_block_reports_directly() -> None:
    block = people(count=14)
    assert len(block) == 14
    assert {p.manager for p in block} == {"boss"}
    assert [p.id for p in block] == [f"st{k}" for k in range(1, 15)]
    assert all(p.title == STAFF and p.department == "stores" for p in block)


@pytest.mark.parametrize(
    ("count", "span"),
    [(1, 8), (8, 8), (9, 8), (40, 8), (64, 8), (65, 8), (1000, 8), (777, 3)],
)
def test_span_respected_and_tree_balanced(count: int, span: int) -> None:
    block = people(count=count, span=span)
    staff = [p for p in block if p.title == STAFF]
    leaders = [p for p in block if p.title == TEAM_LEADER_TITLE]
    assert len(staff) == count
    reports = Counter(p.manager for p in block)
    assert max(reports.values()) <= span
    manager = {p.id: p.manager for p in block}
    depths = {depth_below(p.id, manager, "boss") for p in staff}
    assert depths == {expected_depth(count, span)}
    assert all(reports[p.id] >= 1 for p in leaders), "leader without reports"
    assert all(p.skills == () and p.department == "stores" for p in leaders)


def test_managers_come_before_their_reports() -> None:
    seen = {"boss"}
    for p in people(count=500, span=4):
        assert p.manager in seen
        seen.add(p.id)


def test_large_block_depth_grows_like_log_span() -> None:
    block = people(count=100_000, span=8)
    manager = {p.id: p.manager for p in block}
    assert depth_below(block[-1].id, manager, "boss") == 6  # 8**5 < 100,000 <= 8**6
    assert max(Counter(manager.values()).values()) <= 8


def test_ids_unique_and_skip_taken() -> None:
    taken = {"boss", "st2", "st5", "stlead1"}
    before = set(taken)
    block = people(count=30, span=4, taken_ids=taken)
    ids = [p.id for p in block]
    assert len(set(ids)) == len(ids)
    assert not set(ids) & before
    assert taken == before | set(ids)
    assert "st1" in ids and "st3" in ids and "stlead2" in ids
    again = people(count=5, taken_ids=taken)
    assert not {p.id for p in again} & set(ids)


def test_skill_shares_within_tolerance() -> None:
    shares = {"customer": 0.5, "payments": 0.1, "never": 0.0, "always": 1.0}
    block = people(count=20_000, skill_shares=shares)
    for skill, share in shares.items():
        measured = sum(skill in p.skills for p in block) / len(block)
        assert abs(measured - share) < 0.015, skill
    assert all(p.skills == tuple(s for s in shares if s in p.skills) for p in block[:200])


def test_names_look_like_names() -> None:
    names = [p.name for p in people(count=300)]
    assert all(len(n.split(" ")) == 2 for n in names)
    assert len(set(names)) > 100


def test_same_seed_same_people_different_seed_different() -> None:
    kwargs = {"count": 200, "span": 6, "skill_shares": {"a": 0.4}}
    assert people(seed=3, **kwargs) == people(seed=3, **kwargs)
    assert people(seed=3, **kwargs) != people(seed=4, **kwargs)


def test_empty_block() -> None:
    assert people(count=0, span=3) == []


@pytest.mark.parametrize("overrides", [{"span": 1}, {"count": -1}, {"skill_shares": {"a": 1.5}}])
def test_people_rejects_bad_arguments(overrides: dict) -> None:
    with pytest.raises(ValueError):
        people(**overrides)


# ---------------------------------------------------------------- network


@pytest.mark.parametrize("model", ["small_world", "scale_free"])
def test_network_is_valid_with_target_mean_degree(model: str) -> None:
    n = 5000
    dept = np.random.default_rng(9).integers(0, 12, size=n)
    net = network(model=model, department=dept, mean_degree=10)
    assert_valid(net, n)
    mean = len(net.indices) / n
    assert abs(mean - 10) < 0.5
    generated = net.weight[~net.explicit]
    assert generated.min() >= 0.3 and generated.max() <= 1.0


@pytest.mark.parametrize("model", ["small_world", "scale_free"])
@pytest.mark.parametrize("homophily", [0.0, 0.3, 0.75, 1.0])
def test_homophily_share_tracks_target(model: str, homophily: float) -> None:
    n = 20_000
    dept = np.random.default_rng(1).integers(0, 20, size=n)
    net = network(model=model, department=dept, mean_degree=8, homophily=homophily)
    assert abs(in_department_share(net, dept) - homophily) < 0.02


def test_small_world_without_rewiring_is_a_ring_lattice() -> None:
    net = network(department=np.zeros(50, int), mean_degree=4, rewire=0.0, homophily=1.0)
    assert np.all(np.diff(net.indptr) == 4)
    assert set(net.neighbours(0).tolist()) == {1, 2, 48, 49}


def test_small_world_mean_degree_rounds_to_even() -> None:
    net = network(department=np.zeros(100, int), mean_degree=5, rewire=0.0, homophily=1.0)
    assert np.all(np.diff(net.indptr) == 6)


def test_scale_free_degree_is_heavy_tailed() -> None:
    n = 20_000
    net = network(model="scale_free", department=np.arange(n) % 10, mean_degree=6)
    degree = np.diff(net.indptr)
    assert degree.max() > 15 * degree.mean()
    assert degree.min() >= 1


def test_explicit_ties_present_marked_and_override_generated() -> None:
    base = network(seed=5)
    a, b = min(tie_set(base))
    ties = [(a, b, 0.05), (3, 700, 0.9), (700, 3, 0.4)]
    net = network(seed=5, explicit_ties=ties)
    assert_valid(net, 1000)
    assert tie_set(net) == tie_set(base) | {(3, 700)}
    row = net.neighbours(a).tolist()
    assert row.count(b) == 1
    edge = net.indptr[a] + row.index(b)
    assert net.explicit[edge] and net.weight[edge] == 0.05
    edge = net.indptr[3] + net.neighbours(3).tolist().index(700)
    assert net.explicit[edge] and net.weight[edge] == 0.4  # last copy wins
    assert int(net.explicit.sum()) == 4


def test_none_model_has_exactly_the_explicit_ties() -> None:
    ties = [(0, 1, 0.5), (2, 1, 1.0), (4, 3, 0.7)]
    net = network(model="none", department=np.zeros(6, int), explicit_ties=ties)
    assert_valid(net, 6)
    assert tie_set(net) == {(0, 1), (1, 2), (3, 4)}
    assert net.explicit.all()
    empty = network(model="none", department=np.zeros(6, int))
    assert len(empty.indices) == 0 and np.all(empty.indptr == 0)


@pytest.mark.parametrize("model", ["small_world", "scale_free"])
def test_network_same_seed_same_result_different_seed_different(model: str) -> None:
    one, two, other = (
        network(3, model=model),
        network(3, model=model),
        network(4, model=model),
    )
    assert np.array_equal(one.indices, two.indices) and np.array_equal(one.weight, two.weight)
    assert tie_set(one) != tie_set(other)


def test_department_codes_need_not_be_contiguous() -> None:
    dept = np.array([7, 7, 7, 100, 100, 100, -3, -3] * 50)
    net = network(department=dept, homophily=0.5)
    assert_valid(net, len(dept))


@pytest.mark.parametrize(
    "overrides",
    [
        {"model": "random"},
        {"homophily": 1.2},
        {"rewire": -0.1},
        {"mean_degree": -1},
        {"explicit_ties": [(1, 1, 0.5)]},
        {"explicit_ties": [(0, 1000, 0.5)]},
        {"explicit_ties": [(0, 1, 0.0)]},
    ],
)
def test_network_rejects_bad_arguments(overrides: dict) -> None:
    with pytest.raises(ValueError):
        network(**overrides)


@settings(max_examples=150, deadline=None)
@given(
    n=st.integers(1, 30),
    departments=st.integers(1, 6),
    model=st.sampled_from(["none", "small_world", "scale_free"]),
    mean_degree=st.floats(0, 12),
    rewire=st.floats(0, 1),
    homophily=st.floats(0, 1),
    seed=st.integers(0, 2**32 - 1),
    data=st.data(),
)
def test_small_orgs_never_crash(
    n: int,
    departments: int,
    model: str,
    mean_degree: float,
    rewire: float,
    homophily: float,
    seed: int,
    data: st.DataObject,
) -> None:
    dept = np.array(data.draw(st.lists(st.integers(0, departments - 1), min_size=n, max_size=n)))
    pairs = st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)).filter(lambda p: p[0] != p[1])
    ties = [(a, b, 0.5) for a, b in data.draw(st.lists(pairs, max_size=5))] if n > 1 else []
    net = build_network(
        model=model,
        department=dept,
        mean_degree=mean_degree,
        rewire=rewire,
        homophily=homophily,
        explicit_ties=ties,
        rng=np.random.default_rng(seed),
    )
    assert_valid(net, n)
    explicit = {(min(a, b), max(a, b)) for a, b, _ in ties}
    src = net.edge_source
    marked = {(int(a), int(b)) for a, b in zip(src[net.explicit], net.indices[net.explicit])}
    assert {(a, b) for a, b in marked if a < b} == explicit
