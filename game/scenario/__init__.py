"""Loading and generating scenarios: untrusted YAML in, `game.core.model.Scenario` out."""
