"""Arrows point down: the engine and the workshop never pull in the server or its web stack."""

from __future__ import annotations

from tests.test_purity import loaded_by_importing


def test_the_core_and_the_workshop_leave_the_server_out():
    assert loaded_by_importing(("game/core", "game/workshop"), ("starlette", "uvicorn", "segno", "game.server")) == []
