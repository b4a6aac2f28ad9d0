"""The pure, deterministic engine: no pygame, no file I/O."""
