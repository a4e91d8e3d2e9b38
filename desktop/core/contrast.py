"""Text on verdict colours: WCAG 2 contrast, and how much of a colour may lie under text.

Every place that puts text on a verdict colour asks here: the exporters' chips and
numbered badges take the ink with the higher contrast (`best_ink`), and highlights, which
lay a translucent colour over the page, are capped at the strength that still leaves the
text at 4.5:1 (`readable_alpha`), whatever colour a user picks. The shipped palette is
checked against these functions in tests/test_verdict_colors.py.

Pure Python and no Qt, so the core, the exporters and the article pane share it.
"""

from __future__ import annotations

import re
from functools import lru_cache

READABLE = 4.5  # WCAG 2 level AA, normal-size text
DARK_INK = "#111111"
LIGHT_INK = "#ffffff"
WHITE = "#ffffff"
BLACK = "#000000"

_HEX = re.compile(r"#([0-9a-fA-F]{6})")


def channels(color: str) -> tuple[int, int, int]:
    """(r, g, b) of a `#rrggbb` colour; ValueError for anything else."""
    match = _HEX.fullmatch(color.strip())
    if match is None:
        raise ValueError(f"colour {color!r} is not of the form #rrggbb")
    digits = match.group(1)
    return int(digits[0:2], 16), int(digits[2:4], 16), int(digits[4:6], 16)


def _linear(v: int) -> float:
    s = v / 255
    return s / 12.92 if s <= 0.04045 else ((s + 0.055) / 1.055) ** 2.4


def relative_luminance(color: str) -> float:
    """WCAG 2 relative luminance, 0 (black) to 1 (white)."""
    r, g, b = (_linear(v) for v in channels(color))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(first: str, second: str) -> float:
    """WCAG 2 contrast ratio, 1 to 21, in either order."""
    high, low = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def over(color: str, alpha: float, paper: str = WHITE) -> str:
    """`color` laid at `alpha` opacity over `paper`, as an opaque `#rrggbb`, blended the
    way browsers, Qt and print do it (per channel, in sRGB values)."""
    alpha = min(1.0, max(0.0, alpha))
    return "#" + "".join(
        f"{round(p + (c - p) * alpha):02x}"
        for c, p in zip(channels(color), channels(paper), strict=True)
    )


def best_ink(color: str, inks: tuple[str, ...] = (DARK_INK, LIGHT_INK)) -> str:
    """The ink of `inks` with the highest contrast on `color` (the first on a tie)."""
    return max(inks, key=lambda ink: contrast_ratio(ink, color))


@lru_cache(maxsize=4096)
def readable_alpha(
    color: str,
    alpha: float,
    ink: str = BLACK,
    paper: str = WHITE,
    minimum: float = READABLE,
) -> float:
    """The strongest opacity, at most `alpha` (0 to 1), at which `color` can lie over
    `paper` under `ink` text that keeps `minimum` contrast.

    Steps down from `alpha` by 1/255 (one step of an 8-bit alpha), so the result times
    255 is whole when `alpha` times 255 is. When `ink` on bare `paper` is already below
    `minimum` no opacity helps, and `alpha` is returned as asked.
    """
    alpha = min(1.0, max(0.0, alpha))
    if contrast_ratio(ink, paper) < minimum:
        return alpha
    step = 0
    while (candidate := alpha - step / 255) > 0:
        if contrast_ratio(ink, over(color, candidate, paper)) >= minimum:
            return candidate
        step += 1
    return 0.0
