"""Workforce projection: a replicable Markov manpower model of the IT and EX levels, with intervals, scenarios and a back-test."""
