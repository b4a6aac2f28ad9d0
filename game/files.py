"""The game's one door to the disk for files it does not own and files it must not lose: bounded reads, atomic writes.

Below every layer that touches files (scenario, persistence, debrief, tools,
cli, ui), and imports nothing of the game. Reads accept regular files only: a
FIFO, a device, a folder, or a link to one, is refused from what `stat`
says, before it is opened, and again from `fstat` once it is open (opened
with O_NONBLOCK, so even a FIFO swapped in between cannot block); a file is
never read past its limit, whatever size it reports. Writes go to a
temporary file in the same folder, flushed and fsynced, then renamed over the
target (and the folder fsynced), so a failure at any moment leaves either the
old file or the new one, never a mix.
"""

from __future__ import annotations

import contextlib
import os
import signal
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path

CHUNK = 1024 * 1024  # bytes read at a time
TEMPORARY_SUFFIX = ".tmp"
# Test hook: "before-rename" or "after-rename" makes the process kill itself (SIGKILL) at that point of its next
# atomic write, so a test can stop the game exactly there. Never set in normal use.
KILL_VARIABLE = "SIGNAL_RACE_TEST_KILL_AT"
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)


def _read_umask() -> int:
    """The process's file-creation mask (reading it means setting it, so it is set straight back)."""
    mask = os.umask(0)
    os.umask(mask)
    return mask


UMASK = _read_umask()  # read once, at import, before any thread could create files


class FileRefused(Exception):
    """A file that cannot be read as asked; `kind` says why, `str()` says it in English for logs and commands.

    Kinds: missing, folder, pipe, device, special (a socket...), unreadable (`detail` says why) and
    too_big (over `limit` bytes).
    """

    def __init__(self, path: Path, kind: str, limit: int = 0, detail: str = ""):
        self.path, self.kind, self.limit, self.detail = Path(path), kind, limit, detail
        super().__init__(self.reason)

    @property
    def reason(self) -> str:
        return {
            "missing": "the file does not exist",
            "folder": "it is a folder, not a file",
            "pipe": "it is a named pipe (FIFO), not a file, so it was not read",
            "device": "it is a device, not a file, so it was not read",
            "special": "it is not a regular file, so it was not read",
            "unreadable": f"it cannot be read ({self.detail})",
            "too_big": f"it is larger than {size_text(self.limit)}",
        }[self.kind]


def size_text(size: int) -> str:
    """A byte count as people write it: "16 MiB", "512 KiB"."""
    for unit, scale in (("GiB", 2**30), ("MiB", 2**20), ("KiB", 2**10)):
        if size >= scale:
            return f"{size / scale:.3g} {unit}"
    return f"{size} bytes"


def read_regular(path: str | Path, limit: int) -> bytes:
    """The bytes of a regular file of at most `limit` bytes; `FileRefused` otherwise, without blocking."""
    data = _read(Path(path), limit, whole=True)
    if len(data) > limit:
        raise FileRefused(path, "too_big", limit=limit)
    return data


def read_start(path: str | Path, size: int) -> bytes:
    """The first `size` bytes of a regular file (all of it when shorter); `FileRefused` if it is not one."""
    return _read(Path(path), size, whole=False)


def _read(path: Path, size: int, whole: bool) -> bytes:
    """At most `size` bytes (`size` + 1 when the whole file must fit, so a longer one shows)."""
    try:
        _refuse_special(path, os.stat(path).st_mode)  # a FIFO or a device is never even opened
        descriptor = os.open(path, _OPEN_FLAGS)
    except (FileNotFoundError, NotADirectoryError):
        raise FileRefused(path, "missing") from None
    except IsADirectoryError:
        raise FileRefused(path, "folder") from None
    except (OSError, ValueError) as error:  # ValueError: a NUL byte in the path
        raise FileRefused(path, "unreadable", detail=_strerror(error)) from None
    try:
        status = os.fstat(descriptor)
        _refuse_special(path, status.st_mode)  # it may have been swapped between stat and open
        if whole and status.st_size > size:  # a size above the limit is enough to refuse; below, it proves nothing
            raise FileRefused(path, "too_big", limit=size)
        return _read_at_most(descriptor, size + 1 if whole else size)
    except OSError as error:
        raise FileRefused(path, "unreadable", detail=_strerror(error)) from None
    finally:
        os.close(descriptor)


def _refuse_special(path: Path, mode: int) -> None:
    if stat.S_ISREG(mode):
        return
    if stat.S_ISDIR(mode):
        raise FileRefused(path, "folder")
    if stat.S_ISFIFO(mode):
        raise FileRefused(path, "pipe")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        raise FileRefused(path, "device")
    raise FileRefused(path, "special")


def _read_at_most(descriptor: int, size: int) -> bytes:
    chunks, left = [], size
    while left > 0:
        chunk = os.read(descriptor, min(left, CHUNK))
        if not chunk:
            break
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def _strerror(error: Exception) -> str:
    return getattr(error, "strerror", None) or str(error)


# ------------------------------------------------------------------ writing


class WriteRefused(Exception):
    """A file the program will not replace: `kind` is "folder" (never) or "not_ours" (only when forced)."""

    def __init__(self, path: Path, kind: str):
        self.path, self.kind = Path(path), kind
        super().__init__(f"{path}: {kind}")

    def reason(self, ours: str = "") -> str:
        """The end of a sentence that starts with the path; `ours` names what the program would replace."""
        if self.kind == "folder":
            return "is a folder; give the name of a file"
        return f"already exists{f' and is not {ours}' if ours else ''}; add --force to replace it"


def check_replaceable(path: Path, is_ours: Callable[[Path], bool], force: bool) -> None:
    """Refuse to replace an existing `path` that `is_ours` does not recognise (unless `force`), or a folder."""
    if not (path.exists() or path.is_symlink()):
        return
    if path.is_dir():
        raise WriteRefused(path, "folder")
    if not force and not is_ours(path):
        raise WriteRefused(path, "not_ours")


def replace_checked(path: Path, text: str, is_ours: Callable[[Path], bool], force: bool) -> None:
    """`write_atomically`, after `check_replaceable`."""
    check_replaceable(path, is_ours, force)
    write_atomically(path, text)


def write_atomically(path: Path, text: str) -> None:
    """Replace `path` with `text` (UTF-8) all at once, or leave it untouched if anything fails."""
    write_together({Path(path): text})


def write_together(files: dict[Path, str]) -> None:
    """Write several files so that a failure before the last rename leaves every one of them as it was.

    Every temporary file is written and synced first; only then are they renamed, one after the other.
    """
    written: list[tuple[Path, str]] = []
    try:
        for path, text in files.items():
            written.append((path, _temporary_copy(path, text)))
        _test_kill("before-rename")
        for path, temporary in written:
            os.replace(temporary, path)
    except BaseException:
        for _, temporary in written:
            Path(temporary).unlink(missing_ok=True)
        raise
    for folder in dict.fromkeys(path.parent for path in files):
        _sync_folder(folder)
    _test_kill("after-rename")


def _temporary_copy(path: Path, text: str) -> str:
    """`text` written and synced to a new temporary file beside `path`; returns its name."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=TEMPORARY_SUFFIX, dir=path.parent)
    try:
        os.chmod(temporary, 0o666 & ~UMASK)  # mkstemp makes 0600; the file should be like any other the user saves
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return temporary


def write_atomically_with(path: Path, write: Callable[[str], None]) -> None:
    """Like `write_atomically`, for a library that writes the file itself given its name (a picture)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=TEMPORARY_SUFFIX, dir=path.parent)
    os.close(handle)
    try:
        os.chmod(temporary, 0o666 & ~UMASK)
        write(temporary)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    _sync_folder(path.parent)


def _test_kill(point: str) -> None:
    if os.environ.get(KILL_VARIABLE) == point:
        os.kill(os.getpid(), signal.SIGKILL)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); folders cannot be opened this way on Windows."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
