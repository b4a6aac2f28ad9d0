"""Filling sentences in a language: numbers grouped its way, plural forms chosen by its rules, French spacing.

A placeholder holding a count may carry its plural forms as a format spec, one per
CLDR plural category, `#` standing for the number:

    "won by {turns:one=# turn|other=# turns}"        -> "won by 1 turn", "won by 3 turns"
    "gagné {turns:one=d'# tour|other=de # tours}"    -> "gagné d'1 tour", "gagné de 1 000 tours"

Babel supplies the plural rules (French puts 0 and 1 in "one") and the grouping
("2,318" in English, "2 318" in French); it is imported on first use so that
loading the engine stays cheap.
"""

from __future__ import annotations

import re
import string
from collections.abc import Mapping
from functools import cache
from numbers import Integral, Real

PLURAL_SPEC = re.compile(r"^(?:zero|one|two|few|many|other)=")
NUMBER_SIGN = "#"  # stands for the count inside a plural form

NBSP = "\u00a0"  # before a colon and inside guillemets
NNBSP = "\u202f"  # narrow: before ; ! ? and %, as French typography wants
_FRENCH_SPACES = re.compile(r" ([:;!?%»])|(«) ")
_FRENCH_WIDTHS = {":": NBSP, "»": NBSP, ";": NNBSP, "!": NNBSP, "?": NNBSP, "%": NNBSP}


@cache
def _locale(language: str):
    from babel import Locale

    return Locale.parse(language)


def is_number(value: object) -> bool:
    return isinstance(value, Real) and not isinstance(value, bool)


def whole(value: float) -> float:
    """3.0 -> 3: a whole number reads and counts as one, whatever its type."""
    return int(value) if isinstance(value, float) and value.is_integer() else value


def format_number(value: float, language: str) -> str:
    """A number as the language writes it: "2,318" / "2 318", "0.5" / "0,5"."""
    value = whole(value)
    if isinstance(value, Integral) and 0 <= value < 1000:
        return str(int(value))  # nothing to group: spare Babel
    from babel.numbers import format_decimal

    return format_decimal(value, locale=_locale(language))


def plural_category(count: float, language: str) -> str:
    """The CLDR plural category of `count` in `language` ("one", "other", ...)."""
    return _locale(language).plural_form(abs(whole(count)))


def plural_forms(spec: str) -> dict[str, str]:
    """{"one": "# turn", "other": "# turns"} from "one=# turn|other=# turns"."""
    forms = {}
    for part in spec.split("|"):
        category, _, text = part.partition("=")
        forms[category.strip()] = text
    return forms


def french_typography(text: str) -> str:
    """Ordinary spaces before : ; ! ? % » and after « become the non-breaking spaces French uses."""
    return _FRENCH_SPACES.sub(_french_space, text)


def _french_space(match: re.Match) -> str:
    mark = match.group(1)
    if mark is None:
        return "«" + NBSP
    return _FRENCH_WIDTHS[mark] + mark


class _Filler(string.Formatter):
    """str.format with numbers and plural forms in one language."""

    def __init__(self, language: str):
        super().__init__()
        self.language = language

    def format_field(self, value: object, format_spec: str) -> str:
        if PLURAL_SPEC.match(format_spec):
            return self.plural(value, format_spec)
        if not format_spec and is_number(value):
            return format_number(value, self.language)
        return super().format_field(value, format_spec)

    def plural(self, value: object, format_spec: str) -> str:
        if not is_number(value):
            raise TypeError(f"a plural form needs a number, not {value!r}")
        forms = plural_forms(format_spec)
        form = forms.get(plural_category(value, self.language), forms.get("other", ""))
        return form.replace(NUMBER_SIGN, format_number(value, self.language))


def fill(template: str, language: str, values: Mapping[str, object]) -> str:
    """`template` with its placeholders filled for `language`, typography included."""
    filled = fill_values(template, language, values)
    return french_typography(filled) if language == "fr" else filled


def fill_values(template: str, language: str, values: Mapping[str, object]) -> str:
    """`template` with its placeholders filled for `language` (numbers and plural forms), typography left out."""
    if not values:
        return template
    if "=" not in template and all(_plain(v) for v in values.values()):
        return template.format(**values)  # the common case, at str.format's speed (the engine formats a lot)
    return _Filler(language).vformat(template, (), values)


def _plain(value: object) -> bool:
    """A value that str.format writes the same in every language."""
    kind = type(value)
    if kind is str:
        return True
    if kind is int:
        return 0 <= value < 1000
    return not is_number(value) or (isinstance(value, Integral) and 0 <= value < 1000)


def placeholders(template: str) -> dict[str, str]:
    """Each placeholder of a template with its format spec: {"turns": "one=# turn|other=# turns"}."""
    return {name: spec or "" for _, name, spec, _ in string.Formatter().parse(template) if name is not None}
