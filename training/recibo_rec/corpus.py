"""Text of synthetic receipt lines: what Venezuelan banking apps print, in all its printed forms.

Every generator takes a `random.Random`, so a seed gives the same lines everywhere. The mix
(`line`) leans on what the recogniser must never get wrong (digits, amounts, references,
masked accounts) and on what PP-OCRv4 cannot write (accents, ñ, ¿ ¡), and keeps some plain
Spanish so spaces between words are learnt too. Names and words come from `words/`, written for
this project; no real person's data is in them.
"""
from __future__ import annotations

import random
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from .charset import covers

WORDS_DIR = Path(__file__).parent / "words"

MONTHS = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"]
MONTHS_SHORT = ["ENE", "FEB", "MAR", "ABR", "MAY", "JUN", "JUL", "AGO", "SEP", "OCT", "NOV", "DIC"]
PHONE_PREFIXES = ["0412", "0422", "0414", "0424", "0416", "0426"]

LABELS = [
    "Monto", "Monto Bs.", "Monto a pagar", "Referencia", "Nro. de referencia", "Número de referencia", "Nro. de operación",
    "Nº de operación", "N° Operación", "Ref", "Operación", "Fecha", "Fecha de la operación", "Hora", "Fecha y hora",
    "Teléfono", "Teléfono destino", "Teléfono del beneficiario", "Celular", "Cédula", "Cédula / RIF", "C.I.", "RIF",
    "Identificación", "Documento de identidad", "Banco", "Banco emisor", "Banco receptor", "Banco destino", "Banco origen",
    "Origen", "Destino", "Cuenta", "Cuenta origen", "Cuenta destino", "Cuenta a debitar", "Concepto", "Descripción",
    "Motivo", "Beneficiario", "Nombre del beneficiario", "Nombre", "Titular", "Comisión", "Total", "Total debitado",
    "Monto total", "Código autorizador", "Código de autorización", "Comprobante", "Nro. de comprobante", "Estado",
    "Tipo de operación", "Tipo de pago", "Canal", "Enviado a", "Recibiste de", "Pagado por", "Saldo disponible",
]
HEADINGS = [
    "Pago Móvil", "PagomóvilBDV", "Pago Móvil Interbancario", "Transferencia", "Transferencia exitosa",
    "¡Transferencia exitosa!", "¡Operación exitosa!", "Operación exitosa", "Pago exitoso", "¡Listo!", "Comprobante de pago",
    "Comprobante de operación", "Dinero Rápido", "Envío de Tpago", "Tpago", "Enviaste dinero", "Recibiste dinero",
    "Detalle de la operación", "Resumen", "¿Necesitas ayuda?", "¿Deseas guardar este contacto?", "Compartir",
    "Descargar comprobante", "Volver al inicio", "Nueva operación", "Mercantil en Línea", "Banesco Móvil", "BNC en Línea",
    "Aprobada", "Exitosa", "Procesada", "En proceso", "Mis cuentas", "Personas", "Empresas",
]
STATES = ["Aprobada", "Exitosa", "Procesada", "Completada", "Pago exitoso", "Realizada"]


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


def odd_symbols(r: random.Random) -> str:
    """Rare characters in short mixed strings, so every class is seen often enough."""
    pieces = ["|", "–", "€", "°", "º", "ª", "#", "%", "&", "@", "_", "'", '"', "=", "[", "]", "<", ">", ";", "+", "(", ")", "•", "/"]
    parts = []
    for _ in range(r.randint(2, 5)):
        kind = r.random()
        if kind < 0.4:
            parts.append(r.choice(pieces) * r.randint(1, 2))
        elif kind < 0.7:
            parts.append(digits(r, r.randint(1, 4)))
        else:
            parts.append(r.choice(words("spanish_words")))
    return r.choice([" ", "", " "]).join(parts)


def price(r: random.Random) -> str:
    return f"{r.randint(0, 999)}.{digits(r, 2)}"


#: Mixed-case labels of printed till receipts (the rest of a till receipt is mostly capitals).
TILL_LABELS = [
    "Total", "Subtotal", "Sub Total", "Total Incl. Tax", "Total Excl. Tax", "Total Incl. GST", "Rounding Adjustment",
    "Rounded Total", "Total Amt Rounded", "Payment", "Cash", "Change", "Change Due", "Discount", "Service Charge",
    "Tax", "Amount", "Balance", "Total Qty", "Total Item(s)", "Points Earned", "Card", "Visa", "Tendered",
]
TILL_IDS = ["Invoice No", "Receipt No", "Bill No", "Document No", "Doc No", "Order No", "Cashier", "Table", "Member",
            "Reg No", "Tel", "Fax", "Terminal", "Counter", "Server", "Factura N°", "Cajero"]
TILL_FOOTERS = [
    "THANK YOU", "THANK YOU & PLEASE COME AGAIN", "PLEASE COME AGAIN !", "GOODS SOLD ARE NOT RETURNABLE",
    "GOODS SOLD ARE NOT RETURNABLE OR EXCHANGEABLE", "CUSTOMER COPY", "*** CUSTOMER COPY ***", "THIS IS A COMPUTER GENERATED RECEIPT",
    "HAVE A NICE DAY", "GRACIAS POR SU COMPRA", "NO REFUND", "PRICES INCLUSIVE OF TAX",
]
COMPANY_SUFFIXES = ["LTD", "LTD.", "INC", "INC.", "LLC", "CO.", "CORP", "PLC", "C.A.", "S.A.", "ENTERPRISE", "TRADING", "& CO"]
STREET_TYPES = ["ROAD", "STREET", "AVENUE", "LANE", "DRIVE", "HIGHWAY", "JALAN", "AV.", "CALLE"]


#: Letters that start invoice numbers, and that end company registration numbers.
ID_LETTERS = "ABCDEFGHJKLMNPRSTVWXYZ"
REG_LETTERS = "ADHKMPTUVWX"


@lru_cache(maxsize=None)
def till_vocabulary() -> tuple[str, ...]:
    return words("till_words") + words("english_words")


def till_item(r: random.Random) -> str:
    vocabulary = till_vocabulary()
    return " ".join(r.choice(vocabulary) for _ in range(r.randint(1, 4)))


def till_line(r: random.Random) -> str:
    """A line of a printed till receipt (shop, restaurant, fuel station), as scanned on thermal
    paper: the shop's name and address, items with codes, quantities and prices, totals, tax and
    invoice numbers, footers; capitals mostly, English and some Spanish."""
    style = r.random()
    upper = r.random() < 0.8
    if style < 0.2:
        item = till_item(r)
        text = f"{item} {r.randint(1, 12)} {price(r)} {price(r)}" if r.random() < 0.5 else f"{item} {price(r)}"
    elif style < 0.3:
        q, unit = r.randint(1, 12), r.choice(["PC", "PCS", "X", "x", "@", "KG", "UNIT"])
        text = r.choice([f"{q} {unit} {price(r)}", f"{q} {unit} {price(r)} {price(r)}", f"{q} {unit} {price(r)} {price(r)} {price(r)}",
                         f"{price(r)} {r.choice(['SR', 'ZR', 'T', 'E', 'S'])}", f"{q}.00 {unit} {price(r)} {price(r)}"])
    elif style < 0.45:
        label = r.choice(TILL_LABELS)
        label = label.upper() if upper else label
        text = label + r.choice([" ", ": ", " : ", " :"]) + r.choice(["", "", "RM", "RM ", "Bs ", "$", "USD "]) + price(r)
    elif style < 0.55:
        label = r.choice(TILL_IDS)
        label = label.upper() if upper else label
        text = label + r.choice([": ", " : ", " ", "#: ", ". : "]) + r.choice(
            [digits(r, r.randint(4, 10)), f"{digits(r, 3)}-{digits(r, 7)}", f"{r.choice(ID_LETTERS) * r.randint(1, 2)}{digits(r, r.randint(5, 9))}",
             f"{r.choice(ID_LETTERS)}{r.choice(ID_LETTERS)} {digits(r, 5)}", till_item(r)])
    elif style < 0.65:  # an item under its barcode or stock code
        text = f"{digits(r, r.choice([6, 8, 12, 13, 13]))} {till_item(r)}"
    elif style < 0.75:  # the shop's address
        n = r.randint(1, 300)
        street = f"{r.choice(words('english_words'))} {r.choice(STREET_TYPES)}"
        text = r.choice([f"NO. {n}, {street},", f"NO.{n} & {n + 2}, {street}", f"LOT {n}, {street}", f"{digits(r, 5)} {till_item(r)},",
                         f"{n} {street}", f"{till_item(r)},", f"UNIT {n}-{r.randint(1, 30)}, {street}"])
    elif style < 0.82:  # the shop's name and registration
        text = f"{till_item(r)} {r.choice(COMPANY_SUFFIXES)}"
        if r.random() < 0.3:
            text = r.choice([f"({digits(r, r.randint(5, 7))}-{r.choice(REG_LETTERS)})", f"{digits(r, r.randint(5, 7))}-{r.choice(REG_LETTERS)}",
                             f"GST REG NO: {digits(r, 12)}", f"CO. REG NO: {digits(r, 6)}-{r.choice(REG_LETTERS)}"])
    elif style < 0.9:
        label = r.choice(["Date", "Date/Time", "Fecha", ""])
        value = f"{date(r)} {time(r)}" if r.random() < 0.7 else date(r)
        text = f"{label}{r.choice([': ', ' : ', ' '])}{value}" if label else value
        upper = upper and r.random() < 0.5
    else:
        text = r.choice(TILL_FOOTERS) if r.random() < 0.6 else till_item(r)
    return text.upper() if upper else text


VALUES = [
    (amount, 4), (reference, 4), (date, 2), (time, 2), (date_time, 2), (phone, 3), (cedula, 3), (rif, 1), (bank, 3),
    (masked_account, 3), (person, 4), (concept, 4),
]


def value(r: random.Random) -> str:
    generators, weights = zip(*VALUES)
    return r.choices(generators, weights)[0](r)


def label(r: random.Random) -> str:
    text = r.choice(LABELS)
    return text.upper() if r.random() < 0.2 else text


def line(r: random.Random) -> str:
    """One line of a receipt, as a detector would box it."""
    kind = r.random()
    if kind < 0.45:
        text = value(r)
    elif kind < 0.65:
        # No "Label :" form: in the apps' proportional fonts that space is barely visible, so it
        # cannot be learnt (a fifth of the first model's misses). Till lines keep "TOTAL : 9.50":
        # receipt printers set it in wide type where the space shows.
        text = label(r) + r.choice([":", ":", ""])
    elif kind < 0.85:
        text = label(r) + r.choice([": ", ": ", " "]) + value(r)
    elif kind < 0.88:
        text = r.choice(HEADINGS)
    elif kind < 0.97:
        # Twice the first schedules' share: printed till receipts (SROIE) were the weakest set.
        text = till_line(r)
    else:
        text = odd_symbols(r)
    return _clean(text)


#: Prefixes that till receipts join to a word with a hyphen (`NON-RETURNABLE`, `CO-OP`).
HYPHEN_PREFIXES = ["NON", "PRE", "RE", "CO", "SELF", "E", "X", "MULTI", "ANTI", "SUB", "MINI", "SEMI", "TAKE", "3", "2"]
WEEKDAYS = ["MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN"]


def till_marks_line(r: random.Random) -> str:
    """A till receipt's line with the marks its printer sets and `till_line` rarely writes:
    hyphenated words, a hyphen between spaces (`CASHIER 03 - NAME`, hours `10:00 - 22:00`), a
    quantity after a price's `*` and tax codes after one (`7.90*3`, `12.00 *S`), `@` rates,
    `(RM)` after a column's name and possessives (`KING'S`). A printer draws its hyphen as wide
    as a screen font's en dash, and the stream had given the model few printed hyphens and only
    en dashes between spaces: it read SROIE's `NON-RETURNABLE` as `NON–RETURNABLE`."""
    vocabulary = till_vocabulary()
    word = lambda: r.choice(vocabulary)  # noqa: E731
    style = r.random()
    if style < 0.2:  # hyphenated words in an item or a footer
        joined = f"{r.choice(HYPHEN_PREFIXES)}-{word()}" if r.random() < 0.5 else f"{word()}-{word()}"
        parts = [till_item(r), joined] if r.random() < 0.5 else [joined, till_item(r)]
        text = " ".join(parts) if r.random() < 0.7 else joined
    elif style < 0.4:  # a hyphen between spaces
        text = r.choice([
            f"{r.choice(TILL_IDS)} {digits(r, r.randint(2, 5))} - {person(r)}", f"{till_item(r)} - {till_item(r)}",
            f"{r.choice(WEEKDAYS)}-{r.choice(WEEKDAYS)} {time(r)} - {time(r)}", f"{price(r)} - {price(r)}",
            f"{r.choice(TILL_IDS)} - {digits(r, r.randint(3, 8))}", f"- {till_item(r)} -", f"{word()} - {digits(r, 4)}",
        ])
    elif style < 0.55:  # dialling codes and hours joined by hyphens
        text = r.choice([
            f"TEL: 0{r.randint(1, 9)}-{digits(r, r.choice([7, 8]))}", f"TEL:0{r.randint(1, 9)}-{digits(r, 4)} {digits(r, 4)}",
            f"{r.choice(WEEKDAYS)}-{r.choice(WEEKDAYS)}:{digits(r, 4)}-{digits(r, 4)}", f"{digits(r, 2)}-{digits(r, 2)}-{digits(r, 4)}",
            f"{r.choice(ID_LETTERS)}{digits(r, 4)}-{r.choice(REG_LETTERS)}", f"{word()}-{digits(r, r.randint(1, 3))}",
        ])
    elif style < 0.8:  # quantities and tax codes after an asterisk
        q = r.randint(1, 12)
        text = r.choice([
            f"{price(r)}*{q}", f"{price(r)} *{q}", f"{till_item(r)} {price(r)}*{q} {price(r)}", f"{price(r)} *{r.choice('SZTE')}",
            f"{till_item(r)} {price(r)} *{r.choice('SZ')}", f"*{r.choice('SZ')}", f"{q} * {price(r)}",
            f"** {r.choice(TILL_FOOTERS)} **", f"*{till_item(r)}*", f"*{r.choice(TILL_FOOTERS)}*",
        ])
    else:  # rates, column names and possessives
        text = r.choice([
            f"GST@{r.choice([0, 6, 10, 16])}%", f"{word()} @{price(r)}", f"@{r.choice(['0.00', '6.00', '6'])}%",
            f"{r.choice(['AMT', 'TAX', 'PRICE', 'TOTAL', 'DISC'])}({r.choice(['RM', '$', 'BS'])})", "U/P", "U.PRICE", "QTY.",
            f"{word()}'S {word()}", f"{r.randint(2, 500)}'S", f"{word()}!",
        ])
    return text.upper() if r.random() < 0.9 else text


def printed_line(r: random.Random, marks: float = 0.0) -> str:
    """One line of a printed till receipt, as a detector would box it (rendered on scanned paper
    in printer-like type by dataset.sample); `marks` the share drawn from till_marks_line (the
    training stream's, so the evaluation sets stay as they were)."""
    if marks and r.random() < marks:
        return _clean(till_marks_line(r))
    return _clean(till_line(r))


def _clean(text: str) -> str:
    text = " ".join(text.split())
    assert covers(text), f"corpus produced a character outside the charset: {text!r}"
    return text


def line_with_max_length(r: random.Random, max_chars: int, generate: Callable[[random.Random], str] = line) -> str:
    """A line of at most `max_chars` characters from `generate`: the curriculum starts with short
    lines."""
    for _ in range(50):
        text = generate(r)
        if len(text) <= max_chars:
            return text
    return text[:max_chars].strip() or "0"
