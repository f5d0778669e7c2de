"""The chart of BENCHMARKS.md: rows/s by size, log-log, for xlsync, the bound and the peers."""

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402  (after choosing the Agg backend)

import figures  # noqa: E402

# (label, colour, rows/s of a case or None)
SERIES = [
    ("xlsync export", "#1f77b4",
     lambda case: (figures.run_figure(case, "rows_per_s") or [None])[0]),
    ("bound: max(read-only, write-only)", "#2ca02c",
     lambda case: case["rows"] / figures.bound_seconds(case) if figures.bound_seconds(case)
     else None),
    ("one request per row (projected)", "#d62728", lambda case: _peer_rate(case, "rows_add")),
    ("one giant PATCH", "#9467bd", lambda case: _peer_rate(case, "giant_patch")),
    ("xlsync read side", "#17becf", lambda case: _peer_rate(case, "xlsync_read")),
    ("OdooRPC read (offset)", "#ff7f0e", lambda case: _peer_rate(case, "odoorpc")),
    ("search_read offset read", "#8c564b", lambda case: _peer_rate(case, "plain_offset")),
]
STYLES = {10: "-", 30: "--"}


def _peer_rate(case, name):
    found = figures.peer(case, name)
    return found.get("rows_per_s") if found else None


def render(results, path):
    """Writes the PNG; one line per series and column count, points only where measured."""
    figure, axes = plt.subplots(figsize=(10, 6.5), dpi=110)
    columns_list = sorted({case["columns"] for case in results.get("cases", [])})
    for label, colour, rate in SERIES:
        for columns in columns_list:
            points = sorted((case["rows"], rate(case)) for case in results["cases"]
                            if case["columns"] == columns and rate(case))
            if not points:
                continue
            axes.plot([rows for rows, _ in points], [value for _, value in points],
                      STYLES.get(columns, ":"), color=colour, marker="o", markersize=4,
                      label=f"{label}, {columns} cols")
    axes.set_xscale("log")
    axes.set_yscale("log")
    axes.set_xlabel("rows exported (sale.order)")
    axes.set_ylabel("rows per second")
    costs = results.get("costs", {})
    axes.set_title(
        "xlsync vs the bound and the peers on the test doubles\n"
        f"Odoo {costs.get('odoo_call_ms')} ms/call + {costs.get('odoo_record_us')} us/record; "
        f"Graph {costs.get('graph_call_ms')} ms/call + {costs.get('graph_kib_us')} us/KiB",
        fontsize=10)
    axes.grid(True, which="both", alpha=0.3)
    if axes.lines:
        axes.legend(fontsize=7, handlelength=3.5, loc="center left", bbox_to_anchor=(1.01, 0.5))
    figure.tight_layout()
    figure.savefig(path)
    plt.close(figure)
