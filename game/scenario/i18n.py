"""Scenario text fields: a plain string in the file's language, or a map of language to text."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import Discriminator, Field, Tag

from game.core.text import LANGUAGES, Text

Language = Literal["en", "fr"]  # languages a scenario may be written in (matches LANGUAGES)

PLAIN_TAG = "<plain>"  # union tags pydantic puts in error locations; the loader strips them
MAP_TAG = "<map>"


def _text_kind(value: Any) -> str | None:
    """Which form of text `value` is, or None when it is neither."""
    if isinstance(value, str):
        return PLAIN_TAG
    if isinstance(value, dict):
        return MAP_TAG
    return None


TextMap = Annotated[
    dict[Language, str],
    Field(min_length=1, description="One version per language, e.g. {en: Hello, fr: Bonjour}."),
]

TextValue = Annotated[
    Annotated[str, Tag(PLAIN_TAG)] | Annotated[TextMap, Tag(MAP_TAG)],
    Discriminator(
        _text_kind,
        custom_error_type="text_type",
        custom_error_message=("expected a text: a string, or a map of language to string like {en: ..., fr: ...}"),
    ),
]

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
