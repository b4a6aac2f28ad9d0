"""The debrief: what happened to each signal in each team's game, measured for the facilitator.

Pure Python (no pygame): `build` turns played games into figures (timelines,
paths, the four contrasts, bot and what-if comparisons); `export` writes the
HTML report, the CSV of every event and the JSON summary.
"""
