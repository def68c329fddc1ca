"""Workforce projection: a replicable Markov manpower model of the IT and EX levels, with intervals, scenarios and a back-test."""

MAX_SIMS = 100_000
"""The most simulations `careers project` draws: at this bound, 50 years and 10 levels, its peak memory was 1.3 GB (a million,
the bound before, would have needed about ten times that). Here, not in `simulate`, so that the command's options do not
import NumPy at start-up."""
