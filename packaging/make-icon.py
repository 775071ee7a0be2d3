#!/usr/bin/env python3
"""Draws the package icon (icon.png, 128x128): "</>" in white on an indigo rounded square. Standard library only.

Run it again after changing the drawing: python3 packaging/make-icon.py
"""
import math
import os
import struct
import zlib

SIZE = 128
SAMPLES = 4  # per axis, for anti-aliasing
BACKGROUND = (59, 63, 182)
FOREGROUND = (255, 255, 255)
RADIUS = 26  # corner radius of the square
STROKE = 11  # width of the strokes

# "</>": two chevrons and a slash, as line segments in icon coordinates.
SEGMENTS = [
    ((46, 40), (22, 64)), ((22, 64), (46, 88)),      # <
    ((82, 40), (106, 64)), ((106, 64), (82, 88)),    # >
    ((72, 34), (56, 94)),                            # /
]


def in_rounded_square(x, y):
    cx = min(max(x, RADIUS), SIZE - RADIUS)
    cy = min(max(y, RADIUS), SIZE - RADIUS)
    return (x - cx) ** 2 + (y - cy) ** 2 <= RADIUS ** 2


def distance_to_segment(px, py, a, b):
    (ax, ay), (bx, by) = a, b
    dx, dy = bx - ax, by - ay
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    return math.hypot(px - (ax + t * dx), py - (ay + t * dy))


def pixel(x, y):
    inside = stroke = 0
    for sy in range(SAMPLES):
        for sx in range(SAMPLES):
            px, py = x + (sx + 0.5) / SAMPLES, y + (sy + 0.5) / SAMPLES
            if in_rounded_square(px, py):
                inside += 1
                if min(distance_to_segment(px, py, a, b) for a, b in SEGMENTS) <= STROKE / 2:
                    stroke += 1
    total = SAMPLES * SAMPLES
    alpha = inside / total
    if inside == 0:
        return (0, 0, 0, 0)
    mix = stroke / inside
    color = tuple(round(BACKGROUND[i] * (1 - mix) + FOREGROUND[i] * mix) for i in range(3))
    return color + (round(alpha * 255),)


def png(width, height, rows):
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    raw = b"".join(b"\x00" + bytes(v for p in row for v in p) for row in rows)
    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)  # 8-bit RGBA
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


if __name__ == "__main__":
    rows = [[pixel(x, y) for x in range(SIZE)] for y in range(SIZE)]
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "icon.png")
    with open(path, "wb") as f:
        f.write(png(SIZE, SIZE, rows))
    print(path)
