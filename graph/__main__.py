"""Run the ``careers`` command as ``python -m graph``."""

from graph.cli import main

main(prog_name="careers")
