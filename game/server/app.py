"""The ASGI app: team and facilitator pages, their WebSockets, QR codes and the page files (Starlette).

Pages are opened by code: `/t/CODE` is a team's board, `/f/CODE` the
facilitator's; an unknown code gets a 404 page, a replaced one a 403, never a
board. Each page keeps one WebSocket (`.../ws`): it receives its view again
whenever what it shows changes (views are rendered once per team, language and
change, then shared by every page of that team), and sends moves or commands,
each checked for size, shape and rate before the room acts on it.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from collections.abc import AsyncIterator
from dataclasses import dataclass, field

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Mount, Route, WebSocketRoute
from starlette.staticfiles import StaticFiles
from starlette.websockets import WebSocket, WebSocketDisconnect

from game.core.errors import IllegalAction
from game.i18n import Translator
from game.server import messages, pages, views
from game.server.access import FACILITATOR
from game.server.limits import RateLimit
from game.server.qr import qr_svg
from game.server.room import Room

log = logging.getLogger(__name__)

TICK_SECONDS = 0.25  # how often the timer and absent teams are checked
FLUSH_SECONDS = 2.0  # moves played are saved at least this often (rounds are saved at once)
POLICY_CLOSE = 1008  # WebSocket close code: the page broke the rules (flood), or its link was replaced
VIEW = object()  # queue item: send the page its current view
CLOSE = object()  # queue item: close the socket


@dataclass(eq=False)
class Connection:
    """One open page: its team (FACILITATOR for the facilitator), language, outbox and rate limit."""

    websocket: WebSocket
    team: int
    language: str
    queue: asyncio.Queue = field(default_factory=asyncio.Queue)
    view_pending: bool = False
    limit: RateLimit = field(default_factory=RateLimit)

    def push_view(self) -> None:
        """Send the current view soon; several changes in a row make one send."""
        if not self.view_pending:
            self.view_pending = True
            self.queue.put_nowait(VIEW)

    def send(self, message: dict) -> None:
        self.queue.put_nowait(json.dumps(message, ensure_ascii=False))

    def refuse(self, key_or_text: str) -> None:
        text = Translator(self.language).tr(key_or_text) if key_or_text.startswith("web.") else key_or_text
        self.send({"type": "refused", "text": text})


class Hub:
    """The open pages of a room, and the views they are sent (rendered once per team, language and change)."""

    def __init__(self, room: Room, base_url: str):
        self.room = room
        self.base_url = base_url.rstrip("/")
        self.connections: set[Connection] = set()
        self.versions = [0] * (len(room.session.teams) + 1)  # per team, then the room's
        self._cache: dict[tuple[int, str], tuple[tuple, str]] = {}
        self.loop: asyncio.AbstractEventLoop | None = None  # the server's loop, once it runs
        self.projector_language = "en"
        self.on_ready: list = []  # called once the server listens (and Ctrl+C is handled): the links work from then
        room.listeners.append(self.changed)
        room.link_listeners.append(self.close_team)

    def link(self, team: int) -> str:
        return f"{self.base_url}/t/{self.room.access.teams[team]}"

    def facilitator_link(self) -> str:
        return f"{self.base_url}/f/{self.room.access.facilitator}"

    def changed(self, teams: set[int] | None) -> None:
        for team in range(len(self.versions) - 1) if teams is None else teams:
            self.versions[team] += 1
        self.versions[-1] += 1
        for connection in self.connections:
            if connection.team == FACILITATOR or teams is None or connection.team in teams:
                connection.push_view()

    def close_team(self, team: int) -> None:
        """The team's link was replaced: its open pages are closed."""
        for connection in self.connections:
            if connection.team == team:
                connection.queue.put_nowait(CLOSE)

    def view_text(self, team: int, language: str) -> str:
        """The page's view as JSON, rendered again only after a change (or a second of the timer: a page opened
        later must not count down from a stale time)."""
        slot = len(self.versions) - 1 if team == FACILITATOR else team
        timer = self.room.timer
        key, version = (team, language), (self.versions[slot], round(timer.remaining) if timer else None)
        cached = self._cache.get(key)
        if cached is None or cached[0] != version:
            if team == FACILITATOR:
                view = views.room_view(self.room, language, [self.link(t) for t in range(slot)])
            else:
                view = views.team_view(self.room, team, language) | {"moves": self._moves(team)}
            cached = (version, json.dumps(view, ensure_ascii=False))
            self._cache[key] = cached
        return cached[1]

    def _moves(self, team: int) -> int:
        return len(self.room.session.teams[team].state.actions)


# ------------------------------------------------------------------ pages


def _language(request: Request | WebSocket) -> str:
    return pages.choose_language(request.query_params.get("lang"), request.headers.get("accept-language", ""))


def _refusal(room: Room, code: str, language: str) -> Response:
    revoked = room.access.is_revoked(code)
    return pages.refusal_page(language, revoked)


def make_app(hub: Hub, *, background: bool = True) -> Starlette:
    """The app over `hub`; `background` runs the timer, absent-team and autosave ticks (tests may drive them)."""
    room = hub.room

    async def landing(request: Request) -> Response:
        return pages.landing_page(_language(request))

    async def team_page(request: Request) -> Response:
        code, language = request.path_params["code"], _language(request)
        team = room.access.find(code)
        if team is None or team == FACILITATOR:
            return _refusal(room, code, language)
        return pages.team_page(language, room.session.teams[team].name)

    async def facilitator_page(request: Request) -> Response:
        code, language = request.path_params["code"], _language(request)
        if room.access.find(code) != FACILITATOR:
            return _refusal(room, code, language)
        return pages.facilitator_page(language)

    async def qr_code(request: Request) -> Response:
        code, team = request.path_params["code"], request.path_params["team"]
        if room.access.find(code) != FACILITATOR or not 0 <= team < len(room.session.teams):
            return _refusal(room, code, _language(request))
        return Response(qr_svg(hub.link(team)), media_type="image/svg+xml", headers=pages.PRIVATE)

    async def team_socket(websocket: WebSocket) -> None:
        team = room.access.find(websocket.path_params["code"])
        if team is None or team == FACILITATOR:
            await websocket.close(code=POLICY_CLOSE)  # before accepting: the handshake gets a 403
            return
        await _serve(websocket, team, lambda c, text: _team_message(hub, c, text))

    async def facilitator_socket(websocket: WebSocket) -> None:
        if room.access.find(websocket.path_params["code"]) != FACILITATOR:
            await websocket.close(code=POLICY_CLOSE)
            return
        await _serve(websocket, FACILITATOR, lambda c, text: _facilitator_message(hub, c, text))

    async def _serve(websocket: WebSocket, team: int, handle) -> None:  # noqa: ANN001 - (Connection, str) -> None
        await websocket.accept()
        connection = Connection(websocket, team, _language(websocket))
        hub.connections.add(connection)
        if team != FACILITATOR:
            connection.send(views.hello(room, team, connection.language))
            room.join(team)
        connection.push_view()
        writer = asyncio.create_task(_write(connection))
        try:
            while True:
                message = await websocket.receive()
                if message["type"] == "websocket.disconnect":
                    break
                if not connection.limit.allow():
                    if connection.limit.exhausted:
                        break
                    connection.refuse("web.refused.too_fast")
                    continue
                handle(connection, message.get("text"))  # a binary frame has no text: refused as malformed
        except (WebSocketDisconnect, RuntimeError):
            pass
        finally:
            writer.cancel()
            hub.connections.discard(connection)
            if team != FACILITATOR:
                room.leave(team)
        with contextlib.suppress(RuntimeError, WebSocketDisconnect):  # the page may have gone already
            await websocket.close(code=POLICY_CLOSE)

    async def _write(connection: Connection) -> None:
        websocket = connection.websocket
        with contextlib.suppress(WebSocketDisconnect, RuntimeError, OSError):
            while True:
                item = await connection.queue.get()
                if item is CLOSE:
                    await websocket.close(code=POLICY_CLOSE)
                    return
                if item is VIEW:
                    connection.view_pending = False
                    item = hub.view_text(connection.team, connection.language)
                await websocket.send_text(item)

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        hub.loop = asyncio.get_running_loop()
        task = asyncio.create_task(_tick(room)) if background else None
        for ready in hub.on_ready:
            ready()
        try:
            yield
        finally:
            if task is not None:
                task.cancel()
            room.flush()

    routes = [
        Route("/", landing),
        Route("/t/{code}", team_page),
        WebSocketRoute("/t/{code}/ws", team_socket),
        Route("/f/{code}", facilitator_page),
        WebSocketRoute("/f/{code}/ws", facilitator_socket),
        Route("/f/{code}/qr/{team:int}.svg", qr_code),
        Mount("/static", StaticFiles(directory=pages.WEB_DIR), name="static"),
    ]
    app = Starlette(routes=routes, lifespan=lifespan)
    app.add_exception_handler(404, lambda request, exc: pages.refusal_page(_language(request), False))
    return app


async def _tick(room: Room) -> None:
    """Let time pass for the room: the planning timer, teams gone for good, saving the moves played."""
    loop = asyncio.get_running_loop()
    last = flushed = loop.time()
    while True:
        await asyncio.sleep(TICK_SECONDS)
        now = loop.time()
        try:
            room.tick(now - last)
            if now - flushed >= FLUSH_SECONDS:
                room.flush()
                flushed = now
        except Exception:  # noqa: BLE001 - a bug in one tick must not stop the timer for the rest of the workshop
            log.exception("the room's tick failed")
        last = now


# ------------------------------------------------------------------ messages


def _team_message(hub: Hub, connection: Connection, text: str) -> None:
    room, team = hub.room, connection.team
    try:
        message = messages.parse_team(text)
        if isinstance(message, messages.Select):
            signal = message.signal if message.signal is not None and message.signal < _signals(room) else None
            connection.send(views.actions_view(room, team, connection.language, message.person, signal))
        elif isinstance(message, messages.Act):
            room.act(team, messages.team_action(message, room.session.scenario))
        else:
            room.end_turn(team)
    except messages.BadMessage as bad:
        connection.refuse(bad.key)
    except IllegalAction as refusal:
        connection.refuse(Translator(connection.language).text(refusal.reason))


def _signals(room: Room) -> int:
    return len(room.session.scenario.signals)


def _facilitator_message(hub: Hub, connection: Connection, text: str) -> None:
    room = hub.room
    try:
        message = messages.parse_facilitator(text)
        if isinstance(message, (messages.HandToBot, messages.NewLink)) and message.team >= len(room.session.teams):
            raise messages.BadMessage("web.refused.malformed")
        if isinstance(message, messages.Pause):
            room.pause(message.on)
        elif isinstance(message, messages.Inject):
            room.inject(message.event)
        elif isinstance(message, messages.EndRound):
            room.end_round()
        elif isinstance(message, messages.EndGame):
            room.end_game()
        elif isinstance(message, messages.HandToBot):
            room.hand_to_bot(message.team, message.bot)
        else:
            room.replace_link(message.team)
    except messages.BadMessage as bad:
        connection.refuse(bad.key)
    except IllegalAction as refusal:
        connection.refuse(Translator(connection.language).text(refusal.reason))
