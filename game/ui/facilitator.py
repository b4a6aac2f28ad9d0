"""The facilitator's keys during a workshop: P pause, L leaderboard, I inject an event, F10 end the game.

The board (and the curtain, and the leaderboard between rounds) offer every
key press here first; in solo practice nothing is intercepted.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.ui.scene import Push, Transition
from game.workshop.session import Session

if TYPE_CHECKING:
    from game.ui.app import App

FACILITATOR_KEYS = {pygame.K_p: "pause", pygame.K_l: "leaderboard", pygame.K_i: "inject", pygame.K_F10: "end"}


def facilitator_key(app: App, session: Session, event: pygame.event.Event) -> Transition | None:
    """The screen a facilitator key opens, or None if the key is not one (or this is solo practice)."""
    if event.type != pygame.KEYDOWN or session.mode == "solo" or session.over:
        return None
    if event.mod & (pygame.KMOD_CTRL | pygame.KMOD_ALT | pygame.KMOD_META):
        return None
    command = FACILITATOR_KEYS.get(event.key)
    if command is None:
        return None
    from game.ui.scenes.facilitator import ConfirmEndScene, InjectScene, PauseScene
    from game.ui.scenes.leaderboard import LeaderboardScene

    scenes = {
        "pause": PauseScene,
        "leaderboard": LeaderboardScene,
        "inject": InjectScene,
        "end": ConfirmEndScene,
    }
    return Push(scenes[command](app, session))
