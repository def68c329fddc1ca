"""The commands of ``careers`` beyond build and validate, grouped by topic."""
