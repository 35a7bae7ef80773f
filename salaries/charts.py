"""Geometry of the server-rendered salary charts (SVG drawn by templates, no JavaScript).

Each chart is a plain dict of numbers and labels in SVG user units; the templates only place
them. Figures hidden for a small sample are never drawn, only named.
"""

import math
from collections.abc import Callable

from core.money import usd_short
from salaries.figures import Figures

WIDTH = 640
LABEL_WIDTH = 130
RIGHT = 24
ROW = 46
TOP = 16
AXIS = 28


def nice_step(span: float, ticks: int = 5) -> int:
    raw = max(span / ticks, 1)
    magnitude = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 2.5, 5, 10):
        if raw <= factor * magnitude:
            return int(factor * magnitude)
    return int(10 * magnitude)


def _scale(values: list[int]) -> tuple[int, int, int]:
    low, high = min(values), max(values)
    step = nice_step(high - low or high or 1)
    start = (low // step) * step
    end = -(-high // step) * step
    if end == start:
        end = start + step
    return start, end, step


def range_chart(rows: list[Figures]) -> dict | None:
    """A range plot: one row per level, p10–p90 whisker, p25–p75 box, median mark."""
    shown = [row for row in rows if row.shown]
    if not shown:
        return None
    start, end, step = _scale([v for row in shown for v in (row.p10, row.p90)])
    plot = WIDTH - LABEL_WIDTH - RIGHT

    def x(value: float) -> float:
        return round(LABEL_WIDTH + (value - start) / (end - start) * plot, 1)

    height = TOP + ROW * len(rows) + AXIS
    items = []
    for i, row in enumerate(rows):
        y = TOP + ROW * i + ROW / 2
        item = {"label": row.label, "y": y, "text_y": y + 4, "shown": row.shown, "figures": row}
        if row.shown:
            item.update(_box(x, row, y, half=9), median_label_y=y - 13)
        items.append(item)
    return {**_frame(x, start, end, step, height), "rows": items}


PAIR_ROW = 30
PAIR_GAP = 14


def pair_range_chart(first: list[Figures], second: list[Figures]) -> dict | None:
    """Two titles' figures level by level on one axis: for each level a row per title (p10–p90
    whisker, p25–p75 box, median mark), the level named once beside its pair of rows."""
    shown = [row for row in first + second if row.shown]
    if not shown:
        return None
    start, end, step = _scale([v for row in shown for v in (row.p10, row.p90)])
    plot = WIDTH - LABEL_WIDTH - RIGHT

    def x(value: float) -> float:
        return round(LABEL_WIDTH + (value - start) / (end - start) * plot, 1)

    groups: list[dict] = []
    y = float(TOP)
    for level_rows in zip(first, second, strict=True):
        rows = []
        for series, row in enumerate(level_rows, start=1):
            middle = y + PAIR_ROW / 2
            item: dict = {"series": series, "y": middle, "text_y": middle + 4, "shown": row.shown}
            item["figures"] = row
            if row.shown:
                item.update(_box(x, row, middle, half=7))
                # Beside the whisker (after it, or before it near the right edge), so it never
                # covers the other title's row.
                if x(row.p90) + 50 <= WIDTH:
                    item.update(median_label_x=x(row.p90) + 6, median_anchor="start")
                else:
                    item.update(median_label_x=x(row.p10) - 6, median_anchor="end")
            rows.append(item)
            y += PAIR_ROW
        groups.append({"label": level_rows[0].label, "label_y": y - PAIR_ROW + 4, "rows": rows})
        y += PAIR_GAP
    height = round(y - PAIR_GAP + AXIS)
    return {**_frame(x, start, end, step, height), "groups": groups}


def _box(x: Callable[[float], float], row: Figures, middle: float, half: float) -> dict:
    """One row's whisker (p10–p90), box (p25–p75) and median, at `middle`."""
    return {
        "x10": x(row.p10),
        "x90": x(row.p90),
        "x25": x(row.p25),
        "box_width": round(x(row.p75) - x(row.p25), 1) or 1,
        "x50": x(row.p50),
        "box_y": middle - half,
        "box_bottom": middle + half,
        "median_label": usd_short(row.p50),
    }


def _frame(x: Callable[[float], float], start: int, end: int, step: int, height: float) -> dict:
    """What both charts draw around their rows: size, plot area and the axis ticks."""
    ticks = [{"x": x(value), "label": usd_short(value)} for value in range(start, end + 1, step)]
    return {
        "width": WIDTH,
        "height": height,
        "ticks": ticks,
        "plot_top": TOP,
        "plot_bottom": height - AXIS,
        "tick_y": height - AXIS + 18,
        "label_x": LABEL_WIDTH - 10,
        "note_x": LABEL_WIDTH + 10,
    }


def trend_chart(rows: list[Figures]) -> dict | None:
    """Median by year with the middle half (p25–p75) as a band; needs two shown years."""
    shown = [row for row in rows if row.shown]
    if len(shown) < 2:
        return None
    height = 240
    left, bottom, top = 64, height - AXIS, TOP
    plot = WIDTH - left - RIGHT
    start, end, step = _scale([v for row in shown for v in (row.p25, row.p75)])

    inset = 32  # room for the first and last value labels inside the axes

    def x(i: int) -> float:
        return round(left + inset + (plot - 2 * inset) * i / (len(rows) - 1), 1)

    def y(value: float) -> float:
        return round(bottom - (value - start) / (end - start) * (bottom - top), 1)

    points = [
        {
            "x": x(i),
            "y": y(row.p50),
            "label_y": y(row.p50) - 10,
            "figures": row,
            "label": usd_short(row.p50),
        }
        for i, row in enumerate(rows)
        if row.shown
    ]
    upper = " ".join(f"{x(i)},{y(row.p75)}" for i, row in enumerate(rows) if row.shown)
    lower = " ".join(
        f"{x(i)},{y(row.p25)}" for i, row in reversed(list(enumerate(rows))) if row.shown
    )
    return {
        "width": WIDTH,
        "height": height,
        "points": points,
        "line": " ".join(f"{p['x']},{p['y']}" for p in points),
        "band": f"{upper} {lower}",
        "years": [{"x": x(i), "label": row.label} for i, row in enumerate(rows)],
        "ticks": [
            {"y": y(value), "text_y": y(value) + 4, "label": usd_short(value)}
            for value in range(start, end + 1, step)
        ],
        "left": left,
        "right": WIDTH - RIGHT,
        "year_y": height - AXIS + 18,
        "tick_x": left - 8,
    }


def position_bar(figures: Figures, low: int, high: int) -> dict:
    """A one-row strip for a job page: the title's p10–p90 and middle half, the job's range."""
    values = [figures.p10, figures.p90, low, high]
    start, end, _ = _scale(values)
    width, pad = 300, 6

    def x(value: float) -> float:
        return round(pad + (value - start) / (end - start) * (width - 2 * pad), 1)

    return {
        "width": width,
        "height": 44,
        "x10": x(figures.p10),
        "w90": round(x(figures.p90) - x(figures.p10), 1) or 1,
        "x25": x(figures.p25),
        "w75": round(x(figures.p75) - x(figures.p25), 1) or 1,
        "x50": x(figures.p50),
        "job_x": x(low),
        "job_w": max(round(x(high) - x(low), 1), 3),
    }
