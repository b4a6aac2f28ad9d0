"""Join QR codes as SVG (segno), so a phone joins by pointing its camera at the projector or the facilitator's page."""

from __future__ import annotations

import io

import segno

SCALE = 6  # SVG units per module: the browser scales it anyway
BORDER = 4  # quiet zone in modules, as the QR standard asks


def qr_code(link: str) -> segno.QRCode:
    """The QR code of a link, with medium error correction (readable from a projector at an angle)."""
    return segno.make(link, error="m", micro=False)


def qr_svg(link: str, title: str = "") -> bytes:
    """A standalone SVG of the QR code of `link`, black on white."""
    out = io.BytesIO()
    qr_code(link).save(
        out, kind="svg", scale=SCALE, border=BORDER, xmldecl=False, title=title or link, dark="#000", light="#fff"
    )
    return out.getvalue()
