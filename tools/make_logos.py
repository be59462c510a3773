"""Draw the kernel logos (32 and 64 pixel PNGs and an SVG) with the standard library only.

The logo is the letters "XS" from a 5x7 pixel font, white on a blue rounded square. Run
``python tools/make_logos.py`` after changing it; it writes xs_kernel/resources/ and the
kernelspec folder share/jupyter/kernels/xanoscript/, and the outputs are committed.
"""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGETS = (ROOT / "xs_kernel" / "resources", ROOT / "share" / "jupyter" / "kernels" / "xanoscript")
BLUE = (0x1B, 0x5F, 0xE0, 0xFF)
WHITE = (0xFF, 0xFF, 0xFF, 0xFF)
CLEAR = (0, 0, 0, 0)
GLYPHS = {
    "X": ["10001", "10001", "01010", "00100", "01010", "10001", "10001"],
    "S": ["01111", "10000", "10000", "01110", "00001", "00001", "11110"],
}
TEXT = "XS"


def letter_cells(scale: int, size: int) -> set[tuple[int, int]]:
    """Pixels (x, y) covered by the letters, centred in a SIZE square."""
    width = (len(TEXT) * 5 + (len(TEXT) - 1)) * scale
    left, top = (size - width) // 2, (size - 7 * scale) // 2
    cells = set()
    for n, ch in enumerate(TEXT):
        for row, bits in enumerate(GLYPHS[ch]):
            for col, bit in enumerate(bits):
                if bit == "1":
                    x0, y0 = left + (n * 6 + col) * scale, top + row * scale
                    cells.update((x0 + dx, y0 + dy) for dx in range(scale) for dy in range(scale))
    return cells


def inside_rounded(x: int, y: int, size: int, radius: int) -> bool:
    cx = min(max(x + 0.5, radius), size - radius)
    cy = min(max(y + 0.5, radius), size - radius)
    return (x + 0.5 - cx) ** 2 + (y + 0.5 - cy) ** 2 <= radius ** 2


def pixels(size: int) -> list[list[tuple[int, int, int, int]]]:
    scale = size // 16
    ink = letter_cells(scale, size)
    radius = size // 6
    return [[WHITE if (x, y) in ink else BLUE if inside_rounded(x, y, size, radius) else CLEAR
             for x in range(size)] for y in range(size)]


def png(rows: list[list[tuple[int, int, int, int]]]) -> bytes:
    height, width = len(rows), len(rows[0])
    raw = b"".join(b"\x00" + bytes(c for px in row for c in px) for row in rows)

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)  # 8-bit RGBA
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def svg() -> str:
    size, scale = 64, 4
    rects = "".join(f'<rect x="{x}" y="{y}" width="1" height="1"/>'
                    for x, y in sorted(letter_cells(scale, size)))
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {size} {size}" '
            f'width="{size}" height="{size}" shape-rendering="crispEdges">'
            f'<rect width="{size}" height="{size}" rx="{size // 6}" fill="#1b5fe0"/>'
            f'<g fill="#ffffff">{rects}</g></svg>\n')


def main() -> None:
    outputs = {"logo-32x32.png": png(pixels(32)), "logo-64x64.png": png(pixels(64)),
               "logo-svg.svg": svg().encode()}
    for folder in TARGETS:
        folder.mkdir(parents=True, exist_ok=True)
        for name, data in outputs.items():
            (folder / name).write_bytes(data)
            print(folder / name)


if __name__ == "__main__":
    main()
