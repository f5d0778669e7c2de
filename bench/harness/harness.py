#!/usr/bin/python3
"""The macro benchmark (issue 7): xlsync, the bound and the peers on the same test doubles.

    /usr/bin/python3 bench/harness/harness.py --bin-dir build-bench/bin --out bench/results

Writes OUT/latest.json with every raw figure; report.py turns it into BENCHMARKS.md and the
chart. Exits non-zero when any step failed or a figure is missing (what CI's --smoke checks).
"""

import argparse
import json
import os
import shlex
import shutil
import sys
import tempfile
import time

import bound
import machine
import odoo_wire
import peers
import servers
import xlsync_runs

REPO_ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
MICRO_NAMES = [f"{stage}/{columns}" for stage in ("Decode", "Convert", "Encode", "ReadBack",
                                                  "EndToEnd") for columns in (10, 30)]
PEERS = ("rows_add", "giant_patch", "odoorpc", "plain_offset", "xlsync_read")


def sizes_list(text):
    return [int(item.replace("_", "")) for item in text.split(",") if item.strip()]


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--bin-dir", default=os.path.join(REPO_ROOT, "build-bench", "bin"))
    parser.add_argument("--out", default=os.path.join(REPO_ROOT, "bench", "results"))
    parser.add_argument("--sizes", type=sizes_list, default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--columns", type=sizes_list, default=[10, 30])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--peer-sample", type=int, default=200,
                        help="rows sent one request per row before projecting")
    parser.add_argument("--odoo-call-ms", type=int, default=30)
    parser.add_argument("--odoo-record-us", type=int, default=10)
    parser.add_argument("--graph-call-ms", type=int, default=120)
    parser.add_argument("--graph-kib-us", type=int, default=20)
    parser.add_argument("--micro", help="xlsync-micro-bench's JSON output to include")
    parser.add_argument("--command", help="the command line to record (run.sh passes its own)")
    parser.add_argument("--smoke", action="store_true",
                        help="1,000 rows x 10 columns, 1 run, no costs, peer sample 20")
    args = parser.parse_args(argv)
    if args.smoke:
        args.sizes, args.columns, args.runs, args.peer_sample = [1000], [10], 1, 20
        args.odoo_call_ms = args.odoo_record_us = args.graph_call_ms = args.graph_kib_us = 0
    if any(columns not in (10, 30) for columns in args.columns):
        parser.error("--columns takes 10 and/or 30")
    return args


class Context:
    """The settings of one harness run and the failures it met."""

    def __init__(self, args, work_dir):
        self.bin_dir = os.path.abspath(args.bin_dir)
        self.work_dir = work_dir
        self.runs = args.runs
        self.peer_sample = args.peer_sample
        self.costs = {"odoo_call_ms": args.odoo_call_ms, "odoo_record_us": args.odoo_record_us,
                      "graph_call_ms": args.graph_call_ms, "graph_kib_us": args.graph_kib_us}
        self.failures = []
        self.warnings = []
        self.started = time.monotonic()
        self.sweeps = {}

    def sweeps_of(self, case):
        """The page and chunk sweeps of the case's column count (filled at the sweep size)."""
        return self.sweeps.setdefault(str(case["columns"]), {})

    def say(self, text):
        print(f"[{time.monotonic() - self.started:7.1f}s] {text}", flush=True)

    def step(self, label, action):
        """Runs one measurement; a failure is recorded and the run goes on with the next."""
        try:
            return action()
        except Exception as error:  # noqa: BLE001 -- every failure becomes a reported figure
            servers.raise_if_stopped()
            self.failures.append(f"{label}: {error}")
            self.say(f"  FAILED {label}: {error}")
            return None


def sweep_size(sizes):
    """Where the page and chunk sweeps run: 100k, else the largest size below it."""
    if 100_000 in sizes:
        return 100_000
    smaller = [size for size in sizes if size < 100_000]
    return max(smaller) if smaller else min(sizes)


def measure_case(ctx, results, odoo, graph, rows, columns, fields, swept):
    """Every figure of one size x column count; the sweeps when rows is the sweep size."""
    label = f"{rows:,}x{columns}"
    case = {"rows": rows, "columns": columns, "fields": fields, "peers": {}}
    results["cases"].append(case)
    sweeps = ctx.sweeps_of(case)
    task_path = os.path.join(ctx.work_dir, f"task-{columns}.toml")
    xlsync_runs.write_task(task_path, fields)
    ctx.say(f"{label}: xlsync export x{ctx.runs}")
    runs = ctx.step(f"{label} xlsync export", lambda: xlsync_runs.export_runs(
        ctx, odoo, graph, task_path, rows, columns))
    case["xlsync"] = {"runs": runs or []}
    if runs:
        case["xlsync"]["without_proof"] = ctx.step(f"{label} xlsync without the proof", lambda: (
            xlsync_runs.export_without_proof(ctx, graph, task_path, rows, columns, odoo)))
    page = measure_read_bound(ctx, case, odoo, sweeps if swept else None, label)
    if runs:  # the write side needs the sheet the export wrote
        giant = measure_write_bound(ctx, case, graph, sweeps if swept else None, label)
        case["peers"]["giant_patch"] = ctx.step(f"{label} giant PATCH peer", lambda: (
            peers.giant_patch(graph, xlsync_runs.SHEET, rows, columns, giant)))
        case["peers"]["rows_add"] = ctx.step(f"{label} rows/add peer", lambda: peers.rows_add(
            graph, xlsync_runs.SHEET, rows, columns, ctx.peer_sample))
    case["peers"]["odoorpc"] = ctx.step(f"{label} OdooRPC peer", lambda: peers.odoorpc_read(
        odoo, fields, rows, page))
    case["peers"]["plain_offset"] = ctx.step(f"{label} offset-paging peer", lambda: (
        peers.plain_offset(odoo, fields, rows, page)))
    case["peers"]["xlsync_read"] = ctx.step(f"{label} xlsync read side", lambda: (
        xlsync_runs.bench_read(ctx, odoo, graph, fields, rows, columns, page)))
    for name, figures in case["peers"].items():
        if figures:
            ctx.say(f"  peer {name}: {figures['seconds'] or 0:.2f} s, "
                    f"{figures['requests']:,} requests, {figures.get('note', '')}")


def measure_read_bound(ctx, case, odoo, sweeps, label):
    """Read-only at the best page size (swept first when `sweeps` is given); the page size."""
    rows, fields = case["rows"], case["fields"]
    if sweeps is not None:
        swept = ctx.step(f"{label} page sweep",
                         lambda: bound.sweep_pages(odoo.url, fields, rows, ctx.say))
        if swept:
            sweeps["pages"], sweeps["best_page"] = swept
    page = ctx.sweeps_of(case).get("best_page", bound.PAGE_SIZES[0])
    case["read_only"] = ctx.step(f"{label} read-only bound",
                                 lambda: bound.read_only(odoo.url, fields, rows, page))
    if case["read_only"]:
        ctx.say(f"  read-only, page {page}: {case['read_only']['seconds']:.2f} s")
    return page


def measure_write_bound(ctx, case, graph, sweeps, label):
    """Write-only at the best chunk size (swept first when `sweeps` is given); the giant body."""
    rows, columns = case["rows"], case["columns"]
    giant = bound.GiantBody(peers.GIANT_SEND_LIMIT)
    if sweeps is not None:
        chunks = bound.CHUNK_CELLS
    else:
        chunks = [ctx.sweeps_of(case).get("best_chunk", bound.CHUNK_CELLS[2])]
    written = ctx.step(f"{label} write-only bound", lambda: bound.write_only(
        graph, xlsync_runs.SHEET, rows + 1, columns, chunks, giant, ctx.say))
    if written:
        if sweeps is not None:
            sweeps["chunks"], sweeps["best_chunk"] = written[0], written[1]["chunk_cells"]
        case["write_only"] = written[1]
    return giant


def measure_size(ctx, results, rows, columns_list, swept):
    ctx.say(f"== {rows:,} rows: starting the fakes")
    odoo = servers.FakeOdoo(ctx.bin_dir, ctx.work_dir, rows, ctx.costs)
    graph = servers.FakeGraph(ctx.bin_dir, ctx.work_dir, rows, ctx.costs)
    try:
        rpc = odoo_wire.OdooRpc(odoo.url)
        try:
            fields = {columns: odoo_wire.export_fields(rpc, columns) for columns in columns_list}
        finally:
            rpc.close()
        for columns in columns_list:
            measure_case(ctx, results, odoo, graph, rows, columns, fields[columns], swept)
    finally:
        odoo.stop()
        graph.stop()


def load_micro(path):
    """ns per cell of each stage micro-benchmark (items processed = cells)."""
    with open(path, encoding="utf-8") as source:
        report = json.load(source)
    stages = {}
    for benchmark in report.get("benchmarks", []):
        if benchmark.get("run_type", "iteration") != "iteration":
            continue
        if benchmark.get("items_per_second"):
            stages[benchmark["name"]] = {"ns_per_cell": 1e9 / benchmark["items_per_second"],
                                         "items_per_second": benchmark["items_per_second"]}
    return {"context": report.get("context", {}), "stages": stages}


def missing_figures(results, args):
    """Names of the figures a complete run must have and this one lacks."""
    measured = {(case["rows"], case["columns"]) for case in results["cases"]}
    missing = [f"{rows:,}x{columns} (not measured)" for rows in args.sizes
               for columns in args.columns if (rows, columns) not in measured]
    for case in results["cases"]:
        label = f"{case['rows']:,}x{case['columns']}"
        if len(case["xlsync"]["runs"]) != args.runs:
            missing.append(f"{label} xlsync runs")
        for key in ("read_only", "write_only"):
            if not case.get(key):
                missing.append(f"{label} {key}")
        missing += [f"{label} peer {name}" for name in PEERS if not case["peers"].get(name)]
    stages = (results.get("micro") or {}).get("stages", {})
    missing += [f"micro-benchmark {name}" for name in MICRO_NAMES if name not in stages]
    return missing


def run(args):
    work_dir = tempfile.mkdtemp(prefix="xlsync-bench-")
    ctx = Context(args, work_dir)
    results = {"command": args.command or shlex.join([sys.argv[0]] + sys.argv[1:]),
               "machine": machine.describe(REPO_ROOT), "costs": ctx.costs,
               "config": {"sizes": args.sizes, "columns": args.columns, "runs": args.runs,
                          "peer_sample": args.peer_sample, "smoke": args.smoke,
                          "sweep_size": sweep_size(args.sizes)},
               "sweeps": ctx.sweeps, "cases": [], "micro": None, "failures": ctx.failures,
               "warnings": ctx.warnings}
    if args.micro:
        results["micro"] = ctx.step("micro-benchmarks", lambda: load_micro(args.micro))
    first = sweep_size(args.sizes)
    for rows in [first] + sorted(size for size in args.sizes if size != first):
        ctx.step(f"{rows:,} rows", lambda: measure_size(ctx, results, rows, args.columns,
                                                         rows == first))
    results["cases"].sort(key=lambda case: (case["columns"], case["rows"]))
    ctx.failures += [f"missing figure: {name}" for name in missing_figures(results, args)]
    if args.smoke:
        ctx.failures += [f"warning: {text}" for text in ctx.warnings]
    os.makedirs(args.out, exist_ok=True)
    out_path = os.path.join(args.out, "latest.json")
    with open(out_path, "w", encoding="utf-8") as out:
        json.dump(results, out, indent=1)
    ctx.say(f"wrote {out_path}")
    for failure in ctx.failures:
        print(f"FAILED: {failure}", file=sys.stderr)
    if ctx.failures:
        print(f"logs kept in {work_dir}", file=sys.stderr)
        return 1
    shutil.rmtree(work_dir, ignore_errors=True)
    return 0


def main(argv=None):
    servers.install_cleanup()
    try:
        return run(parse_args(argv if argv is not None else sys.argv[1:]))
    except servers.Stopped as stop:
        print(f"harness: {stop}; every process it started is stopped", file=sys.stderr)
        return 128 + stop.number
    finally:
        servers.kill_children()


if __name__ == "__main__":
    sys.exit(main())
