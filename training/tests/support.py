"""Shared by the tests: the fonts folder, collected once from the system if it is not there yet."""
from recibo_rec import fonts


def ensure_fonts() -> None:
    if not fonts.LOCK_FILE.exists():
        fonts.collect()
