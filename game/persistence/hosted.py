"""The file of a hosted workshop: its session, the teams' links and its bots, so a restarted host resumes.

One file per scenario in the data folder's `hosted/` (or wherever the host is
told), rewritten atomically after every round and every few seconds of play.
It holds the teams' access codes, so it stays on the facilitator's machine.
A file that cannot be used raises `HostedError` with one sentence; it is never
overwritten (starting over keeps it under a dated name).
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

from game.files import write_atomically
from game.persistence.problems import SaveError
from game.persistence.records import checked_session, read_json
from game.persistence.storage import data_dir

HOSTED_FOLDER = "hosted"
KIND = "hosted-workshop"
FORMAT = 1  # bump when the meaning of a hosted record changes
KEYS = ("session", "access", "bots")  # what a record holds besides its kind and format


class HostedError(Exception):
    """A hosted workshop file that cannot be resumed; the message is one sentence naming the file."""


def hosted_path(scenario_id: str) -> Path:
    """Where the workshop on `scenario_id` is kept by default."""
    return data_dir() / HOSTED_FOLDER / f"{scenario_id}.json"


def write_hosted(path: Path, record: dict) -> None:
    """Replace the file with `record` (session, access, bots) all at once."""
    saved = {"kind": KIND, "format": FORMAT, "saved_at": datetime.now().replace(microsecond=0).isoformat()}
    write_atomically(path, json.dumps(saved | record, ensure_ascii=False))


def read_hosted(path: Path) -> dict:
    """The record in the file, checked to be a hosted workshop of this format; HostedError otherwise."""
    try:
        record = read_json(path)  # the one bounded reader of saves: regular file, size, text, nesting
    except SaveError as error:
        raise HostedError(f"the saved workshop {path} cannot be read: {error.reason}") from None
    if not isinstance(record, dict) or record.get("kind") != KIND:
        raise HostedError(f"{path} is not a saved Signal Race workshop")
    if record.get("format") != FORMAT:
        raise HostedError(f"the saved workshop {path} has format {record.get('format')!r}; this version reads {FORMAT}")
    missing = [key for key in KEYS if not isinstance(record.get(key), dict)]
    if missing:
        raise HostedError(f"the saved workshop {path} is damaged (no {', '.join(missing)})")
    try:
        session = checked_session(path, record["session"])
    except SaveError as error:
        raise HostedError(f"the saved workshop {path} is damaged: {error.reason}; add --new to start over") from None
    return record | {"session": session}


def set_aside(path: Path) -> Path:
    """Keep an old workshop file under a dated name before starting a new workshop in its place."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    kept = path.with_name(f"{path.stem}-{stamp}{path.suffix}")
    path.replace(kept)
    return kept
