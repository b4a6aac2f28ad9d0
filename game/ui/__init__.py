"""Everything pygame: the window, its scenes and the board. The rules live in game.core, never here."""
