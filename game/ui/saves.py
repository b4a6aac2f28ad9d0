"""Saved games and the autosave, for the window's modules: see game.persistence.saves, which owns them."""

from game.persistence.saves import (
    AUTOSAVE_STEM,
    SaveEntry,
    SaveError,
    SaveProblem,
    autosave,
    autosave_stem,
    clear_autosave,
    delete_autosave,
    interrupted_game,
    interrupted_games,
    list_saves,
    load_session,
    save_session,
    saves_dir,
)

__all__ = [
    "AUTOSAVE_STEM",
    "SaveEntry",
    "SaveError",
    "SaveProblem",
    "autosave",
    "autosave_stem",
    "clear_autosave",
    "delete_autosave",
    "interrupted_game",
    "interrupted_games",
    "list_saves",
    "load_session",
    "save_session",
    "saves_dir",
]
