"""The networked workshop: the facilitator's machine hosts the session, each team plays from its own browser.

An ASGI app (Starlette, served by uvicorn) over the pure `game.workshop`
session and the one rules door: `room` owns the authoritative session and the
facilitator's powers, `views` cuts each team's own view out of it (fog of war,
never another team's state), `messages` validates what browsers send, `app`
wires pages and WebSockets, `host` binds and runs it. `web/` holds the pages,
served by the host itself so a room without internet works.
"""
