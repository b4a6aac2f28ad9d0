"""`python -m game`: the same commands as `python main.py` and `signal-race`."""

from game.cli import run_and_exit

if __name__ == "__main__":
    run_and_exit()
