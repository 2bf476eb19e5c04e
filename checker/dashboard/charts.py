"""Server-side SVG charts: pure functions from plain points to an inline <svg> string.

Nothing here touches the store or Flask. Every chart carries a <title>/<desc> (its text
alternative) and every mark its own <title>, so a screen reader or a page without CSS still says
what is drawn; the pages put a table of the same data next to each chart. All text that comes
from articles goes through markupsafe.escape. Colours and dash patterns are presentation
attributes, not style attributes, so a Content-Security-Policy without 'unsafe-inline' allows them.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Sequence

from markupsafe import Markup, escape

# Okabe-Ito: distinguishable with the common colour-vision deficiencies.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000")
# How a modality draws its bar: solid for what happened, dashed or dotted for what is less sure.
MODALITY_DASH = {"actual": "", "estimate": "6 3", "planned": "2 3", "alleged": "1 4"}
STANCE_SYMBOL = {"confirm": "circle", "deny": "cross", "non_denial": "ring", "non_confirm": "diamond", "neutral": "square"}


@dataclass(frozen=True)
class TimelinePoint:
    """One claim of a figure: its value interval at its date."""

    claim_id: str
    day: date | None  # None: undated, drawn in a lane of its own left of the time axis
    low: float | None
    high: float | None
    modality: str
    source: str
    label: str  # what the mark's tooltip says, e.g. "8,000 troops (kompas, 2024-10-28)"
    href: str = ""


@dataclass(frozen=True)
class StancePoint:
    """One actor's stance on a proposition at a date."""

    claim_id: str
    day: date | None  # None: undated, drawn in a lane of its own
    actor: str
    stance: str  # confirm | deny | non_denial | non_confirm | neutral
    label: str
    href: str = ""


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    css_class: str = ""
    href: str = ""


def source_colours(sources: Sequence[str]) -> dict[str, str]:
    """A stable colour per source, in the legend's order: sorted regardless of case (then by the
    exact name), the palette in turn."""
    ordered = sorted(set(sources), key=lambda name: (name.casefold(), name))
    return {name: PALETTE[i % len(PALETTE)] for i, name in enumerate(ordered)}


def legend(colours: dict[str, str]) -> list[tuple[str, int]]:
    """(source, its colour's place in the palette) in the chart's order: the stylesheet's
    swatch-<n> classes draw the same colours without an inline style."""
    return [(name, PALETTE.index(colour)) for name, colour in colours.items()]


def _number(x: float) -> str:
    return f"{x:,.0f}" if abs(x) >= 10 or float(x).is_integer() else f"{x:,.2f}"


UNDATED_LANE = 56  # pixels left of the time axis where undated claims stand


def _day_range(days: Sequence[date | None]) -> tuple[date, date]:
    dated = [d for d in days if d is not None] or [date.today()]
    first, last = min(dated), max(dated)
    pad = max(timedelta(days=7), (last - first) / 20)
    # a claim dated 0001-01-01 or 9999-12-31 leaves no room to pad: the axis stops at the calendar's ends
    return (first - pad if first - date.min > pad else date.min,
            last + pad if date.max - last > pad else date.max)


MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _month_ticks(first: date, last: date, most: int) -> list[date]:
    months = (last.year - first.year) * 12 + last.month - first.month + 1
    step = max(1, -(-months // most))
    ticks, year, month = [], first.year, first.month
    while (year, month) <= (last.year, last.month):
        tick = date(year, month, 1)
        if first <= tick <= last:
            ticks.append(tick)
        month += step
        year, month = year + (month - 1) // 12, (month - 1) % 12 + 1
    return ticks


def time_ticks(first: date, last: date, months: Sequence[str] = MONTHS, most: int = 8) -> list[tuple[date, str]]:
    """The axis' ticks and their labels: first days of months when the span holds at least three,
    else days (every 1, 2, 3, 7 or 14) so a span of a few weeks still reads as dates, not one tick."""
    monthly = _month_ticks(first, last, most)
    if len(monthly) >= 3:
        return [(d, f"{months[d.month - 1]} {d.year}") for d in monthly]
    days = (last - first).days
    step = next((s for s in (1, 2, 3, 7, 14) if days // s < most), 28)
    start = first if step < 7 else first + timedelta(days=-first.weekday() % 7)  # weeks from a Monday
    ticks = [start + timedelta(days=step * n) for n in range((last - start).days // step + 1)]
    return [(d, f"{d.day} {months[d.month - 1]} {d.year}") for d in ticks] or [(first, f"{first.day} {months[first.month - 1]} {first.year}")]


def _value_ticks(top: float, count: int = 5) -> list[float]:
    if top <= 0:
        return [0.0]
    raw = top / count
    magnitude = 10 ** (len(str(int(raw))) - 1) if raw >= 1 else 1
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    return [i * step for i in range(int(top // step) + 1)]


def _svg_open(width: int, height: int, title: str, desc: str, css_class: str) -> str:
    return (f'<svg xmlns="http://www.w3.org/2000/svg" class="chart {css_class}" role="img" '
            f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
            f'aria-labelledby="{css_class}-title {css_class}-desc">'
            f'<title id="{css_class}-title">{escape(title)}</title>'
            f'<desc id="{css_class}-desc">{escape(desc)}</desc>')


def _linked(inner: str, href: str) -> str:
    return f'<a href="{escape(href)}">{inner}</a>' if href else inner


def _point_symbol(modality: str, x: float, y: float, colour: str) -> str:
    """An exact figure has no bar to dash: its modality shows in the symbol instead."""
    if modality == "actual":
        return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="5" fill="{colour}"/>'
    if modality == "planned":
        return (f'<rect x="{x - 5:.1f}" y="{y - 5:.1f}" width="10" height="10" fill="white" '
                f'stroke="{colour}" stroke-width="2"/>')
    if modality == "alleged":
        return (f'<path d="M{x:.1f} {y - 6:.1f} L{x + 6:.1f} {y:.1f} L{x:.1f} {y + 6:.1f} L{x - 6:.1f} {y:.1f} Z" '
                f'fill="white" stroke="{colour}" stroke-width="2"/>')
    return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="5" fill="white" stroke="{colour}" stroke-width="2"/>'


def timeline_svg(points: Sequence[TimelinePoint], title: str, width: int = 860, height: int = 360,
                 months: Sequence[str] = MONTHS, undated_label: str = "undated") -> Markup:
    """Each claim an interval bar at its date: the bar runs from low to high (an arrow where a
    side is unbounded), coloured by source, dashed by modality. Claims on the same day sit side by
    side so none hides another."""
    desc = f"{len(points)} claims from {len({p.source for p in points})} sources"
    out = [_svg_open(width, height, title, desc, "timeline")]
    if not points:
        out.append(f'<text x="{width / 2}" y="{height / 2}" text-anchor="middle">No dated claims</text></svg>')
        return Markup("".join(out))
    undated = any(p.day is None for p in points)
    axis = 70
    left, right, top, bottom = axis + (UNDATED_LANE if undated else 0), width - 20, 20, height - 40
    first, last = _day_range([p.day for p in points])
    span = max(1, (last - first).days)
    bounded = [v for p in points for v in (p.low, p.high) if v is not None]
    top_value = max(bounded) * 1.15 if bounded and max(bounded) > 0 else 1.0

    def x_of(day: date | None) -> float:
        if day is None:
            return axis + 14
        return left + (right - left) * (day - first).days / span

    def y_of(value: float) -> float:
        return bottom - (bottom - top) * min(value, top_value) / top_value

    out.append(f'<line class="axis" x1="{axis}" y1="{bottom}" x2="{right}" y2="{bottom}" stroke="#555"/>')
    out.append(f'<line class="axis" x1="{axis}" y1="{top}" x2="{axis}" y2="{bottom}" stroke="#555"/>')
    if undated:
        out.append(f'<line x1="{left - 6}" y1="{top}" x2="{left - 6}" y2="{bottom}" stroke="#bbb" '
                   f'stroke-dasharray="2 2"/><text class="tick" x="{axis + UNDATED_LANE / 2 - 4}" '
                   f'y="{bottom + 18}" text-anchor="middle">{escape(undated_label)}</text>')
    for tick in _value_ticks(top_value):
        y = y_of(tick)
        out.append(f'<line x1="{axis}" y1="{y:.1f}" x2="{right}" y2="{y:.1f}" stroke="#ddd"/>'
                   f'<text class="tick" x="{axis - 6}" y="{y + 4:.1f}" text-anchor="end">{_number(tick)}</text>')
    for tick, label in time_ticks(first, last, months):
        out.append(f'<text class="tick" x="{x_of(tick):.1f}" y="{bottom + 18}" text-anchor="middle">'
                   f'{escape(label)}</text>')

    colours = source_colours([p.source for p in points])
    same_day: dict[date | None, int] = {}
    for point in sorted(points, key=lambda p: (p.day or date.min, p.source, p.claim_id)):
        nth = same_day.get(point.day, 0)
        same_day[point.day] = nth + 1
        x = x_of(point.day) + 7 * nth  # side by side on one day
        low = point.low if point.low is not None else 0.0
        high = point.high if point.high is not None else top_value
        y_low, y_high = y_of(low), y_of(high)
        colour = colours[point.source]
        dash = MODALITY_DASH.get(point.modality, "3 3")
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        shape = [f'<title>{escape(point.label)}</title>',
                 f'<line x1="{x:.1f}" y1="{y_low:.1f}" x2="{x:.1f}" y2="{y_high:.1f}" '
                 f'stroke="{colour}" stroke-width="5"{dash_attr}/>']
        if point.high is None:  # unbounded above: an arrow head
            shape.append(f'<path d="M{x - 6:.1f} {y_high + 8:.1f} L{x:.1f} {y_high:.1f} L{x + 6:.1f} {y_high + 8:.1f}" '
                         f'fill="none" stroke="{colour}" stroke-width="2"/>')
        if point.low is not None and point.high is not None and point.low == point.high:
            shape.append(_point_symbol(point.modality, x, y_low, colour))
        inner = "".join(shape)
        out.append(f'<g class="mark" data-claim="{escape(point.claim_id)}" '
                   f'data-modality="{escape(point.modality)}" data-source="{escape(point.source)}">'
                   f'{_linked(inner, point.href)}</g>')
    out.append("</svg>")
    return Markup("".join(out))


def _stance_symbol(kind: str, x: float, y: float, colour: str) -> str:
    if kind == "circle":
        return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="6" fill="{colour}"/>'
    if kind == "ring":
        return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="6" fill="white" stroke="{colour}" stroke-width="2"/>'
    if kind == "cross":
        return (f'<path d="M{x - 6:.1f} {y - 6:.1f} L{x + 6:.1f} {y + 6:.1f} M{x - 6:.1f} {y + 6:.1f} '
                f'L{x + 6:.1f} {y - 6:.1f}" stroke="{colour}" stroke-width="3"/>')
    return (f'<path d="M{x:.1f} {y - 7:.1f} L{x + 7:.1f} {y:.1f} L{x:.1f} {y + 7:.1f} L{x - 7:.1f} {y:.1f} Z" '
            f'fill="white" stroke="{colour}" stroke-width="2"/>')


STANCE_COLOUR = {"confirm": "#009E73", "deny": "#D55E00", "non_denial": "#E69F00", "non_confirm": "#56B4E9",
                 "neutral": "#999999"}


def stance_svg(points: Sequence[StancePoint], title: str, width: int = 860, months: Sequence[str] = MONTHS,
               undated_label: str = "undated") -> Markup:
    """One row per actor, time across: a filled circle confirms, a cross denies, a ring is a
    non-denial, a diamond a non-confirmation; a reversal shows as a row changing symbol."""
    actors = sorted({p.actor for p in points})
    row = 34
    height = 60 + row * max(1, len(actors))
    desc = f"{len(points)} stances by {len(actors)} actors"
    out = [_svg_open(width, height, title, desc, "stances")]
    if not points:
        out.append(f'<text x="{width / 2}" y="{height / 2}" text-anchor="middle">No stances</text></svg>')
        return Markup("".join(out))
    undated = any(p.day is None for p in points)
    axis = 150
    left, right, top = axis + (UNDATED_LANE if undated else 0), width - 20, 20
    bottom = top + row * len(actors)
    first, last = _day_range([p.day for p in points])
    span = max(1, (last - first).days)

    def x_of(day: date | None) -> float:
        if day is None:
            return axis + 14
        return left + (right - left) * (day - first).days / span

    if undated:
        out.append(f'<text class="tick" x="{axis + UNDATED_LANE / 2 - 4}" y="{bottom + 18}" '
                   f'text-anchor="middle">{escape(undated_label)}</text>')

    for i, actor in enumerate(actors):
        y = top + row * i + row / 2
        out.append(f'<line x1="{axis}" y1="{y:.1f}" x2="{right}" y2="{y:.1f}" stroke="#ddd"/>'
                   f'<text class="tick" x="{axis - 8}" y="{y + 4:.1f}" text-anchor="end">{escape(actor)}</text>')
    for tick, label in time_ticks(first, last, months):
        out.append(f'<text class="tick" x="{x_of(tick):.1f}" y="{bottom + 18}" text-anchor="middle">'
                   f'{escape(label)}</text>')
    same_slot: dict[tuple, int] = {}
    for point in sorted(points, key=lambda p: (p.day or date.min, p.actor, p.claim_id)):
        slot = (point.actor, point.day)
        nth = same_slot.get(slot, 0)
        same_slot[slot] = nth + 1
        x = x_of(point.day) + 9 * nth
        y = top + row * actors.index(point.actor) + row / 2
        symbol = _stance_symbol(STANCE_SYMBOL.get(point.stance, "diamond"), x, y,
                                STANCE_COLOUR.get(point.stance, "#555"))
        inner = f'<title>{escape(point.label)}</title>{symbol}'
        out.append(f'<g class="mark" data-claim="{escape(point.claim_id)}" data-stance="{escape(point.stance)}">'
                   f'{_linked(inner, point.href)}</g>')
    out.append("</svg>")
    return Markup("".join(out))


def bars_svg(bars: Sequence[Bar], title: str, width: int = 420) -> Markup:
    """Horizontal bars with their counts written beside them."""
    row = 26
    height = 16 + row * max(1, len(bars))
    out = [_svg_open(width, height, title, ", ".join(f"{b.label}: {b.value}" for b in bars) or "none",
                     "bars-" + "".join(ch if ch.isalnum() else "-" for ch in title.lower()))]
    most = max((b.value for b in bars), default=0) or 1
    left, right = 110, width - 50
    for i, bar in enumerate(bars):
        y = 8 + row * i
        length = (right - left) * bar.value / most
        inner = (f'<title>{escape(bar.label)}: {bar.value}</title>'
                 f'<text class="tick" x="{left - 8}" y="{y + 15}" text-anchor="end">{escape(bar.label)}</text>'
                 f'<rect x="{left}" y="{y}" width="{length:.1f}" height="{row - 8}" fill="#0072B2"/>'
                 f'<text class="tick" x="{left + length + 6:.1f}" y="{y + 15}">{bar.value}</text>')
        out.append(f'<g class="bar {escape(bar.css_class)}">{_linked(inner, bar.href)}</g>')
    out.append("</svg>")
    return Markup("".join(out))
