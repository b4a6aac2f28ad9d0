"""Signal Race entry point: `python main.py --help` lists the commands."""

from game.cli import run_and_exit

if __name__ == "__main__":
    run_and_exit()
