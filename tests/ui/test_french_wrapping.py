"""Wrapped French text never breaks a line before : ; ! ? (the non-breaking spaces hold)."""

from __future__ import annotations

import pygame

from game.core.localise import NBSP
from game.i18n import Translator
from game.ui.scenes.draw import wrap
from game.ui.theme import font


def test_wrapping_keeps_a_french_colon_on_the_line_of_its_word():
    pygame.init()
    body = font(20)
    sentence = Translator("fr").tr("board.illegal", reason="Plus de points d'action ce tour-ci : finissez le tour.")
    for width in range(120, 700, 7):
        lines = wrap(sentence, body, width)
        assert not any(line.startswith((":", ";", "!", "?")) for line in lines), (width, lines)
        assert " ".join(lines).replace(" ", "").replace(NBSP, "") == sentence.replace(" ", "").replace(NBSP, "")
    assert NBSP + ":" in " ".join(wrap(sentence, body, 4000))
