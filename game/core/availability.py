"""Who can act on their inbox this turn: one uniform draw per person, read only for the people asked about.

The rules draw one number per person at the start of each turn (present and draw < their availability).
Only the recipients of urgent requests, and the board, ever read the result, so instead of drawing n
numbers the generator jumps past them (PCG64.advance costs O(log n)) and one person's number is
recomputed from the saved generator position when asked. The numbers, and the generator's state
afterwards, are exactly those of the eager draw `rng.random(n)`: replays do not change. A small
organisation is drawn eagerly, since re-deriving one person's number costs more than drawing everyone.
"""

from __future__ import annotations

import numpy as np

EAGER_UP_TO = 2_000  # people: below this, drawing everyone costs less than re-deriving one person's draw


def draw_availability(
    rng: np.random.Generator, availability: np.ndarray, absent_until: np.ndarray, turn: int
) -> Availability | np.ndarray:
    """This turn's availability: drawn for everyone in a small organisation, lazily (same numbers) in a large one."""
    if len(availability) <= EAGER_UP_TO:
        return (absent_until <= turn) & (rng.random(len(availability)) < availability)
    return Availability(rng, availability, absent_until, turn)


class Availability:
    """bool per person, indexable like the array it stands for: `available[person]`, `np.asarray(available)`."""

    def __init__(self, rng: np.random.Generator, availability: np.ndarray, absent_until: np.ndarray, turn: int):
        self._start = rng.bit_generator.state  # where this turn's n draws begin
        rng.bit_generator.advance(len(availability))  # as if rng.random(n) had been called: doubles take one step
        self._availability = availability
        self._absent_until = absent_until  # read live: `settle` a person before their absence changes
        self._turn = turn
        self._known: dict[int, bool] = {}  # people read or set so far
        self._present: set[int] = set()  # people settled while present: later absences come after the turn began

    def __len__(self) -> int:
        return len(self._availability)

    def __getitem__(self, person: int) -> bool:
        person = int(person)
        known = self._known.get(person)
        if known is None:
            present = person in self._present or self._absent_until[person] <= self._turn
            known = self._known[person] = bool(present and self._draw(person) < self._availability[person])
        return known

    def __setitem__(self, person: int, value: bool) -> None:
        self._known[int(person)] = bool(value)

    def settle(self, person: int) -> None:
        """Keep `person`'s presence as the turn began, before an event changes their absence (draws nothing)."""
        person = int(person)
        if person in self._known:
            return
        if self._absent_until[person] > self._turn:
            self._known[person] = False
        else:
            self._present.add(person)

    def __array__(self, dtype=None, copy=None) -> np.ndarray:
        """The whole turn's array, from the same n draws."""
        generator = np.random.Generator(self._generator())
        drawn = generator.random(len(self._availability)) < self._availability
        result = (self._absent_until <= self._turn) & drawn
        for person in self._present:
            result[person] = drawn[person]
        for person, value in self._known.items():
            result[person] = value
        return result if dtype is None else result.astype(dtype)

    def _generator(self) -> np.random.PCG64:
        bit_generator = np.random.PCG64(0)  # a seed, so no entropy is gathered: the state is replaced at once
        bit_generator.state = self._start
        return bit_generator

    def _draw(self, person: int) -> float:
        bit_generator = self._generator()
        bit_generator.advance(person)
        return float(np.random.Generator(bit_generator).random())
