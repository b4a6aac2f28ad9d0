"""How a signal moves: one step of the hierarchy, the official channels and the network per turn.

Everything per person is vectorised: the network step gathers the CSR edges of
the people relaying, channels select their audience as masks or pre-order
slices. Python loops run over messages and publications, never over people.
"""

from __future__ import annotations

import numpy as np

from game.core import phrases
from game.core.audience import broadcast_audience
from game.core.calendar import next_occasion
from game.core.competitor import rival_gains
from game.core.derived import derived
from game.core.model import Channel
from game.core.sets import distinct_count, run_starts
from game.core.state import (
    VIA_CHANNEL,
    VIA_HIERARCHY,
    VIA_NETWORK,
    GameState,
    LogEntry,
)
from game.core.text import Text

HIERARCHY_FIDELITY_LOSS = 0.02  # fidelity lost per hierarchical hop (reworded, summarised)
SHELVE_FACTOR = 0.5  # chance a manager shelves what arrives = this × their scepticism
OPPOSE_FACTOR = 1.0  # chance a contact dismisses an unvalidated message = this × their scepticism
ENRICH = 0.05  # fidelity an expert adds when they relay
TOPIC_BOOST = 1.0  # relay chance is multiplied by (1 + this) toward people interested in the topics


def learn(
    state: GameState,
    signal: int,
    people: np.ndarray,
    fidelity: np.ndarray | float,
    via: int,
    source: np.ndarray | int,
) -> np.ndarray:
    """People hear of a signal (unless their copy is garbled to nothing); knowers keep the better copy.

    Returns the newcomers.
    """
    people = np.asarray(people, dtype=np.int64)
    # One copy from one source needs no per-person arrays.
    single = not isinstance(fidelity, np.ndarray) and not isinstance(source, np.ndarray)
    if single:
        fidelity = min(max(float(fidelity), 0.0), 1.0)
        if fidelity <= 0.0:  # a copy distorted beyond recognition carries nothing
            return people[:0]
    else:
        fidelity = _per_person(fidelity, people, float)
        source = _per_person(source, people, np.int32)
        legible = fidelity > 0.0
        people, source = people[legible], source[legible]
        fidelity = np.minimum(fidelity[legible], 1.0)  # legible copies are above 0: only the top needs clipping
    held = state.fidelity[signal]  # rows as views: 1-D scatters are about twice as fast as 2-D ones
    better = fidelity > held[people]
    held[people[better]] = fidelity if single else fidelity[better]
    knows = state.knows[signal]
    new = ~knows[people]
    newcomers = people[new]
    if len(newcomers) == 0:
        return newcomers
    state.learned_from[signal][newcomers] = source if single else source[new]
    knows[newcomers] = True
    state.learned_turn[signal][newcomers] = state.turn
    state.learned_via[signal][newcomers] = via
    if state.scenario.visibility.skills_hidden:
        state.known_skill[newcomers] = state.scenario.org.skills[newcomers]
    return newcomers


def _per_person(values: np.ndarray | float, people: np.ndarray, dtype: type) -> np.ndarray:
    """`values` as an array with one entry per person (one value is repeated)."""
    values = np.asarray(values, dtype=dtype)
    return values if values.shape == people.shape else np.broadcast_to(values, people.shape)


def reveal_team(state: GameState, signal: int, manager: int) -> None:
    """A manager who receives a signal officially knows what their team can do about it."""
    hierarchy = state.hierarchy
    reports = hierarchy.reports(manager)
    if state.scenario.visibility.skills_hidden:
        state.known_skill[reports] = state.scenario.org.skills[reports]
    capable = derived(state.scenario).capable[signal]
    state.lead[signal, reports] = hierarchy.count_below(reports, capable, ("capable", signal)) > 0


def deliver_messages(state: GameState) -> None:
    """Hierarchy messages reach their recipients at the occasion they wait for; some managers shelve them.

    A scheduled message needs its recipient present at the occasion, else it waits for the next one; an
    urgent one arrives as soon as the recipient is available.
    """
    org = state.scenario.org
    waiting = []
    for message in state.inbox:
        recipient = message.recipient
        if message.due > state.turn or (message.urgent and not state.available[recipient]):
            waiting.append(message)
            continue
        entry = dict(signal=state.scenario.signals[message.signal].title, person=org.names[recipient])
        if not message.urgent and state.is_absent(recipient):
            back = max(state.turn + 1, int(state.absent_until[recipient]))
            message.due = next_occasion(state.scenario, state.hierarchy, message.sender, recipient, back).turn
            state.log.append(
                LogEntry(
                    state.turn,
                    phrases.POSTPONED.format(sender=org.names[message.sender], turn=message.due, **entry),
                    message.signal,
                    recipient,
                    kind="postponed",
                )
            )
            waiting.append(message)
            continue
        if state.rng.random() < SHELVE_FACTOR * org.scepticism[recipient]:
            state.log.append(
                LogEntry(state.turn, phrases.SHELVED.format(**entry), message.signal, recipient, kind="shelved")
            )
            continue
        learn(state, message.signal, np.array([recipient]), message.fidelity, VIA_HIERARCHY, message.sender)
        reveal_team(state, message.signal, recipient)
        phrase = phrases.ARRIVES_URGENT if message.urgent else phrases.ARRIVES
        text = phrase.format(sender=org.names[message.sender], **entry)
        waited = state.turn - message.sent_turn  # turns the calendar held it: the debrief's "when"
        state.log.append(LogEntry(state.turn, text, message.signal, recipient, kind="arrives", count=waited))
    state.inbox = waiting


def audience(state: GameState, channel: Channel, publisher: int) -> np.ndarray:
    """Who a channel reaches now (the org chart may have changed)."""
    hierarchy = state.hierarchy
    if channel.kind == "team_meeting":
        boss = int(hierarchy.manager[publisher])
        parts = [hierarchy.reports(publisher)]
        if boss >= 0:
            parts += [np.array([boss]), hierarchy.reports(boss)]
        people = np.unique(np.concatenate(parts))
        return people[people != publisher]
    return broadcast_audience(channel.audience, state.scenario.org, hierarchy)


def fire_channels(state: GameState) -> None:
    """Publications whose slot is this turn reach the present audience, filtered by attention."""
    remaining = []
    for pub in state.publications:
        if pub.slot != state.turn:
            remaining.append(pub)
            continue
        channel = state.scenario.channels[pub.channel]
        people = audience(state, channel, pub.publisher)
        people = people[state.absent_until[people] <= state.turn]
        absorbed = people[state.rng.random(len(people)) < channel.attention]
        learn(state, pub.signal, absorbed, pub.fidelity, VIA_CHANNEL, pub.publisher)
        text = phrases.CHANNEL_FIRED.format(
            channel=channel.name, signal=state.scenario.signals[pub.signal].title, count=len(absorbed)
        )
        state.log.append(LogEntry(state.turn, text, pub.signal, pub.publisher, kind="channel", count=len(absorbed)))
    state.publications = remaining


def _talkers(state: GameState, signal: int) -> np.ndarray:
    """Present people who pass the signal on by themselves this turn, as person indices.

    Those who heard it on the network last turn relay it; anyone else who knows may bring it up unprompted
    (word of mouth, the scenario's chance × their openness).
    """
    holders = state.holders(signal)
    holders = holders[state.absent_until[holders] <= state.turn]
    talks = state.spreading[signal, holders]
    if state.scenario.pace.word_of_mouth > 0:
        chatter = state.scenario.pace.word_of_mouth * state.scenario.org.openness[holders]
        talks |= state.rng.random(len(holders)) < chatter
    return holders[talks]


Hops = tuple[np.ndarray, np.ndarray, np.ndarray]  # (source, target, fidelity) of each copy passed on


def _relay_hops(state: GameState, signal: int) -> Hops | None:
    """Copies this turn's talkers pass on spontaneously (the team sees the ties they used), or None."""
    scenario, net = state.scenario, state.scenario.network
    relays = _talkers(state, signal)
    if len(relays) == 0:
        return None
    edges, source = net.edges_from(relays)
    target = net.indices[edges].astype(np.int64)
    interested = derived(scenario).affinity[signal, target]
    chance = scenario.signals[signal].virality * scenario.org.openness[source] * net.weight[edges]
    chance *= 1.0 + TOPIC_BOOST * interested
    hit = (state.rng.random(len(edges)) < chance).nonzero()[0]
    if len(hit) == 0:
        return None
    if scenario.visibility.network_hidden:
        state.known_edge[derived(scenario).both_ways(edges[hit])] = True
    source = source[hit]
    return source, target[hit], state.fidelity[signal, source]


def _team_hops(state: GameState, signal: int) -> Hops | None:
    """Copies from the shares and posts the team made this turn that reach someone, or None when it made none."""
    moves = [m for m in state.network_moves if m.signal == signal]
    if not moves:
        return None
    sources, targets, fidelity = [], [], []
    for move in moves:
        picked = move.targets[state.rng.random(len(move.targets)) < move.reach]
        sources.append(np.full(len(picked), move.sender))
        targets.append(picked)
        fidelity.append(np.full(len(picked), move.fidelity))
    return np.concatenate(sources), np.concatenate(targets).astype(np.int64), np.concatenate(fidelity)


def spread_network(state: GameState) -> None:
    """One network step for every signal: team moves plus spontaneous relays; distort, oppose, leak."""
    fresh = np.zeros(state.spreading.shape, dtype=bool)  # calloc: only the pages written are ever touched
    for s in state.in_play_known().tolist():
        hops = [h for h in (_team_hops(state, s), _relay_hops(state, s)) if h is not None]  # draws in this order
        if hops:
            source, target, fidelity = hops[0] if len(hops) == 1 else (np.concatenate(h) for h in zip(*hops))
            newcomers = _pass_on(state, s, source, target, fidelity)
            fresh[s, newcomers] = True
    state.spreading = fresh
    state.network_moves = []


def _pass_on(state: GameState, s: int, source: np.ndarray, target: np.ndarray, fidelity: np.ndarray) -> np.ndarray:
    """Copies reach their targets: senders may leak, the closed refuse, each hop distorts; returns the newcomers."""
    scenario = state.scenario
    signal = scenario.signals[s]
    _leak(state, s, distinct_count(source))
    open_minded = ~state.knows[s, target] & ~state.opposed[s, target]
    open_minded &= state.absent_until[target] <= state.turn
    open_minded = open_minded.nonzero()[0]
    if len(open_minded) == 0:  # nobody left to draw for: the draws below would be empty
        return open_minded
    source, target, fidelity = source[open_minded], target[open_minded], fidelity[open_minded]
    if not state.validated[s]:
        dismissed = state.rng.random(len(target)) < OPPOSE_FACTOR * scenario.org.scepticism[target]
        refused = target[dismissed]
        if len(refused):
            _log_count(state, s, phrases.OPPOSED, distinct_count(refused), int(refused.min()), "opposed")
        state.opposed[s, refused] = True
        kept = ~dismissed
        source, target, fidelity = source[kept], target[kept], fidelity[kept]
    fidelity = fidelity - hop_distortion(state, signal.distortion, len(target))
    fidelity += ENRICH * derived(scenario).expert[s, source]
    target, best = best_copies(target, fidelity)
    newcomers = learn(state, s, target, fidelity[best], VIA_NETWORK, source[best])
    if len(newcomers):
        _log_count(state, s, phrases.NETWORK_SPREAD, len(newcomers), int(newcomers[0]), "network")
    return newcomers


def best_copies(target: np.ndarray, fidelity: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each target once, sorted, with the index of its best copy (the first one among equals)."""
    if len(target) < 2:
        return target, np.arange(len(target))
    order = np.lexsort((-fidelity, target))
    ordered = target[order]
    first = run_starts(ordered)
    return ordered[first], order[first]


def hop_distortion(state: GameState, distortion: float, hops: int) -> np.ndarray:
    """Fidelity each informal hop loses: anywhere from nothing to twice the signal's `distortion` (mean: it)."""
    return state.rng.uniform(0.0, 2.0 * distortion, hops)


def _leak(state: GameState, signal: int, senders: int) -> None:
    """Each of the `senders` people passing the signal on over the network may leak it to the rival."""
    sensitivity = state.scenario.signals[signal].sensitivity
    leaks = int(np.count_nonzero(state.rng.random(senders) < sensitivity))
    if leaks == 0:
        return
    state.leaks[signal] += leaks
    rival_gains(state, signal, leaks * state.scenario.competitor.leak_gain)
    text = phrases.LEAKED.format(signal=state.scenario.signals[signal].title, rival=state.scenario.competitor.name)
    state.log.append(LogEntry(state.turn, text, signal, kind="leak", count=leaks))


def _log_count(state: GameState, signal: int, phrase: Text, count: int, first: int, kind: str) -> None:
    """Log how many people something happened to; `first` (the lowest index among them) stands for them."""
    text = phrase.format(signal=state.scenario.signals[signal].title, count=count)
    state.log.append(LogEntry(state.turn, text, signal, first, kind=kind, count=count))
