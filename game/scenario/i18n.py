"""Scenario text fields: a plain string in the file's language, or a map of language to text.

The pydantic types that validate them are in `schema` (TextValue); this module turns validated values into
`Text` and names the defaults, without pydantic, so the menu can read a title before the loader is imported.
"""

from __future__ import annotations

from typing import Any

from game.core.text import LANGUAGES, Text

EMPLOYEE_TITLE = Text.of(en="Employee", fr="Employé")  # default title of generated people
COMPETITOR_NAME = Text.of(en="The competitor", fr="Le concurrent")
GENERAL_DEPARTMENT = Text.of(en="General", fr="Général")  # department made for a root without one
TEAM_MEETING = Text.of(en="Team meeting", fr="Réunion d'équipe")  # default name of a team_meeting channel


def name_from_id(identifier: str, language: str) -> Text:
    """A readable default name for a record that has none: "managers_letter" -> "Managers letter"."""
    words = identifier.replace("_", " ").replace("-", " ").strip()
    return Text.plain(words[:1].upper() + words[1:], language)


def to_text(value: str | dict[str, str] | None, language: str, default: Text | None = None) -> Text:
    """Turn a validated text field into a `Text`; plain strings are in `language`."""
    if value is None:
        return default if default is not None else Text.plain("", language)
    if isinstance(value, str):
        return Text.plain(value, language)
    return Text({lang: value[lang] for lang in LANGUAGES if lang in value})


def is_text_value(value: Any) -> bool:
    """Whether `value` is a text field as the format wants it: a string, or a non-empty map of language to string."""
    if isinstance(value, str):
        return True
    return (
        isinstance(value, dict) and bool(value) and all(k in LANGUAGES and isinstance(v, str) for k, v in value.items())
    )
