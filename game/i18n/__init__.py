"""Interface text in French and English: JSON catalogues under assets/translations/<language>/.

Every file in a language's folder is merged into one catalogue, so each part
of the interface keeps its own file. A missing key falls back to English,
then to the key itself, so a gap shows up on screen instead of crashing.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from game.core.text import LANGUAGES, Text

TRANSLATIONS = Path(__file__).resolve().parents[2] / "assets" / "translations"
FALLBACK = "en"


@cache
def catalogue(language: str) -> dict[str, str]:
    """Every interface text of one language, merged from its JSON files."""
    merged: dict[str, str] = {}
    folder = TRANSLATIONS / language
    for path in sorted(folder.glob("*.json")):
        merged.update(json.loads(path.read_text(encoding="utf-8")))
    return merged


class Translator:
    """Looks up interface texts (`tr`) and scenario texts (`text`) in the chosen language."""

    def __init__(self, language: str = FALLBACK):
        if language not in LANGUAGES:
            raise ValueError(f"language {language!r} is not one of {', '.join(LANGUAGES)}")
        self.language = language

    def tr(self, key: str, **values: object) -> str:
        template = catalogue(self.language).get(key) or catalogue(FALLBACK).get(key) or key
        localised = {k: self.text(v) if isinstance(v, Text) else v for k, v in values.items()}
        return template.format(**localised) if localised else template

    def text(self, text: Text) -> str:
        return text.get(self.language)


@dataclass(frozen=True)
class Message:
    """A sentence to read later, in whichever language is chosen then: a catalogue key and the values it needs.

    A value that has a `text(translator)` method (another Message, for instance) is read in the same language.
    """

    key: str
    values: tuple[tuple[str, object], ...] = ()

    @classmethod
    def of(cls, key: str, **values: object) -> Message:
        return cls(key, tuple(values.items()))

    def text(self, translator: Translator) -> str:
        values = {k: v.text(translator) if hasattr(v, "text") else v for k, v in self.values}
        return translator.tr(self.key, **values)

    def english(self) -> str:
        return self.text(Translator(FALLBACK))
