"""What the bundle runs: packaging/build freezes this script into dist/signal-race/signal-race."""

import multiprocessing
import sys

from game.cli import main

if __name__ == "__main__":
    multiprocessing.freeze_support()  # `balance --jobs` starts worker processes from the frozen executable
    sys.exit(main())
