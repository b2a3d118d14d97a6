"""Recibo's text detector, distilled from PP-OCRv4's (README.md)."""
