"""Immutable records of a loaded scenario: the organisation, its network, channels and signals.

Built by `game.scenario.loader`; read by the rules. People are rows in numpy
arrays (index = position in `Org.ids`); the informal network is a symmetric
CSR adjacency. Nothing here changes during a game: mutable facts (who knows
what, the current manager after a re-organisation) live in `GameState`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

import numpy as np

from game.core.text import Text

NO_PERSON = -1  # index used for "no manager", "no gate", ...

ChannelKind = Literal["team_meeting", "broadcast"]
AudienceKind = Literal["all", "max_level", "min_level", "department", "subtree"]
EventKind = Literal["absence", "message", "reorg"]


@dataclass(frozen=True)
class Department:
    id: str
    name: Text


@dataclass(frozen=True, eq=False)
class Org:
    """Everyone in the company, one row per person."""

    ids: tuple[str, ...]
    names: tuple[Text, ...]
    titles: tuple[Text, ...]
    departments: tuple[Department, ...]
    department: np.ndarray  # int32 (n,): index into `departments`
    manager: np.ndarray  # int32 (n,): index of the manager, NO_PERSON for the root
    skills: np.ndarray  # bool (n, len(Scenario.tags)): person has that skill
    availability: np.ndarray  # float64 (n,): chance to act on their inbox in a turn
    openness: np.ndarray  # float64 (n,): chance to relay on the network
    scepticism: np.ndarray  # float64 (n,): chance to oppose a network message
    spokesperson: np.ndarray  # bool (n,): may publish on broadcast channels by default
    generated: np.ndarray  # bool (n,): created by a `generate` block

    @property
    def size(self) -> int:
        return len(self.ids)

    def index_of(self, person_id: str) -> int:
        return self._index[person_id]

    @property
    def _index(self) -> dict[str, int]:
        cached = self.__dict__.get("_index_cache")
        if cached is None:
            cached = {pid: i for i, pid in enumerate(self.ids)}
            object.__setattr__(self, "_index_cache", cached)
        return cached


@dataclass(frozen=True, eq=False)
class Network:
    """Informal ties as a symmetric CSR adjacency (each tie stored both ways)."""

    indptr: np.ndarray  # int64 (n + 1,)
    indices: np.ndarray  # int32 (2 * ties,): neighbour of each edge
    weight: np.ndarray  # float64 (2 * ties,): tie strength in (0, 1]
    explicit: np.ndarray  # bool (2 * ties,): written in the scenario's `ties`

    def neighbours(self, person: int) -> np.ndarray:
        return self.indices[self.indptr[person] : self.indptr[person + 1]]

    def edges_from(self, people: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """All edges leaving `people`, as (edge indices, source of each edge), without a Python loop."""
        people = np.asarray(people, dtype=np.int64)
        if people.size == 1:  # one person's edges are a slice: no repeat, no cumsum
            person = int(people.reshape(-1)[0])
            start, end = int(self.indptr[person]), int(self.indptr[person + 1])
            return np.arange(start, end, dtype=np.int64), np.full(end - start, person, dtype=np.int64)
        starts = self.indptr[people]
        counts = self.indptr[people + 1] - starts
        ends = counts.cumsum()  # array methods, not np.* functions: no Python wrapper on each call
        total = int(ends[-1]) if len(ends) else 0
        edges = (starts - ends + counts).repeat(counts) + np.arange(total)
        return edges, people.repeat(counts)

    @property
    def edge_source(self) -> np.ndarray:
        """Source person of every edge (same order as `indices`)."""
        cached = self.__dict__.get("_source_cache")
        if cached is None:
            counts = np.diff(self.indptr)
            cached = np.repeat(np.arange(len(counts), dtype=np.int32), counts)
            object.__setattr__(self, "_source_cache", cached)
        return cached


@dataclass(frozen=True, eq=False)
class Community:
    id: str
    name: Text
    topics: np.ndarray  # int32: indices into Scenario.tags
    members: np.ndarray  # int32: person indices, sorted, unique


@dataclass(frozen=True)
class ValidationGate:
    id: str
    approver: int  # person who approves (a department gate resolves to its head)
    delay: int  # turns


@dataclass(frozen=True)
class Audience:
    kind: AudienceKind
    value: int = 0  # level, department index or person index, by kind


@dataclass(frozen=True, eq=False)
class Channel:
    id: str
    name: Text
    kind: ChannelKind
    audience: Audience
    every: int  # turns between two slots
    offset: int  # first turn with a slot
    attention: float  # chance that an audience member absorbs what is published
    publishers: np.ndarray  # int32: who may publish; empty = default rule of the kind
    validation: int  # index into Scenario.gates, NO_PERSON when none

    def fires_on(self, turn: int) -> bool:
        return turn >= self.offset and (turn - self.offset) % self.every == 0

    def next_slot(self, turn: int) -> int:
        """First turn >= `turn` on which the channel fires."""
        if turn <= self.offset:
            return self.offset
        return turn + (-(turn - self.offset)) % self.every


@dataclass(frozen=True, eq=False)
class Exploit:
    skills: np.ndarray  # int32: tags the exploiter must all have
    min_fidelity: float
    approval_level: int | None  # the exploiter's line manager at this level must know
    effort: int  # turns of work once the conditions hold


@dataclass(frozen=True, eq=False)
class Signal:
    id: str
    title: Text
    appears_turn: int
    origin: int
    topics: np.ndarray  # int32: indices into Scenario.tags
    value: float
    decay: float  # share of value lost per turn
    virality: float  # chance per tie and turn that a fresh holder passes it on
    distortion: float  # fidelity lost per network hop
    sensitivity: float  # chance per network share that it leaks to the competitor
    genuine: bool
    exploit: Exploit


@dataclass(frozen=True)
class Reaction:
    mean: float  # turns from appearance to the rival's exploitation
    spread: float  # standard deviation, turns


@dataclass(frozen=True)
class Competitor:
    name: Text
    style: str
    reactions: tuple[Reaction, ...]  # one per signal, defaults filled from the style
    leak_gain: float  # turns the rival gains per leak


@dataclass(frozen=True)
class Event:
    turn: int
    kind: EventKind
    text: Text
    person: int = NO_PERSON
    duration: int = 0  # absence length, turns
    new_manager: int = NO_PERSON  # reorg target


@dataclass(frozen=True)
class Pace:
    """How fast the line and the grapevine move without being pushed."""

    one_to_one: int = 3  # turns between a manager's one-to-ones with each report; 0 = none
    urgent_cost: int = 2  # action points an urgent escalation or delegation costs (it skips the calendar)
    word_of_mouth: float = 0.1  # chance per turn that a holder brings a signal up unprompted (× openness)

    def one_to_one_slot(self, report: int, turn: int) -> int | None:
        """First turn >= `turn` of `report`'s one-to-one with their manager (staggered by person), or None."""
        if self.one_to_one <= 0:
            return None
        offset = 1 + report % self.one_to_one
        return offset if turn <= offset else turn + (-(turn - offset)) % self.one_to_one


@dataclass(frozen=True)
class Visibility:
    network_hidden: bool = False
    skills_hidden: bool = False


@dataclass(frozen=True, eq=False)
class Scenario:
    """A whole scenario, ready for `rules.new_game`."""

    id: str
    title: Text
    summary: Text
    language: str
    turns: int
    turn_unit: str
    action_points: int
    seed: int
    visibility: Visibility
    tags: tuple[str, ...]  # skills and topics share one vocabulary
    org: Org
    network: Network
    communities: tuple[Community, ...]
    gates: tuple[ValidationGate, ...]
    channels: tuple[Channel, ...]
    signals: tuple[Signal, ...]
    competitor: Competitor
    events: tuple[Event, ...]
    pace: Pace = Pace()
    tag_labels: tuple[Text, ...] = ()  # name of each tag in each language (from the file's `labels`)
    source: str = ""  # path or shipped id it was loaded from (for saves)
    digest: str = ""  # hash of the file's bytes, so a save detects an edited scenario
    extras: dict = field(default_factory=dict)  # optional texts (objectives, debrief questions)

    def tag_index(self, tag: str) -> int:
        return self.tags.index(tag)

    def tag_label(self, tag: int) -> Text:
        """A skill or topic as players read it: its label, else the tag with spaces ("mobile app")."""
        if tag < len(self.tag_labels):
            return self.tag_labels[tag]
        return Text.plain(self.tags[tag].replace("_", " "), self.language)

    def signal_index(self, signal_id: str) -> int:
        for i, signal in enumerate(self.signals):
            if signal.id == signal_id:
                return i
        raise KeyError(signal_id)
