"""Shared by the tests: the fonts folder, collected from the system if it is not there yet or
was collected by an older SOURCES (its lock then fails `load`'s checks)."""
from recibo_rec import fonts


def ensure_fonts() -> None:
    try:
        fonts.load()
    except (FileNotFoundError, ValueError):
        fonts.collect()
        fonts.load.cache_clear()
