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
    """Resolves the names of tags, channels, communities, departments and job titles in every language."""

    def __init__(self, spec: sc.ScenarioFile, report: Report):
        self.labels, self.report, self.lang = spec.labels, report, spec.language
        self.titles_used: set[str] = set()  # `labels.titles` keys some title matched
        self.titles_seen: dict[str, None] = {}  # every job title as written, in order, for suggestions

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
        mine = i18n.to_text(own, self.lang) if own is not None else default
        return self._completed(mine, label, ("labels", section, record_id), "name", own is not None)

    def title(self, own: Text) -> Text:
        """A job title completed by its label in `labels.titles`, found by the title as the file writes it."""
        written = own.by_language.get(self.lang)
        if not written:
            return own
        self.titles_seen[written] = None
        label = self.labels.titles.get(written)
        if label is None:
            return own
        self.titles_used.add(written)
        return self._completed(own, label, ("labels", "titles", written), "title", True)

    def check_titles(self) -> None:
        """Report title labels no person or block has (checked once every title has been built)."""
        unused = [title for title in self.labels.titles if title not in self.titles_used]
        for title in unused:
            hint = did_you_mean(title, list(self.titles_seen))
            self.report.at(
                ("labels", "titles", title), f"{show(title)} is not a job title in this scenario{hint}", on_key=True
            )

    def _completed(self, mine: Text, label: str | dict, where: tuple, what: str, own: bool) -> Text:
        """`mine` plus the languages `label` gives; a language given in both is reported at the label."""
        added = i18n.to_text(label, self.lang).by_language
        for language, text in added.items():
            if own and language in mine.by_language and mine.by_language[language] != text:
                self.report.at(
                    where,
                    f"its {LANGUAGE_NAMES[language]} {what} is already {show(mine.by_language[language])} in its "
                    f"own `{what}`; give each language once, in `{what}` or here",
                )
        return Text({**mine.by_language, **added})
