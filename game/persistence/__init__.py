"""Files the game keeps for the player (saved games, the autosave, the error log): pure Python, no pygame.

`storage` knows the folders and writes atomically; `saves` reads, checks and
writes saved sessions and the autosave that lets an interrupted game resume.
"""
