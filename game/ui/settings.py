"""The player's settings (language, fullscreen, text size), kept between sessions in settings.json."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass

from game.core.text import LANGUAGES
from game.files import FileRefused, read_regular, write_atomically
from game.persistence.storage import data_dir

SETTINGS_FILE = "settings.json"
TEXT_SCALES = (1.0, 1.25, 1.5)  # the text sizes offered in the settings screen
MAX_SETTINGS_BYTES = 64 * 1024  # bytes: the file holds three values


@dataclass(frozen=True)
class Settings:
    language: str = "en"
    fullscreen: bool = False
    text_scale: float = 1.0


def load_settings() -> Settings:
    """The saved settings, or the defaults when the file is missing or unreadable (never fatal)."""
    path = data_dir() / SETTINGS_FILE
    try:
        raw = json.loads(read_regular(path, MAX_SETTINGS_BYTES))
        settings = Settings(
            language=str(raw.get("language", "en")),
            fullscreen=bool(raw.get("fullscreen", False)),
            text_scale=float(raw.get("text_scale", 1.0)),
        )
    except (FileRefused, OSError, ValueError, TypeError, AttributeError, RecursionError):
        return Settings()
    if settings.language not in LANGUAGES or settings.text_scale not in TEXT_SCALES:
        return Settings()
    return settings


def save_settings(settings: Settings) -> None:
    write_atomically(data_dir() / SETTINGS_FILE, json.dumps(asdict(settings), indent=2))
