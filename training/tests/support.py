"""Shared by the tests: the fonts folder, collected from the system if it is not there yet or
was collected by an older SOURCES (its lock then fails `load`'s checks)."""
from recibo_rec import fonts


def ensure_fonts() -> None:
    try:
        fonts.load()
    except (FileNotFoundError, ValueError):
        fonts.collect()
        fonts.load.cache_clear()


#: Patches for recibo_rec.render that leave a line as drawn: no WhatsApp damage, no scanner.
UNDAMAGED = {"whatsapp_damage": lambda page, r, size: (page, 1.0), "scanned": lambda page, colours, r: page}
