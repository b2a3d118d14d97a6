"""The values receipts print, each generated in all its printed forms: amounts, references,
dates and times, phones, cédulas, RIF, banks, masked accounts, names and concepts (corpus.py
mixes them into lines). Every generator takes a `random.Random`; names and words come from
`words/`, written for this project: no real person's data is in them.
"""
from __future__ import annotations

import random
from functools import lru_cache
from pathlib import Path

WORDS_DIR = Path(__file__).parent / "words"

MONTHS = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"]
MONTHS_SHORT = ["ENE", "FEB", "MAR", "ABR", "MAY", "JUN", "JUL", "AGO", "SEP", "OCT", "NOV", "DIC"]
PHONE_PREFIXES = ["0412", "0422", "0414", "0424", "0416", "0426"]


@lru_cache(maxsize=None)
def words(name: str) -> tuple[str, ...]:
    lines = (WORDS_DIR / f"{name}.txt").read_text(encoding="utf-8").splitlines()
    return tuple(w.strip() for w in lines if w.strip())


@lru_cache(maxsize=None)
def banks() -> tuple[tuple[str, str, str], ...]:
    return tuple(tuple(line.split("|")) for line in words("banks"))  # type: ignore[misc]


def digits(r: random.Random, n: int) -> str:
    return "".join(r.choice("0123456789") for _ in range(n))


def group_thousands(integer: str, sep: str) -> str:
    out = ""
    while len(integer) > 3:
        out = sep + integer[-3:] + out
        integer = integer[:-3]
    return integer + out


def amount(r: random.Random) -> str:
    size = r.choice([1, 2, 3, 3, 4, 4, 5, 6, 7])
    integer = str(int(digits(r, size)) if size > 1 else r.randint(0, 9))
    cents = digits(r, 2)
    style = r.random()
    if style < 0.6:  # Venezuelan: 1.250,75
        value = group_thousands(integer, ".") + "," + cents
    elif style < 0.8:  # some apps: 1250,75
        value = integer + "," + cents
    else:  # USD wallets: 1,250.75 or 10.00
        value = (group_thousands(integer, ",") if r.random() < 0.5 else integer) + "." + cents
    form = r.choice(["Bs. {v}", "{v} Bs", "{v} Bs.", "Bs {v}", "VES {v}", "{v} VES", "-$ {v}", "-${v}", "$ {v}", "${v}",
                     "{v}", "{v}", "USD {v}", "€ {v}", "{v} €", "Bs.S {v}", "-{v} Bs", "+{v} Bs"])
    return form.format(v=value)


def reference(r: random.Random) -> str:
    n = r.choice([6, 8, 10, 11, 12, 12, 12, 14, 16, 20])
    ref = digits(r, n)
    if r.random() < 0.15:
        ref = "00" + ref[2:]
    return ref


def date(r: random.Random) -> str:
    d, m, y = r.randint(1, 28), r.randint(1, 12), r.choice([2023, 2024, 2025, 2026])
    forms = [
        f"{d:02d}/{m:02d}/{y}", f"{d:02d}-{m:02d}-{y}", f"{d}/{m}/{y}", f"{y}-{m:02d}-{d:02d}", f"{d:02d}/{m:02d}/{y % 100:02d}",
        f"{d:02d} {MONTHS_SHORT[m - 1]} {y}", f"{d:02d} {MONTHS_SHORT[m - 1].capitalize()} {y}", f"{d} de {MONTHS[m - 1]} de {y}",
        f"{d} {MONTHS[m - 1]} {y}", f"{d:02d}.{m:02d}.{y}",
    ]
    return r.choice(forms)


def time(r: random.Random) -> str:
    h, mi, s = r.randint(0, 23), r.randint(0, 59), r.randint(0, 59)
    h12 = h % 12 or 12
    ampm = "AM" if h < 12 else "PM"
    forms = [
        f"{h:02d}:{mi:02d}", f"{h:02d}:{mi:02d}:{s:02d}", f"{h12:02d}:{mi:02d} {ampm}", f"{h12}:{mi:02d} {ampm.lower()}",
        f"{h12}:{mi:02d} {'a. m.' if h < 12 else 'p. m.'}", f"{h12:02d}:{mi:02d}{ampm}", f"{h12}:{mi:02d} {ampm[0].lower()}.m.",
    ]
    return r.choice(forms)


def date_time(r: random.Random) -> str:
    return r.choice(["{d} {t}", "{d} - {t}", "{d}, {t}", "{d} | {t}", "{d} a las {t}"]).format(d=date(r), t=time(r))


def phone(r: random.Random) -> str:
    prefix, number = r.choice(PHONE_PREFIXES), digits(r, 7)
    forms = [
        f"{prefix}-{number}", f"{prefix}{number}", f"{prefix} {number[:3]} {number[3:]}", f"+58 {prefix[1:]}-{number}",
        f"58{prefix[1:]}{number}", f"({prefix}) {number}", f"{prefix} - ••••{number[-3:]}", f"{prefix}-***{number[-4:]}",
        f"+58 {prefix[1:]} {number[:3]} {number[3:]}", f"{prefix}.{number[:3]}.{number[3:]}",
    ]
    return r.choice(forms)


def cedula(r: random.Random) -> str:
    number = str(r.randint(800_000, 35_000_000))
    letter = r.choice("VVVVE")
    dotted = group_thousands(number, ".")
    forms = [f"{letter}-{dotted}", f"{letter}{number}", f"{letter}-{number}", number, dotted, f"C.I. {letter}-{dotted}", f"{letter} {dotted}"]
    return r.choice(forms)


def rif(r: random.Random) -> str:
    letter, body, check = r.choice("JGVEPC"), digits(r, 8), digits(r, 1)
    return r.choice([f"{letter}-{body}-{check}", f"{letter}{body}{check}", f"RIF: {letter}-{body}-{check}", f"{letter}-{body}{check}"])


def bank(r: random.Random) -> str:
    code, name, short = r.choice(banks())
    forms = [f"{code} - {name.upper()}", f"{code} - {name}", name, short, f"({code})", f"{name} ({code})", name.upper(), f"{code} {short}"]
    return r.choice(forms)


def masked_account(r: random.Random) -> str:
    code, star = r.choice(banks())[0], r.choice("**•")
    tail = digits(r, 4)
    forms = [
        code + star * r.randint(4, 12) + tail, star * r.randint(6, 16) + tail, f"{code}{star * r.randint(10, 16)}{tail}",
        f"{code}-{star * 4}-{star * 2}-{star * 6}{tail}",
        f"{star * 4} {tail}", f"{star * 4} {star * 4} {star * 4} {tail}",
        f"{code}{digits(r, 4)}{star * r.randint(2, 8)}{tail}",
        f"{code}-{digits(r, 4)}-{digits(r, 2)}-{digits(r, 10)}", code + digits(r, 16),
        f"Cuenta {r.choice(['Corriente', 'de Ahorro', 'Ahorro'])} {star * 4}{tail}",
    ]
    return r.choice(forms)


def person(r: random.Random) -> str:
    first, last = words("first_names"), words("last_names")
    parts = [r.choice(first)]
    if r.random() < 0.35:
        parts.append(r.choice(first))
    parts.append(r.choice(last))
    if r.random() < 0.5:
        parts.append(r.choice(last))
    name = " ".join(parts)
    return name.upper() if r.random() < 0.3 else name


def concept(r: random.Random) -> str:
    vocabulary = words("spanish_words")
    style = r.random()
    if style < 0.15:  # digit groups, as some operators write raffle numbers
        return " ".join(str(r.randint(1, 150)) for _ in range(r.randint(2, 6)))
    text = " ".join(r.choice(vocabulary) for _ in range(r.randint(1, 6)))
    if style < 0.3:
        text = text.upper()
    elif style < 0.7:
        text = text[0].upper() + text[1:]
    if r.random() < 0.1:
        text = r.choice(["¿", "¡"]) + text + r.choice(["?", "!"])
    return text
