"""`python -m game`: the same commands as `python main.py` and `signal-race`."""

import sys

from game.cli import main

if __name__ == "__main__":
    sys.exit(main())
