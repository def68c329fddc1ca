"""gc-digital-careers: a knowledge graph of the Government of Canada's digital careers, and tools to question it."""

__version__ = "0.1.0"
