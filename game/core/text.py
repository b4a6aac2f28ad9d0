"""Player-facing text in several languages (French and English at least)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from game.core.localise import fill_values, french_typography

LANGUAGES = ("en", "fr")  # languages the game is translated into
DEFAULT_LANGUAGE = "en"


@dataclass(frozen=True)
class Text:
    """A text with one version per language; `get` falls back sensibly."""

    by_language: Mapping[str, str] = field(default_factory=dict)

    @classmethod
    def plain(cls, text: str, language: str = DEFAULT_LANGUAGE) -> Text:
        return cls({language: text})

    @classmethod
    def of(cls, **by_language: str) -> Text:
        return cls(dict(by_language))

    def get(self, language: str) -> str:
        """The text in `language` as a reader sees it (French typography included)."""
        text = self.written(language)
        return french_typography(text) if language == "fr" and language in self.by_language else text

    def written(self, language: str) -> str:
        """The text in `language` as written, else in the default language, else in any."""
        if language in self.by_language:
            return self.by_language[language]
        if DEFAULT_LANGUAGE in self.by_language:
            return self.by_language[DEFAULT_LANGUAGE]
        return next(iter(self.by_language.values()), "")

    def format(self, **values: object) -> Text:
        """Fill `{name}` placeholders in every language (numbers and plural forms its way)."""
        return Text(_Filled(self.by_language, values))

    def __str__(self) -> str:
        return self.get(DEFAULT_LANGUAGE)


class _Filled(Mapping):
    """A template's versions, each filled when first read.

    The engine logs a sentence for most moves, in every language, and a headless game reads none of them:
    filling on demand keeps formatting out of the simulation's cost.
    """

    __slots__ = ("_templates", "_values", "_filled")

    def __init__(self, templates: Mapping[str, str], values: dict[str, object]):
        self._templates = templates
        self._values = values
        self._filled: dict[str, str] = {}

    def __getitem__(self, lang: str) -> str:
        filled = self._filled.get(lang)
        if filled is None:
            localised = {k: (v.written(lang) if isinstance(v, Text) else v) for k, v in self._values.items()}
            filled = self._filled[lang] = fill_values(self._templates[lang], lang, localised)  # typography: `get`
        return filled

    def __iter__(self) -> Iterator[str]:
        return iter(self._templates)

    def __len__(self) -> int:
        return len(self._templates)

    def __contains__(self, lang: object) -> bool:
        return lang in self._templates

    def __repr__(self) -> str:
        return repr(dict(self))
