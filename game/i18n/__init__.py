"""Interface text in French and English: JSON catalogues under game/assets/translations/<language>/.

Templates are `str.format` strings filled by `game.core.localise`: numbers are
grouped the language's way and a count may carry plural forms
(`{turns:one=# turn|other=# turns}`); French gets its non-breaking spaces.

Every file in a language's folder is merged into one catalogue, so each part
of the interface keeps its own file. A missing key falls back to English,
then to the key itself, so a gap shows up on screen instead of crashing.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache

from game.core.localise import fill, format_number
from game.core.text import LANGUAGES, Text
from game.package_data import data_path

TURN_UNITS = ("turn", "day", "week", "month", "hour")  # turn units the catalogues translate
TRANSLATIONS = data_path("assets", "translations")
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
        return fill(template, self.language, localised)

    def number(self, value: float, signed: bool = False) -> str:
        """A number as the chosen language writes it ("2,318" / "2 318"); `signed` writes "+" on gains."""
        return ("+" if signed and value > 0 else "") + format_number(value, self.language)

    def duration(self, count: int, unit: str) -> str:
        """A number of the scenario's turn units: "1 day", "3 jours"; an unknown unit is shown as written."""
        base = unit.lower().removesuffix("s")
        if base in TURN_UNITS:
            return self.tr(f"ui.unit.{base}", count=count)
        return self.tr("ui.unit.other", count=count, unit=unit)

    def text(self, text: Text) -> str:
        return text.get(self.language)

    @property
    def translator(self) -> Translator:
        """Itself: sentence builders written for the App (`app.tr`, `app.text`, `app.translator`) also take a
        Translator, as the hosted workshop's pages do."""
        return self


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
