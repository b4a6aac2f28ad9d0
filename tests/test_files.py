"""game.files, the one door to the disk: only regular files are read, never past their limit, and writes are whole.

A FIFO would block a reader forever and a device never ends, so both must be refused from what `stat` says,
without being opened in a blocking way; `within_seconds` turns a regression into a failure instead of a hang.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from game import files
from game.files import FileRefused, WriteRefused, read_regular, read_start, replace_checked, write_together
from tests.guards import within_seconds

LIMIT = 1000  # bytes


def special(tmp_path: Path, kind: str) -> Path:
    """A path that is not a regular file: a FIFO, a folder, or a link to an endless device."""
    path = tmp_path / f"{kind}.json"
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "folder":
        path.mkdir()
    else:
        path.symlink_to({"zero": "/dev/zero", "urandom": "/dev/urandom", "null": "/dev/null"}[kind])
    return path


SPECIAL = {"fifo": "pipe", "folder": "folder", "zero": "device", "urandom": "device", "null": "device"}


@pytest.mark.parametrize("kind", list(SPECIAL))
def test_anything_but_a_regular_file_is_refused_at_once(tmp_path, kind):
    path = special(tmp_path, kind)
    with within_seconds(5), pytest.raises(FileRefused) as refused:
        read_regular(path, LIMIT)
    assert refused.value.kind == SPECIAL[kind]
    assert "not" in refused.value.reason and "\n" not in refused.value.reason


def test_a_file_is_never_read_past_its_limit_even_when_it_claims_to_be_small(tmp_path, monkeypatch):
    path = tmp_path / "grows.json"
    path.write_bytes(b"x" * (LIMIT * 50))
    real_fstat = os.fstat

    def lying_fstat(descriptor: int) -> os.stat_result:  # like a file in /proc: size 0, content endless
        status = list(real_fstat(descriptor))
        status[6] = 0  # st_size
        return os.stat_result(status)

    read = []
    real_read = os.read
    monkeypatch.setattr(os, "fstat", lying_fstat)
    monkeypatch.setattr(os, "read", lambda fd, n: read.append(n) or real_read(fd, n))
    with pytest.raises(FileRefused) as refused:
        read_regular(path, LIMIT)
    assert refused.value.kind == "too_big" and sum(read) <= LIMIT + 1


def test_a_file_within_its_limit_is_read_whole_and_its_start_alone_when_asked(tmp_path):
    path = tmp_path / "ok.json"
    path.write_bytes(b"y" * LIMIT)
    assert read_regular(path, LIMIT) == b"y" * LIMIT
    assert read_start(path, 10) == b"y" * 10
    with pytest.raises(FileRefused) as missing:
        read_regular(tmp_path / "gone.json", LIMIT)
    assert missing.value.kind == "missing"


def test_a_failed_write_of_several_files_leaves_every_one_as_it_was(tmp_path, monkeypatch):
    old = {tmp_path / name: f"old {name}" for name in ("a.csv", "b.json", "c.html")}
    for path, text in old.items():
        path.write_text(text, encoding="utf-8")
    real_fsync, calls = os.fsync, []

    def full_on_the_third(descriptor: int) -> None:
        calls.append(descriptor)
        if len(calls) == 3:
            raise OSError(errno.ENOSPC, "No space left on device")
        real_fsync(descriptor)

    monkeypatch.setattr(os, "fsync", full_on_the_third)
    with pytest.raises(OSError):
        write_together({path: "new" for path in old})
    assert {path: path.read_text(encoding="utf-8") for path in old} == old
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.csv", "b.json", "c.html"]  # no temporary left


def test_an_existing_file_is_replaced_only_when_ours_or_forced_and_a_folder_never(tmp_path):
    theirs = tmp_path / "notes.txt"
    theirs.write_text("my notes", encoding="utf-8")
    with pytest.raises(WriteRefused) as refused:
        replace_checked(theirs, "game", lambda _: False, force=False)
    assert "--force" in refused.value.reason("a save") and theirs.read_text(encoding="utf-8") == "my notes"
    replace_checked(theirs, "game", lambda _: True, force=False)
    assert theirs.read_text(encoding="utf-8") == "game"
    replace_checked(theirs, "forced", lambda _: False, force=True)
    assert theirs.read_text(encoding="utf-8") == "forced"
    (tmp_path / "folder").mkdir()
    with pytest.raises(WriteRefused):
        replace_checked(tmp_path / "folder", "x", lambda _: True, force=True)


def test_sizes_read_as_people_write_them():
    assert files.size_text(16 * 2**20) == "16 MiB"
    assert files.size_text(1536) == "1.5 KiB"
    assert files.size_text(12) == "12 bytes"
