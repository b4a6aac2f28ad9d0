"""Load test of a hosted workshop: 8 teams × 6 browsers each play a game against one host, on the loopback only.

Run from the repository root: ``python bench/workshop.py [--quick] [--teams 8] [--pages 6]``.
It starts ``python main.py host`` on 127.0.0.1 (a free port, a throw-away data
folder), opens `pages` WebSockets per team, and lets the first page of each
team play: it picks a person who knows a signal, asks for their moves, plays
one it can afford (seeded choice) and ends the turn when points run out. For
every move it measures the time from sending it to the moment every page of
that team has received the view that shows it. All teams play at once; the
round resolves when the last one ends its turn, as in a real room.

Bounded in count and time: at most `--rounds` rounds (the whole game by
default, 3 with --quick) and `--seconds` of wall time. Prints one JSON object:
clients, actions, rounds, p50_ms, p95_ms, max_ms, errors (refusals, drops,
timeouts) and seconds. Exits 1 when there were errors.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from websockets.asyncio.client import connect

ROOT = Path(__file__).resolve().parent.parent
WAIT_SECONDS = 10.0  # a view that does not come within this is counted as an error
SEND_GAP = 0.125  # seconds between two messages of a player page: under the host's rate limit, like a fast human


@dataclass
class Team:
    """The pages of one team, and the move being measured."""

    index: int
    pages: list = field(default_factory=list)
    moves_seen: list[int] = field(default_factory=list)  # per page: the move count of the latest view
    latest: dict | None = None  # the player page's latest view
    changed: asyncio.Event = field(default_factory=asyncio.Event)
    replies: asyncio.Queue = field(default_factory=asyncio.Queue)
    last_send: float = 0.0
    pending: tuple[int, float, set[int]] | None = None  # (moves before, time sent, pages not yet updated)
    done: asyncio.Event = field(default_factory=asyncio.Event)


@dataclass
class Figures:
    latencies: list[float] = field(default_factory=list)  # ms
    actions: int = 0
    errors: list[str] = field(default_factory=list)


def start_host(scenario: str, teams: int, data_dir: str) -> tuple[subprocess.Popen, list[str]]:
    names = ",".join(f"T{i + 1}" for i in range(teams))
    command = [sys.executable, "main.py", "host", scenario, "--teams", str(teams), "--names", names]
    command += ["--headless", "--bind", "127.0.0.1", "--port", "0"]
    environment = os.environ | {"SIGNAL_RACE_DATA_DIR": data_dir, "PYTHONUNBUFFERED": "1"}
    process = subprocess.Popen(command, cwd=ROOT, env=environment, stdout=subprocess.PIPE, text=True)
    links: list[str] = []
    for _ in range(teams + 8):
        line = process.stdout.readline()
        if line.startswith("Team "):
            links.append(line.strip().split(": ", 1)[1])
        if line.startswith("Facilitator") or not line:
            break
    if len(links) != teams:
        process.kill()
        raise SystemExit(f"the host did not start ({len(links)} links printed)")
    return process, links


async def listen(team: Team, page: int, socket, figures: Figures) -> None:
    """Read one page's messages: note each view's move count, and when the measured move reaches this page."""
    async for text in socket:
        message = json.loads(text)
        if message["type"] == "view":
            team.moves_seen[page] = message["moves"]
            if team.pending and page in team.pending[2] and message["moves"] > team.pending[0]:
                figures.latencies.append((time.perf_counter() - team.pending[1]) * 1000)
                team.pending[2].discard(page)
            if page == 0:
                team.latest = message
                team.changed.set()
        elif page == 0 and message["type"] in ("actions", "refused"):
            if message["type"] == "refused":
                figures.errors.append(f"team {team.index}: refused: {message['text']}")
            await team.replies.put(message)


async def pace(team: Team) -> None:
    """Wait so that the player page sends no faster than a person clicking quickly."""
    wait = team.last_send + SEND_GAP - time.perf_counter()
    if wait > 0:
        await asyncio.sleep(wait)
    team.last_send = time.perf_counter()


async def send(team: Team, message: dict) -> None:
    await pace(team)
    await team.pages[0].send(json.dumps(message))


async def next_view(team: Team, ready) -> dict:  # noqa: ANN001 - a predicate on a view
    """The player page's view once `ready(view)` holds."""
    while team.latest is None or not ready(team.latest):
        team.changed.clear()
        await asyncio.wait_for(team.changed.wait(), WAIT_SECONDS)
    return team.latest


async def play(team: Team, figures: Figures, rounds: int, rng: random.Random) -> None:
    """The player page: moves while it has points, then end of turn, round after round."""
    for _ in range(rounds):
        board = await next_view(team, lambda v: v["may_act"] or v["over"])
        if board["over"]:
            break
        turn = board["turn"]
        while board["points"] > 0 and await move(team, board, figures, rng):
            board = team.latest
        await send(team, {"type": "end_turn"})
        await next_view(team, lambda v, t=turn: v["turn"] > t or v["over"])
    team.done.set()


async def move(team: Team, board: dict, figures: Figures, rng: random.Random) -> bool:
    """Play one affordable move of a person who knows a signal; False when there is none."""
    holders = [(s["index"], p) for s in board["signals"] if s["open"] for p in s["holders"][:5]]
    rng.shuffle(holders)
    for signal_index, person in holders[:4]:
        await send(team, {"type": "select", "person": person, "signal": signal_index})
        reply = await asyncio.wait_for(team.replies.get(), WAIT_SECONDS)
        affordable = [row for row in reply.get("actions", []) if row["cost"] <= board["points"]]
        if not affordable:
            continue
        choice = rng.choice(affordable)
        before = board["moves"]
        await pace(team)
        team.pending = (before, time.perf_counter(), set(range(len(team.pages))))  # set before the reply can come
        await team.pages[0].send(json.dumps({"type": "act", "action": choice["action"]}))
        deadline = time.perf_counter() + WAIT_SECONDS
        while team.pending[2] and time.perf_counter() < deadline:
            await asyncio.sleep(0.001)
        if team.pending[2]:
            figures.errors.append(f"team {team.index}: {len(team.pending[2])} pages never saw move {before + 1}")
        team.pending = None
        figures.actions += 1
        await next_view(team, lambda v, b=before: v["moves"] > b)
        return True
    return False


async def run(links: list[str], pages: int, rounds: int, seconds: float, seed: int) -> tuple[Figures, int]:
    figures = Figures()
    teams = [Team(i) for i in range(len(links))]
    listeners = []
    async with contextlib.AsyncExitStack() as stack:
        for team, link in zip(teams, links):
            address = link.replace("http://", "ws://") + "/ws?lang=en"
            for page in range(pages):
                socket = await stack.enter_async_context(connect(address, max_size=2**22))
                team.pages.append(socket)
                team.moves_seen.append(0)
                listeners.append(asyncio.create_task(listen(team, page, socket, figures)))
        players = [play(team, figures, rounds, random.Random(seed + team.index)) for team in teams]
        try:
            await asyncio.wait_for(asyncio.gather(*players), seconds)
        except TimeoutError:
            figures.errors.append(f"the game did not finish within {seconds:.0f} s")
        except Exception as error:  # noqa: BLE001 - a drop or a stuck page is a figure, not a crash
            figures.errors.append(f"{type(error).__name__}: {error}")
        pages = [page for team in teams for page in team.pages]
        await asyncio.gather(*(page.close() for page in pages), return_exceptions=True)  # while still reading
        for task in listeners:
            task.cancel()
    return figures, sum(len(t.pages) for t in teams)


def percentile(values: list[float], share: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    return round(ordered[min(len(ordered) - 1, int(share * len(ordered)))], 1)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="three rounds only")
    parser.add_argument("--teams", type=int, default=8)
    parser.add_argument("--pages", type=int, default=6, help="browsers per team")
    parser.add_argument("--rounds", type=int, help="rounds to play at most (default: the whole game; 3 with --quick)")
    parser.add_argument("--seconds", type=float, default=300.0, help="wall-time bound")
    parser.add_argument("--scenario", default="retail-app-outage")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rounds = args.rounds or (3 if args.quick else 1000)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as data_dir:
        process, links = start_host(args.scenario, args.teams, data_dir)
        try:
            figures, clients = asyncio.run(run(links, args.pages, rounds, args.seconds, args.seed))
        finally:
            process.send_signal(signal.SIGINT)
            try:
                process.communicate(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
    result = {
        "clients": clients,
        "teams": args.teams,
        "actions": figures.actions,
        "latencies": len(figures.latencies),
        "p50_ms": percentile(figures.latencies, 0.50),
        "p95_ms": percentile(figures.latencies, 0.95),
        "max_ms": percentile(figures.latencies, 1.0),
        "errors": len(figures.errors),
        "first_errors": figures.errors[:5],
        "seconds": round(time.perf_counter() - started, 1),
    }
    print(json.dumps(result))
    return 1 if figures.errors else 0


if __name__ == "__main__":
    sys.exit(main())
