"""Teams, turn order and standings of a solo game or a workshop (pure, no pygame)."""
