"""The HTML pages: templates from web/ filled with the interface texts of the page's language.

A template names texts as `{{key}}` (any key of the game's catalogues, such
as `{{web.end_turn}}` or `{{board.calendar}}`) and page values as `{{lang}}`
or `{{team}}`; everything is HTML-escaped. Pages that carry a code are never
cached and never leak their address to another site.
"""

from __future__ import annotations

import html
import re
from functools import cache
from pathlib import Path

from starlette.responses import HTMLResponse

from game.core.text import DEFAULT_LANGUAGE, LANGUAGES
from game.i18n import Translator

WEB_DIR = Path(__file__).resolve().parent / "web"
PLACEHOLDER = re.compile(r"\{\{([A-Za-z0-9_.]+)\}\}")
PRIVATE = {  # pages and images that carry a code
    "Cache-Control": "no-store",
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
}
SECURITY = PRIVATE | {
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "connect-src 'self' ws: wss:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
    ),
}


def choose_language(asked: str | None, accept_language: str) -> str:
    """The `lang` asked in the address, else the browser's first language the game speaks, else English."""
    if asked in LANGUAGES:
        return asked
    for part in accept_language.split(",")[:10]:
        code = part.split(";")[0].strip().lower()[:2]
        if code in LANGUAGES:
            return code
    return DEFAULT_LANGUAGE


@cache
def _template(name: str) -> str:
    return (WEB_DIR / name).read_text(encoding="utf-8")


def render(name: str, language: str, **values: str) -> str:
    """Template `name` with its texts in `language` and `values` filled in, all escaped."""
    tr = Translator(language)
    page_values = {"lang": language, **values}

    def fill(match: re.Match) -> str:
        key = match.group(1)
        return html.escape(page_values[key] if key in page_values else tr.tr(key))

    return PLACEHOLDER.sub(fill, _template(name))


def _page(name: str, language: str, status: int = 200, **values: str) -> HTMLResponse:
    return HTMLResponse(render(name, language, **values), status_code=status, headers=SECURITY)


def team_page(language: str, team: str) -> HTMLResponse:
    return _page("team.html", language, team=team)


def facilitator_page(language: str) -> HTMLResponse:
    return _page("facilitator.html", language)


def landing_page(language: str) -> HTMLResponse:
    return _page("message.html", language, message=Translator(language).tr("web.landing"))


def refusal_page(language: str, revoked: bool) -> HTMLResponse:
    """403 for a link that was replaced, 404 for one that never opened anything: never a board."""
    key = "web.link.replaced" if revoked else "web.link.unknown"
    return _page("message.html", language, status=403 if revoked else 404, message=Translator(language).tr(key))
