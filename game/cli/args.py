"""Types of command-line values shared by several commands (argparse `type=` functions)."""

from __future__ import annotations

import argparse


def positive(text: str) -> int:
    """A whole number of at least 1."""
    value = natural(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


def natural(text: str) -> int:
    """A whole number of at least 0."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"must be 0 or more, not {value}")
    return value
