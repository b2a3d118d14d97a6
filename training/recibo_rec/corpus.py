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

from .charset import covers
from . import receipt_values
from .receipt_values import amount, bank, cedula, concept, date, date_time, digits, masked_account, person, phone, reference, rif, time
from .till_corpus import till_line, till_marks_line, till_vocabulary  # noqa: F401  (till_vocabulary: read as corpus.* too)

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
            parts.append(r.choice(receipt_values.words("spanish_words")))
    return r.choice([" ", "", " "]).join(parts)


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
