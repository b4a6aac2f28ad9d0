"""What a session may be, known without loading the rules: its modes, how many teams, and its record's format.

The command line's help and the save reader quote these before (or without) any game being played.
"""

from __future__ import annotations

MODES: tuple[str, ...] = ("solo", "hotseat", "simultaneous")
MAX_TEAMS = 8
SESSION_FORMAT = 2  # bump when the meaning of a session record changes (2: the rules of save format 2)
