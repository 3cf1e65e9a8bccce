"""Server-side SVG charts: no JavaScript, no CDN, rendered with the page.

Labels go through ``markupsafe.escape`` because they come from report text. Every label is
placed inside the drawing (tests/web measure each text's box in Chromium): widths are
estimated from the text (a CJK character is one em, others about 0.6 em at FONT_PX).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from markupsafe import Markup, escape

# Status colours: red/amber/green for the office, grey for not started, blue for done.
STATUS_COLORS = {
    "overdue": "#c0392b",
    "at_risk": "#e6a100",
    "on_track": "#2e8b57",
    "done": "#2c6fbb",
    "not_started": "#9aa3ad",
}
STATUS_ORDER = ("overdue", "at_risk", "on_track", "not_started", "done")
# Fulfilment verdicts: green fulfilled, amber partial, red not fulfilled, grey no evidence.
VERDICT_COLORS = {
    "fulfilled": "#2e8b57",
    "partial": "#e6a100",
    "not_fulfilled": "#c0392b",
    "no_evidence": "#9aa3ad",
}
VERDICT_ORDER = ("fulfilled", "partial", "not_fulfilled", "no_evidence")
# Target and actual (observed) values: the same two colours on every chart of every page.
SERIES_COLORS = {"target": "#2c6fbb", "actual": "#c0392b"}
FONT_PX = 12  # svg.chart's font-size in style.css


def text_width(text: str, px: float = FONT_PX) -> float:
    """Estimated rendered width of ``text``: wide and ambiguous (CJK, “”, ◎) characters one em, others 0.62 em."""
    return sum(px if unicodedata.east_asian_width(ch) in "WFA" else 0.62 * px for ch in text)


def bar_chart(items: Sequence[tuple[str, float, str]], width: int = 520, bar: int = 22) -> Markup:
    """Horizontal bars: (label, value, colour) per row."""
    if not items:
        return Markup("")
    label_w, gap = 150, 6
    top = max(v for _, v, _ in items) or 1
    plot = width - label_w - 10 - max(text_width(_num(v)) for _, v, _ in items)
    height = len(items) * (bar + gap) + gap
    rows = []
    for i, (label, value, color) in enumerate(items):
        y = gap + i * (bar + gap)
        w = plot * value / top
        rows.append(
            f'<text x="{label_w - 8}" y="{y + bar * 0.7:.1f}" text-anchor="end">{escape(_clip(label, label_w - 10))}</text>'
            f'<rect x="{label_w}" y="{y}" width="{w:.1f}" height="{bar}" fill="{color}" rx="3"/>'
            f'<text x="{label_w + w + 6:.1f}" y="{y + bar * 0.7:.1f}">{_num(value)}</text>'
        )
    return _svg(width, height, "".join(rows))


def stacked_bars(rows: Sequence[tuple[str, dict[str, int]]], t, width: int = 620, bar: int = 20) -> Markup:
    """One bar per group (department or section), segments per status, with a legend."""
    if not rows:
        return Markup("")
    label_w, gap, legend = 170, 6, 26
    top = max(sum(c.values()) for _, c in rows) or 1
    plot = width - label_w - 10 - max(text_width(str(sum(c.values()))) for _, c in rows)
    height = legend + len(rows) * (bar + gap) + gap
    parts = [_legend(t)]
    for i, (label, counts) in enumerate(rows):
        y = legend + gap + i * (bar + gap)
        parts.append(f'<text x="{label_w - 8}" y="{y + bar * 0.72:.1f}" text-anchor="end">{escape(_clip(label, label_w - 10))}</text>')
        x = float(label_w)
        for status in STATUS_ORDER:
            n = counts.get(status, 0)
            if not n:
                continue
            w = plot * n / top
            parts.append(
                f'<rect x="{x:.1f}" y="{y}" width="{w:.1f}" height="{bar}" fill="{STATUS_COLORS[status]}">'
                f"<title>{escape(t('status_' + status))}: {n}</title></rect>"
            )
            x += w
        parts.append(f'<text x="{x + 6:.1f}" y="{y + bar * 0.72:.1f}">{sum(counts.values())}</text>')
    return _svg(width, height, "".join(parts))


def share_bar(counts: dict[str, int], t, width: int = 180, height: int = 14) -> Markup:
    """One small bar split by verdict share (fulfilled, partial, not fulfilled, no evidence), 100% wide."""
    total = sum(counts.get(s, 0) for s in VERDICT_ORDER)
    if not total:
        return Markup("")
    parts, x = [], 0.0
    for status in VERDICT_ORDER:
        n = counts.get(status, 0)
        if not n:
            continue
        w = width * n / total
        parts.append(f'<rect x="{x:.1f}" y="0" width="{w:.1f}" height="{height}" fill="{VERDICT_COLORS[status]}">'
                     f"<title>{escape(t('verdict_' + status))}: {n} ({100 * n / total:.0f}%)</title></rect>")
        x += w
    return _svg(width, height, "".join(parts))


def verdict_legend(t) -> Markup:
    return _svg(500, 24, _legend_items(VERDICT_ORDER, VERDICT_COLORS, "verdict_", t, step=120))


def progress_gauge(expected: float, actual: float, t, width: int = 520) -> Markup:
    """序时进度 vs actual: two bars on a 0–100 scale, the expected one as a marker line."""
    x0 = 10 + max(text_width(t(k)) for k in ("expected_progress", "actual_progress"))
    plot = width - x0 - 10 - text_width("100%")  # room for the value label after a full bar
    body = []
    for i, (key, value, color) in enumerate(
        (("expected_progress", expected, "#7f8c8d"), ("actual_progress", actual, _gauge_color(expected, actual)))
    ):
        y = 8 + i * 34
        body.append(
            f'<text x="{x0 - 6:.1f}" y="{y + 17}" text-anchor="end">{escape(t(key))}</text>'
            f'<rect x="{x0}" y="{y}" width="{plot}" height="24" fill="#eef1f4" rx="3"/>'
            f'<rect x="{x0}" y="{y}" width="{plot * min(value, 100) / 100:.1f}" height="24" fill="{color}" rx="3"/>'
            f'<text x="{x0 + plot + 6:.1f}" y="{y + 17}">{value:.0f}%</text>'
        )
    mark = x0 + plot * min(expected, 100) / 100
    body.append(f'<line x1="{mark:.1f}" x2="{mark:.1f}" y1="2" y2="76" stroke="#333" stroke-dasharray="4 3"/>')
    return _svg(width, 80, "".join(body))


def line_chart(series: Sequence[tuple[str, str, Sequence[tuple[str, float]]]], width: int = 560, height: int = 220) -> Markup:
    """Points over time: (name, colour, [(period, value)]) per series; periods sort as text."""
    periods = sorted({p for _, _, pts in series for p, _ in pts})
    values = [v for _, _, pts in series for _, v in pts]
    if not periods or not values:
        return Markup("")
    lo, hi = min(0.0, min(values)), max(values) or 1.0
    # Margins hold the outermost labels: a period centred under the first/last point, a value after a point.
    left = max(20.0, text_width(periods[0]) / 2 + 4)
    right = max(text_width(periods[-1]) / 2, max(text_width(_num(v)) for v in values) + 10) + 4
    top, bottom = 34, 30
    pw, ph = width - left - right, height - top - bottom

    def xy(period: str, value: float) -> tuple[float, float]:
        i = periods.index(period)
        x = left + (pw * i / (len(periods) - 1) if len(periods) > 1 else pw / 2)
        return x, top + ph - ph * (value - lo) / ((hi - lo) or 1)

    parts = [f'<line x1="{left:.1f}" x2="{left + pw:.1f}" y1="{top + ph}" y2="{top + ph}" stroke="#999"/>']
    for p in periods:
        x, _ = xy(p, lo)
        parts.append(f'<text x="{x:.1f}" y="{height - 8}" text-anchor="middle">{escape(p)}</text>')
    for name, color, pts in series:
        coords = [xy(p, v) for p, v in sorted(pts)]
        if len(coords) > 1:
            path = " ".join(f"{x:.1f},{y:.1f}" for x, y in coords)
            parts.append(f'<polyline points="{path}" fill="none" stroke="{color}" stroke-width="2"/>')
        for (x, y), (_, v) in zip(coords, sorted(pts)):
            parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4" fill="{color}"><title>{_num(v)}</title></circle>')
            parts.append(f'<text x="{x + 6:.1f}" y="{y - 6:.1f}">{_num(v)}</text>')
    x = 4.0
    for name, color, _ in series:  # the legend, one row at the top, each name after its swatch
        parts.append(f'<rect x="{x:.1f}" y="6" width="12" height="12" fill="{color}"/>'
                     f'<text x="{x + 16:.1f}" y="17">{escape(name)}</text>')
        x += 16 + text_width(name) + 18
    return _svg(width, height, "".join(parts))


def target_actual_chart(series: dict, t, width: int = 560, height: int = 220) -> Markup:
    """A metric's targets and reported actuals by period (``series``: {"target": [...], "actual": [...]} of {period, value})."""
    lines = [(t("kind_" + kind), SERIES_COLORS[kind], [(p["period"], p["value"]) for p in series.get(kind) or []])
             for kind in ("target", "actual") if series.get(kind)]
    return line_chart(lines, width, height)


def _legend(t) -> str:
    return _legend_items(STATUS_ORDER, STATUS_COLORS, "status_", t, step=110)


def _legend_items(order, colors: dict[str, str], label_prefix: str, t, step: int) -> str:
    """A row of colour swatches with their translated labels (SVG fragment)."""
    out = []
    for i, key in enumerate(order):
        x = 10 + i * step
        out.append(f'<rect x="{x}" y="6" width="12" height="12" fill="{colors[key]}"/>'
                   f'<text x="{x + 16}" y="17">{escape(t(label_prefix + key))}</text>')
    return "".join(out)


def _gauge_color(expected: float, actual: float) -> str:
    if actual >= expected:
        return STATUS_COLORS["on_track"]
    return STATUS_COLORS["at_risk"] if expected - actual <= 20 else STATUS_COLORS["overdue"]


def _svg(width: int, height: int, body: str) -> Markup:
    return Markup(
        f'<svg class="chart" viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        f'role="img" xmlns="http://www.w3.org/2000/svg">{body}</svg>'
    )


def _clip(label: str, room: float) -> str:
    """The label, cut with … to fit ``room`` pixels."""
    if text_width(label) <= room:
        return label
    while label and text_width(label + "…") > room:
        label = label[:-1]
    return label + "…"


def _num(v: float) -> str:
    return f"{v:g}"
