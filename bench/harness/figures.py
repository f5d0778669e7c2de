"""Derived figures of a results file: medians, the bound, ratios and the targets of issue 7."""

import statistics

TARGET_RATIO = 0.90
TARGET_RSS_MIB = 64
TARGET_NS_PER_CELL = 150
TARGET_REQUEST_SHARE = 0.10


def spread(values):
    """(median, min, max) of the values, or None when there are none."""
    values = [value for value in values if value is not None]
    if not values:
        return None
    return statistics.median(values), min(values), max(values)


def run_figure(case, key, sub=None):
    runs = case.get("xlsync", {}).get("runs", [])
    return spread([run[key][sub] if sub else run[key] for run in runs])


def bound_seconds(case):
    """max(read-only, write-only), or None when either side is missing."""
    read, write = case.get("read_only"), case.get("write_only")
    if not read or not write:
        return None
    return max(read["seconds"], write["seconds"])


def ratio(case):
    """bound / median xlsync wall time: 1.0 = the export takes no longer than its slower side."""
    wall, limit = run_figure(case, "wall_s"), bound_seconds(case)
    if wall is None or limit is None:
        return None
    return limit / wall[0]


def peer(case, name):
    return (case.get("peers") or {}).get(name) or None


def _worst(cases, measure, higher_is_worse=True):
    """(value, case) of the worst case by `measure`, skipping cases without the figure."""
    scored = [(measure(case), case) for case in cases]
    scored = [(value, case) for value, case in scored if value is not None]
    if not scored:
        return None, None
    pick = max if higher_is_worse else min
    return pick(scored, key=lambda item: item[0])


def _where(case):
    return f"{case['rows']:,} x {case['columns']}" if case else ""


def _target(name, value, describe, good):
    """One targets-table row: the measured figure (described) and whether it is met."""
    if value is None:
        return name, "not measured", "not measured"
    return name, describe(value), "yes" if good(value) else "no"


def targets(results):
    """Rows (target, measured, met?) for BENCHMARKS.md's targets table."""
    cases = results.get("cases", [])
    by_key = {(case["rows"], case["columns"]): case for case in cases}
    rows = []
    for size in (100_000, 1_000_000):
        for columns in results.get("config", {}).get("columns", [10, 30]):
            case = by_key.get((size, columns))
            rows.append(_target(f"export >= {TARGET_RATIO:.2f} x bound at {size:,} x {columns}",
                                ratio(case) if case else None, lambda v: f"{v:.2f}",
                                lambda v: v >= TARGET_RATIO))
    big = by_key.get((1_000_000, 30))
    runs = big["xlsync"]["runs"] if big else []
    rows.append(_target(f"peak RSS <= {TARGET_RSS_MIB} MiB at 1,000,000 x 30",
                        max((run["peak_rss_mib"] for run in runs), default=None),
                        lambda v: f"{v:.1f} MiB (highest run)", lambda v: v <= TARGET_RSS_MIB))
    cpu, where = _worst(cases, lambda case: (run_figure(case, "cpu_ns_per_cell") or [None])[0])
    rows.append(_target(f"xlsync CPU <= {TARGET_NS_PER_CELL} ns/cell end to end (export runs)",
                        cpu, lambda v: f"{v:.0f} ns/cell (worst median, {_where(where)})",
                        lambda v: v <= TARGET_NS_PER_CELL))
    stages = (results.get("micro") or {}).get("stages", {})
    for name in ("EndToEnd/10", "EndToEnd/30"):
        rows.append(_target(f"micro-benchmark {name} <= {TARGET_NS_PER_CELL} ns/cell",
                            stages.get(name, {}).get("ns_per_cell"), lambda v: f"{v:.0f} ns/cell",
                            lambda v: v <= TARGET_NS_PER_CELL))
    share, where = _worst(cases, _read_share, higher_is_worse=False)
    rows.append(_target("Odoo read side >= OdooRPC (rows/s, xlsync-bench-read / OdooRPC)", share,
                        lambda v: f"{v:.2f} x OdooRPC (slowest, {_where(where)})",
                        lambda v: v >= 1.0))
    share, where = _worst(cases, _request_share)
    rows.append(_target("Graph requests <= 1/10 of one-per-row", share,
                        lambda v: f"{v:.4f} of one-per-row (highest, {_where(where)})",
                        lambda v: v <= TARGET_REQUEST_SHARE))
    return rows


def _read_share(case):
    mine, theirs = peer(case, "xlsync_read"), peer(case, "odoorpc")
    if not mine or not theirs:
        return None
    return mine["rows_per_s"] / theirs["rows_per_s"]


def _request_share(case):
    graph, naive = run_figure(case, "requests", "graph"), peer(case, "rows_add")
    if graph is None or not naive:
        return None
    return graph[0] / naive["requests"]
