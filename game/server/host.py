"""Hosting a workshop: open or resume the room, bind the address, print the links, serve with uvicorn.

The room is resumed from its file when one is saved for the scenario (same
links, same bots, every move replayed), otherwise started fresh. The socket
is bound before anything is printed, so the links always name the real port.
Saving happens on a background thread, so a slow disk never delays a page.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import socket
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import uvicorn

from game.core.model import Scenario
from game.persistence.hosted import HostedError, read_hosted, set_aside, write_hosted
from game.server.access import FACILITATOR, AccessCodes
from game.server.app import Hub, make_app
from game.server.room import BOT_CHOICES, Room
from game.workshop.session import Session, SessionError

log = logging.getLogger(__name__)

WS_MAX_BYTES = 64 * 1024  # uvicorn drops bigger WebSocket frames before the app sees them
SHUTDOWN_SECONDS = 3  # open pages get this long to close when the host stops


@dataclass(frozen=True)
class Setup:
    """What the facilitator asked for on the command line."""

    scenario: Scenario
    team_names: list[str]
    mode: str
    seed: int | None
    difficulty: str
    turn_seconds: int | None
    path: Path  # the workshop's file
    fresh: bool  # start over even if a workshop is saved


class HostError(Exception):
    """The workshop cannot be hosted as asked; the message is one sentence."""


# ------------------------------------------------------------------ the room


def open_room(setup: Setup, autosave: Callable[[dict], None]) -> tuple[Room, str]:
    """The room to host, resumed from its file when one fits; the second value says what happened, for the console."""
    path = setup.path
    if path.exists() and not setup.fresh:
        record = read_hosted(path)
        session, access, bots = _resume(setup, record)
        if not session.over:
            room = Room(session, access, bots=bots, autosave=autosave)
            return room, f"Resuming the workshop saved in {path} (turn {session.turn}): the links are the same."
        kept = set_aside(path)
        note = f"The workshop saved in {path} was finished; it is kept as {kept.name}. Starting a new one."
    elif path.exists():
        kept = set_aside(path)
        note = f"Starting a new workshop; the previous one is kept as {kept.name}."
    else:
        note = f"Starting a new workshop, saved in {path} after every round."
    try:
        session = Session.start(
            setup.scenario,
            setup.team_names,
            seed=setup.seed,
            difficulty=setup.difficulty,
            mode=setup.mode,  # type: ignore[arg-type]
            turn_seconds=setup.turn_seconds,
        )
    except SessionError as error:
        raise HostError(str(error)) from None
    room = Room(session, AccessCodes.fresh(len(session.teams)), autosave=autosave)
    room.save()  # the links exist from now on: a host restarted before the first round keeps them
    return room, note


def _resume(setup: Setup, record: dict) -> tuple[Session, AccessCodes, dict[int, str]]:
    path = setup.path
    try:
        session = Session.from_record(setup.scenario, record["session"])
        access = AccessCodes.from_record(record["access"], len(session.teams))
        bots = {int(team): str(name) for team, name in record["bots"].items()}
    except (SessionError, ValueError, TypeError) as error:
        raise HostedError(f"the saved workshop {path} cannot be resumed ({error}); add --new to start over") from None
    names = [team.name for team in session.teams]
    if not session.over and (len(names) != len(setup.team_names) or session.mode != setup.mode):
        raise HostedError(
            f"{path} holds a {session.mode} workshop of {len(names)} teams ({', '.join(names)}) at turn {session.turn}: "
            f"run the command with --teams {len(names)} --mode {session.mode} to resume it, or add --new to start over"
        )
    if any(name not in BOT_CHOICES or not 0 <= team < len(names) for team, name in bots.items()):
        raise HostedError(f"the saved workshop {path} names an unknown bot; add --new to start over")
    return session, access, bots


class Autosaver:
    """Writes the latest record on a background thread (the newest wins); `close` writes what is left."""

    def __init__(self, path: Path):
        self.path = path
        self._latest: dict | None = None
        self._done = False
        self._ready = threading.Condition()
        self._thread = threading.Thread(target=self._run, name="autosave", daemon=True)
        self._thread.start()

    def __call__(self, record: dict) -> None:
        with self._ready:
            self._latest = record
            self._ready.notify()

    def _run(self) -> None:
        while True:
            with self._ready:
                while self._latest is None and not self._done:
                    self._ready.wait()
                record, self._latest = self._latest, None
                if record is None:
                    return
            self._write(record)

    def _write(self, record: dict) -> None:
        try:
            write_hosted(self.path, record)
        except OSError as error:  # a full disk must not stop the workshop: say it, and keep playing
            print(f"warning: the workshop could not be saved to {self.path}: {error}", file=sys.stderr)

    def close(self) -> None:
        with self._ready:
            self._done = True
            self._ready.notify()
        self._thread.join()


# ------------------------------------------------------------------ the address


def bind(address: str, port: int) -> socket.socket:
    """A listening socket on `address`:`port` (port 0: any free port); HostError when it cannot be had."""
    family = socket.AF_INET6 if ":" in address else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((address, port))
        sock.listen(128)
    except OSError as error:
        sock.close()
        if error.errno in (98, 48, 10048):  # address in use (Linux, macOS, Windows)
            raise HostError(f"port {port} is already in use on {address}: choose another with --port") from None
        raise HostError(f"cannot listen on {address}:{port} ({error.strerror or error})") from None
    sock.setblocking(False)
    return sock


def shown_address(bound: str, advertise: str | None) -> str:
    """The host name the links carry: the one asked for, else the bound address, else this machine's LAN address."""
    if advertise:
        return advertise
    if bound not in ("0.0.0.0", "::", ""):
        return f"[{bound}]" if ":" in bound else bound
    return lan_address()


def lan_address() -> str:
    """This machine's address on the local network (no packet is sent), else its host name."""
    name = socket.gethostname()
    with contextlib.suppress(OSError):
        for address in socket.gethostbyname_ex(name)[2]:
            if not address.startswith("127."):
                return address
    return name


# ------------------------------------------------------------------ serving


def serve_hub(hub: Hub, sock: socket.socket, projector: Callable | None = None) -> None:
    """Serve the hub's room until Ctrl+C (or, with a projector window, until that window closes)."""
    config = uvicorn.Config(
        make_app(hub),
        log_level="warning",
        access_log=False,
        ws_max_size=WS_MAX_BYTES,
        ws_per_message_deflate=False,  # views are a few kB on a local network: compressing each costs more than it saves
        timeout_graceful_shutdown=SHUTDOWN_SECONDS,
        lifespan="on",
    )
    server = uvicorn.Server(config)
    if projector is None:
        server.run(sockets=[sock])
        return
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, name="server", daemon=True)
    thread.start()
    try:
        projector(lambda: _room_view(hub, server))
    except KeyboardInterrupt:
        pass
    finally:
        server.should_exit = True
        thread.join(timeout=SHUTDOWN_SECONDS + 2)


def _room_view(hub: Hub, server: uvicorn.Server) -> dict | None:
    """The facilitator's view of the room, computed on the server's loop (the only thread that touches the room)."""
    loop = hub.loop
    if loop is None or not server.started:
        return None

    async def view() -> dict:
        return json.loads(hub.view_text(FACILITATOR, hub.projector_language))

    try:
        return asyncio.run_coroutine_threadsafe(view(), loop).result(timeout=2)
    except Exception:  # noqa: BLE001 - the window keeps its last picture if the server is busy or stopping
        return None
