"""The engine's two domain exceptions: an illegal move and a bad scenario."""

from __future__ import annotations

from dataclasses import dataclass

from game.core.text import Text


class IllegalAction(Exception):
    """An action the rules refuse; `reason` is a sentence for the player."""

    def __init__(self, reason: Text | str):
        self.reason = reason if isinstance(reason, Text) else Text.plain(reason)
        super().__init__(self.reason.get("en"))


@dataclass(frozen=True)
class Problem:
    """One located problem in a scenario file."""

    file: str
    line: int  # 1-based; 0 when the problem has no position (e.g. unreadable file)
    column: int  # 1-based
    where: str  # dotted path of the key, e.g. "organization.people[3].manager"
    message: str  # what is wrong, and how to fix it
    warning: bool = False  # warnings do not make the file invalid

    def __str__(self) -> str:
        kind = "warning: " if self.warning else ""
        where = f"{self.where}: " if self.where else ""
        return f"{self.file}:{self.line}:{self.column}: {kind}{where}{self.message}"


class ScenarioError(Exception):
    """A scenario that cannot be loaded, with every problem found."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems, key=lambda p: (p.file, p.line, p.column))
        super().__init__("\n".join(str(p) for p in self.problems))
