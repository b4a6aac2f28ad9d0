"""What can be wrong with a saved game or session, as a sentence in French and English.

Every reader of saves (the command line's replay and report, the window's
load screen and resume offer) raises `SaveError`, so the same file gets the
same sentence wherever it is opened: in the player's language on screen, in
English on the command line and in logs.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from game.files import FileRefused, size_text
from game.i18n import Message, Translator

MAX_DETAIL = 160  # characters of a technical detail kept in a message


@dataclass(frozen=True)
class SaveProblem(Message):
    """What is wrong with a save: a translation key (ui.save_problem.*) and the values its sentence needs."""

    @classmethod
    def of(cls, what: str, **values: object) -> SaveProblem:
        return cls(f"ui.save_problem.{what}", tuple(values.items()))


@dataclass(frozen=True)
class Words:
    """A list of choices in a sentence, read in its language: "text or a whole number" (keys ui.save_value.*).

    With `quoted`, the names are values shown as they are: "'easy', 'normal' or 'hard'".
    """

    names: tuple[str, ...]
    quoted: bool = False

    def text(self, translator: Translator) -> str:
        words = [f"'{name}'" if self.quoted else translator.tr(f"ui.save_value.{name}") for name in self.names]
        if len(words) == 1:
            return words[0]
        return ", ".join(words[:-1]) + translator.tr("ui.save_value.or") + words[-1]


class SaveError(Exception):
    """A save that cannot be loaded; `problem` says why, `reason` in English (logs), `sentence` names the file."""

    def __init__(self, path: Path, problem: SaveProblem):
        self.path = Path(path)
        self.problem = problem
        self.reason = problem.english()
        super().__init__(f"{path}: {self.reason}")

    def sentence(self, translator: Translator | None = None, full_path: bool = False) -> str:
        """One sentence for a player or a facilitator: which file (its name, or its whole path), and what is wrong."""
        translator = translator or Translator("en")
        shown = str(self.path) if full_path else self.path.name
        return translator.tr("ui.load.failed", file=shown, reason=self.problem.text(translator))


def file_problem(refused: FileRefused) -> SaveProblem:
    """Why the file itself could not be read (missing, a folder, a pipe, a device, too big...)."""
    if refused.kind == "too_big":
        return SaveProblem.of("too_big", limit=size_text(refused.limit))
    if refused.kind == "unreadable":
        return SaveProblem.of("unreadable", detail=short(refused.detail))
    return SaveProblem.of(refused.kind)


def short(value: object) -> str:
    """A technical detail cut to a length a sentence can carry."""
    text = str(value)
    return text if len(text) <= MAX_DETAIL else text[: MAX_DETAIL - 1] + "…"
