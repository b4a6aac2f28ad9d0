"""The screens around the board: menu, settings, set-ups, load, curtain, leaderboard, results, facilitator overlays, error."""
