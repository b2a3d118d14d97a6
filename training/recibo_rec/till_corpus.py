"""Lines of printed till receipts (shops, restaurants, fuel stations) as scanned on thermal paper,
and the marks their printers set: the printed share of the training stream (corpus.printed_line).
"""
from __future__ import annotations

import random
from functools import lru_cache

from . import receipt_values
from .receipt_values import date, digits, person, time


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
    # Looked up on the module each time: lm_probe swaps the word lists for a run.
    return receipt_values.words("till_words") + receipt_values.words("english_words")


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
        street = f"{r.choice(receipt_values.words('english_words'))} {r.choice(STREET_TYPES)}"
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
