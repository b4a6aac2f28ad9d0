"""Saved games and sessions, and the player's folders: pure Python, no pygame.

`records` is the one reader of saves (a game from `play --save`, a session from
the window), `record_schema` their keys and types, `problems` what can be wrong
with one, in French and English; `loading` rebuilds a game or a session from a
record; `saves` keeps the window's saves and autosave; `storage` knows the
folders. Files are read and written through `game.files`.
"""
