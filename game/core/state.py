"""GameState: everything that changes during one team's game, as numpy arrays plus a few queues.

One state per team; the scenario is shared and immutable. Rows of the
(signal, person) arrays are signals, columns are people.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

import numpy as np

from game.core.actions import Action
from game.core.availability import Availability
from game.core.hierarchy import Hierarchy
from game.core.model import NO_PERSON, Scenario
from game.core.text import Text

# How someone learned a signal (values of GameState.learned_via).
VIA_NONE = 0
VIA_ORIGIN = 1
VIA_HIERARCHY = 2  # escalated, delegated or validated
VIA_CHANNEL = 3  # official channel
VIA_NETWORK = 4  # told by a contact, a community post or spontaneous relay
NOT_YET = -1  # turn value for "never"


@dataclass
class Message:
    """A signal travelling one step along the hierarchy, waiting for the next occasion the two share."""

    signal: int
    sender: int
    recipient: int
    fidelity: float
    sent_turn: int
    due: int  # turn of the occasion that carries it (urgent: the turn it was sent)
    urgent: bool = False  # skips the calendar: arrives as soon as the recipient is available


@dataclass
class PendingValidation:
    signal: int
    requester: int
    gate: int
    done_turn: int


@dataclass
class Publication:
    signal: int
    publisher: int
    channel: int
    fidelity: float
    slot: int  # turn the channel will carry it


@dataclass
class NetworkMove:
    """A share (to one contact) or a post (to a community) made by the team this turn."""

    signal: int
    sender: int
    targets: np.ndarray  # int32 people
    reach: float  # chance each target picks it up
    fidelity: float


@dataclass
class LogEntry:
    """One line of the game's story: a sentence for players plus structured facts for the debrief."""

    turn: int
    text: Text
    signal: int = -1
    person: int = -1
    kind: str = ""  # appears, arrives, shelved, validated, exposed, channel, network, opposed, leak, work, exploited, rival, event, ask
    count: int = 0  # people reached (channel, network, opposed), leaks, or turns a hierarchy message waited (arrives)


@dataclass
class GameState:
    scenario: Scenario
    seed: int
    difficulty: str  # the rival's pace: a key of competitor.DIFFICULTY
    rng: np.random.Generator
    hierarchy: Hierarchy
    turn: int
    action_points: int
    over: bool
    absent_until: np.ndarray  # int32 (n,): first turn the person is back
    available: Availability | np.ndarray  # bool per person: can act on their inbox this turn (an array before turn 1)
    knows: np.ndarray  # bool (S, n)
    fidelity: np.ndarray  # float64 (S, n): 0 where unknown
    learned_turn: np.ndarray  # int32 (S, n), NOT_YET where unknown
    learned_via: np.ndarray  # int8 (S, n), VIA_*
    learned_from: np.ndarray  # int32 (S, n): who told them, -1 for none
    opposed: np.ndarray  # bool (S, n): rejected it on the network, will not take it again that way
    spreading: np.ndarray  # bool (S, n): heard it on the network last turn, may relay now
    lead: np.ndarray  # bool (S, n): the team knows this person's subtree holds a capable exploiter
    known_skill: np.ndarray  # bool (n, tags)
    known_edge: np.ndarray  # bool (edges,)
    validated: np.ndarray  # bool (S,)
    exposed: np.ndarray  # bool (S,): a rumour shown up by validation
    faded: np.ndarray  # bool (S,): a rumour the rival looked into and dropped: nobody acts on it any more
    exploiter: np.ndarray  # int32 (S,): who works on it, -1
    exploit_fidelity: np.ndarray  # float64 (S,)
    exploit_started: np.ndarray  # int32 (S,)
    exploit_done: np.ndarray  # int32 (S,): turn the team exploited it, NOT_YET
    competitor_due: np.ndarray  # float64 (S,): turn the rival moves (exploits a signal, drops a rumour)
    rival_gain: np.ndarray  # float64 (S,): turns the rival gained from news the team saw (leaks, announcements)
    competitor_done: np.ndarray  # int32 (S,): turn the rival exploited it, NOT_YET
    leaks: np.ndarray  # int32 (S,)
    inbox: list[Message] = field(default_factory=list)
    validations: list[PendingValidation] = field(default_factory=list)
    publications: list[Publication] = field(default_factory=list)
    network_moves: list[NetworkMove] = field(default_factory=list)
    posted: set[tuple[int, int]] = field(default_factory=set)  # (signal, community) already posted
    log: list[LogEntry] = field(default_factory=list)
    actions: list[Action] = field(default_factory=list)  # every applied action, EndTurn included
    min_action_points: int = 0  # lowest action points ever seen (an invariant check)
    ended_turn: int | None = None  # last turn played when the game was ended early (rules.end_early), else None

    @property
    def size(self) -> int:
        return self.scenario.org.size

    def holders(self, signal: int) -> np.ndarray:
        """Everyone who knows the signal, sorted."""
        return self.knows[signal].nonzero()[0]

    def is_open(self, signal: int) -> bool:
        """Still in play: not exploited by the team, not exposed, not faded."""
        return bool(self.exploit_done[signal] == NOT_YET and not self.exposed[signal] and not self.faded[signal])

    def out_of_play(self) -> np.ndarray:
        """bool (S,): exploited by the team, exposed or faded (`not is_open`, for every signal at once)."""
        return (self.exploit_done != NOT_YET) | self.exposed | self.faded

    def in_play_known(self) -> np.ndarray:
        """Signals still in play that someone knows, as indices."""
        return (self.knows.any(axis=1) & ~self.out_of_play()).nonzero()[0]

    def abandon(self, signal: int) -> None:
        """A rumour shown up or faded: it stops spreading and any unfinished work on it stops."""
        self.spreading[signal] = False
        if self.exploit_done[signal] == NOT_YET:
            self.exploiter[signal] = NO_PERSON
            self.exploit_started[signal] = NOT_YET

    def is_absent(self, person: int) -> bool:
        return bool(self.absent_until[person] > self.turn)

    def fingerprint(self) -> str:
        """A hash of everything that matters, to check that two games are identical."""
        digest = hashlib.sha256()
        for array in (
            self.knows,
            self.fidelity,
            self.learned_turn,
            self.learned_via,
            self.hierarchy.manager,
            self.exploit_done,
            self.competitor_done,
            self.competitor_due,
            self.leaks,
            self.exposed,
            self.faded,
            self.known_edge,
            self.known_skill,
        ):
            digest.update(np.ascontiguousarray(array).tobytes())
        digest.update(f"{self.turn}|{self.action_points}|{self.over}".encode())
        digest.update(repr(self.rng.bit_generator.state).encode())
        return digest.hexdigest()
