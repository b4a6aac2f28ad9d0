"""Hand-built scenarios for rule tests: small organisations written directly as model records."""

from __future__ import annotations

import numpy as np

from game.core.model import (
    NO_PERSON,
    Audience,
    Channel,
    Community,
    Competitor,
    Department,
    Event,
    Exploit,
    Network,
    Org,
    Pace,
    Reaction,
    Scenario,
    Signal,
    ValidationGate,
    Visibility,
)
from game.core.text import Text


def network_from_ties(n: int, ties: list[tuple[int, int]], weight: float = 1.0) -> Network:
    pairs = sorted({(a, b) for a, b in ties} | {(b, a) for a, b in ties})
    indptr = np.zeros(n + 1, dtype=np.int64)
    for a, _ in pairs:
        indptr[a + 1] += 1
    np.cumsum(indptr, out=indptr)
    indices = np.array([b for _, b in pairs], dtype=np.int32)
    return Network(indptr, indices, np.full(len(pairs), weight), np.ones(len(pairs), dtype=bool))


def make_signal(
    origin: int,
    *,
    skills: list[int] = (1,),  # skill_b: nobody has it unless a test gives it
    topics: list[int] = (),
    value: float = 100.0,
    decay: float = 0.0,
    virality: float = 0.0,
    distortion: float = 0.0,
    sensitivity: float = 0.0,
    genuine: bool = True,
    min_fidelity: float = 0.5,
    approval: int | None = None,
    effort: int = 1,
    appears: int = 1,
    signal_id: str = "sig",
) -> Signal:
    return Signal(
        id=signal_id,
        title=Text.of(en=signal_id, fr=signal_id),
        appears_turn=appears,
        origin=origin,
        topics=np.array(topics, dtype=np.int32),
        value=value,
        decay=decay,
        virality=virality,
        distortion=distortion,
        sensitivity=sensitivity,
        genuine=genuine,
        exploit=Exploit(np.array(skills, dtype=np.int32), min_fidelity, approval, effort),
    )


def make_scenario(
    managers: list[int],
    *,
    skills: dict[int, list[int]] | None = None,
    ties: list[tuple[int, int]] = (),
    signals: list[Signal] = (),
    departments: list[int] | None = None,
    availability: float | list[float] = 1.0,
    openness: float | list[float] = 1.0,
    scepticism: float | list[float] = 0.0,
    spokesperson: list[int] = (),
    tags: tuple[str, ...] = ("skill_a", "skill_b"),
    gates: list[ValidationGate] = (),
    channels: list[Channel] = (),
    communities: list[Community] = (),
    reactions: list[tuple[float, float]] | None = None,
    leak_gain: float = 2.0,
    events: list[Event] = (),
    turns: int = 20,
    action_points: int = 3,
    network_hidden: bool = False,
    skills_hidden: bool = False,
    pace: Pace = Pace(one_to_one=1, word_of_mouth=0.0),
) -> Scenario:
    """A scenario with people 0..n-1 whose managers are given (NO_PERSON for the root).

    By default managers meet each report every turn and nobody gossips unprompted, so a rule test sees one
    mechanic at a time; pass `pace` to test the calendar or word of mouth.
    """
    n = len(managers)
    skill_matrix = np.zeros((n, len(tags)), dtype=bool)
    for person, owned in (skills or {}).items():
        skill_matrix[person, owned] = True
    dept = np.array(departments if departments is not None else [0] * n, dtype=np.int32)
    org = Org(
        ids=tuple(f"p{i}" for i in range(n)),
        names=tuple(Text.plain(f"Person {i}") for i in range(n)),
        titles=tuple(Text.plain("Staff") for _ in range(n)),
        departments=tuple(Department(f"d{d}", Text.plain(f"Dept {d}")) for d in range(int(dept.max()) + 1)),
        department=dept,
        manager=np.array(managers, dtype=np.int32),
        skills=skill_matrix,
        availability=np.broadcast_to(np.asarray(availability, dtype=float), (n,)).copy(),
        openness=np.broadcast_to(np.asarray(openness, dtype=float), (n,)).copy(),
        scepticism=np.broadcast_to(np.asarray(scepticism, dtype=float), (n,)).copy(),
        spokesperson=np.isin(np.arange(n), spokesperson),
        generated=np.zeros(n, dtype=bool),
    )
    signals = list(signals) or [make_signal(n - 1)]
    reactions = reactions or [(100.0, 0.0)] * len(signals)
    competitor = Competitor(
        name=Text.plain("Rival"),
        style="hierarchical",
        reactions=tuple(Reaction(m, sp) for m, sp in reactions),
        leak_gain=leak_gain,
    )
    return Scenario(
        id="handmade",
        title=Text.plain("Hand-made"),
        summary=Text.plain(""),
        language="en",
        turns=turns,
        turn_unit="turn",
        action_points=action_points,
        seed=1,
        visibility=Visibility(network_hidden, skills_hidden),
        tags=tags,
        org=org,
        network=network_from_ties(n, list(ties)),
        communities=tuple(communities),
        gates=tuple(gates),
        channels=tuple(channels),
        signals=tuple(signals),
        competitor=competitor,
        events=tuple(events),
        pace=pace,
    )


def broadcast(
    audience: Audience = Audience("all"),
    *,
    every: int = 1,
    offset: int = 1,
    attention: float = 1.0,
    publishers: list[int] = (),
    validation: int = NO_PERSON,
    kind: str = "broadcast",
) -> Channel:
    return Channel(
        id=f"{kind}_{audience.kind}",
        name=Text.plain("Channel"),
        kind=kind,
        audience=audience,
        every=every,
        offset=offset,
        attention=attention,
        publishers=np.array(publishers, dtype=np.int32),
        validation=validation,
    )


def community(members: list[int], topics: list[int] = (), community_id: str = "club") -> Community:
    return Community(
        community_id,
        Text.plain(community_id),
        np.array(topics, dtype=np.int32),
        np.array(sorted(members), dtype=np.int32),
    )
