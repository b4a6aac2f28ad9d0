"""Interface texts: French and English complete, and every key the screens use exists."""

from __future__ import annotations

import json
import re
import string
from pathlib import Path

from game.core.competitor import DIFFICULTY
from game.i18n import TRANSLATIONS, catalogue
from game.ui.theme import OKABE_ITO_NAMES

UI_CODE = Path(__file__).resolve().parents[2] / "game" / "ui"
LITERAL_KEY = re.compile(r"""["'](ui\.[a-z_.]+[a-z])["']""")


def fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_english_and_french_have_the_same_keys_and_placeholders():
    english = json.loads((TRANSLATIONS / "en" / "ui.json").read_text(encoding="utf-8"))
    french = json.loads((TRANSLATIONS / "fr" / "ui.json").read_text(encoding="utf-8"))
    assert set(english) == set(french)
    assert all(key.startswith("ui.") for key in english)
    for key in english:
        assert fields(english[key]) == fields(french[key]), key
        assert french[key].strip(), key


def test_every_key_the_screens_use_is_translated():
    used = set()
    for path in UI_CODE.rglob("*.py"):
        if "board" not in path.parts:
            used |= set(LITERAL_KEY.findall(path.read_text(encoding="utf-8")))
    used |= {f"ui.difficulty.{d}" for d in DIFFICULTY} | {f"ui.difficulty.{d}.tip" for d in DIFFICULTY}
    used |= {f"ui.colour.{name}" for name in OKABE_ITO_NAMES}
    used |= {f"ui.mode.{m}" for m in ("solo", "hotseat", "simultaneous")}
    missing = sorted(key for key in used if key not in catalogue("en") or key not in catalogue("fr"))
    assert not missing
