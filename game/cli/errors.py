"""The one exception the command line turns into a sentence and an exit code."""

from __future__ import annotations

EXIT_OK = 0
EXIT_PROBLEM = 1  # the command ran into a problem (bad file, bad save, ...)
EXIT_USAGE = 2  # the command line itself is wrong


class CommandFailed(Exception):
    """A failure the user must read: `sentence` is one clear sentence, `code` the exit code."""

    def __init__(self, sentence: str, code: int = EXIT_PROBLEM, details: list[str] | None = None):
        super().__init__(sentence)
        self.sentence = sentence
        self.code = code
        self.details = details or []  # lines printed before the sentence (e.g. located problems)
