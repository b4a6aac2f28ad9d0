"""Names players read: the `labels` section merged with the names records give themselves.

A record's own `name` stays the first word on it; a label gives the languages
that name lacks (a plain name is in the file's language). Tags (skills and
topics) have no name of their own, so their label is all there is.
"""

from __future__ import annotations

from collections.abc import Iterable

from game.core.text import Text
from game.scenario import i18n
from game.scenario import schema as sc
from game.scenario.report import Report, did_you_mean, show

LANGUAGE_NAMES = {"en": "English", "fr": "French"}


class Labeller:
    """Resolves the names of tags, channels, communities and departments in every language."""

    def __init__(self, spec: sc.ScenarioFile, report: Report):
        self.labels, self.report, self.lang = spec.labels, report, spec.language

    def check_ids(self, section: str, known: Iterable[str], what: str) -> None:
        """Report labels of `section` that name no such record (a typo would otherwise go unnoticed)."""
        known = list(known)
        for key in getattr(self.labels, section):
            if key not in known:
                hint = did_you_mean(key, known) or (f"; known: {', '.join(known)}" if 0 < len(known) <= 12 else "")
                self.report.at(("labels", section, key), f"'{key}' is not {what} in this scenario{hint}", on_key=True)

    def tag(self, tag: str) -> Text:
        """A skill or topic as players read it: its label, else the tag with spaces ("mobile app")."""
        given = self.labels.tags.get(tag)
        return i18n.to_text(given, self.lang) if given is not None else Text.plain(tag.replace("_", " "), self.lang)

    def name(self, section: str, record_id: str, own: str | dict | None, default: Text) -> Text:
        """A record's name: its own `name` (or `default`), completed by its label."""
        label = getattr(self.labels, section).get(record_id)
        if label is None:
            return i18n.to_text(own, self.lang, default)
        added = i18n.to_text(label, self.lang).by_language
        mine = i18n.to_text(own, self.lang).by_language if own is not None else {}
        for language, text in added.items():
            if language in mine and mine[language] != text:
                self.report.at(
                    ("labels", section, record_id),
                    f"its {LANGUAGE_NAMES[language]} name is already {show(mine[language])} in its own `name`; "
                    f"give each language once, in `name` or here",
                )
        return Text({**(default.by_language if own is None else mine), **added})
