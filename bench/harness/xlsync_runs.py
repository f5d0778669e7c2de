"""Runs `xlsync export` and `xlsync-bench-read` the way a user would, and measures them.

Wall time is taken around the process; peak RSS and CPU (user + system) come from wait4's
rusage of that one process (ru_maxrss is in KiB on Linux).
"""

import json
import os
import re
import time

import odoo_wire
import servers
import timeline

WORKBOOK = "/Reports/Odoo Export.xlsx"
SHEET = "Sheet1"

_EXPORTED = re.compile(
    r"exported ([\d,]+) rows of \S+ to .* in ([\d.]+) s \([\d,]+ rows/s\); "
    r"([\d,]+) requests \(([\d,]+) Odoo, ([\d,]+) Graph\), ([\d,]+) retr")
_VERIFIED = re.compile(r"sheet = source \(([\d,]+) rows\)")


TIME = "/usr/bin/time"  # GNU time (Debian package time)


def _number(text):
    return int(text.replace(",", ""))


def write_task(path, fields, page_size=None):
    """The benchmark's task file (README.md "A task can live in a TOML file"); the task's
    default page size unless page_size is given."""
    quoted = ", ".join(json.dumps(field) for field in fields)
    page = f"page_size = {page_size}\n" if page_size else ""
    with open(path, "w", encoding="utf-8") as task:
        task.write(f'name = "benchmark {len(fields)} columns"\n'
                   f'model = "sale.order"\nfields = [{quoted}]\norder = "id"\n{page}'
                   f'x2many_as_ids = true\n\n[target]\nworkbook = "{WORKBOOK}"\n'
                   f'sheet = "{SHEET}"\nmode = "replace"\n')


def environment(odoo, graph):
    """xlsync's connection settings for the two fakes, passed as environment variables."""
    env = dict(os.environ)
    env.update({
        "XLSYNC_ODOO_URL": odoo.url, "XLSYNC_ODOO_DATABASE": odoo_wire.DATABASE,
        "XLSYNC_ODOO_LOGIN": odoo_wire.LOGIN, "XLSYNC_ODOO_API_KEY": odoo_wire.API_KEY,
        "XLSYNC_TENANT_ID": graph.ids["tenant_id"], "XLSYNC_CLIENT_ID": graph.ids["client_id"],
        "XLSYNC_CLIENT_SECRET": graph.ids["client_secret"],
        "XLSYNC_USER_UPN": graph.ids["user_upn"],
        "XLSYNC_AUTHORITY_HOST": graph.url, "XLSYNC_GRAPH_URL": graph.url})
    return env


class Usage:
    """The rusage figures GNU time reports of the process it ran (ru_maxrss in KiB)."""

    def __init__(self, text):
        user, system, maxrss = text.split()
        self.ru_utime, self.ru_stime, self.ru_maxrss = float(user), float(system), int(maxrss)


def measure(argv, env, log_path):
    """Runs argv to completion: (exit code, output text, wall s, rusage of the process).

    The process is started by GNU time rather than straight from this one: Linux carries a
    process's peak RSS across fork and exec, so a child of this (large) Python process would
    report at least the harness's own peak as its ru_maxrss."""
    usage_path = log_path + ".rusage"
    started = time.perf_counter()
    process = servers.spawn([TIME, "-f", "%U %S %M", "-o", usage_path] + argv, log_path, env)
    _, status, _ = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    servers.forget(process)
    with open(log_path, encoding="utf-8", errors="replace") as log:
        output = log.read()
    with open(usage_path, encoding="utf-8") as usage:
        lines = [line for line in usage.read().splitlines() if line.strip()]
    # GNU time writes "Command exited with non-zero status N" before the figures then.
    return process.returncode, output, wall, Usage(lines[-1])


def export_once(bin_dir, task_path, env, log_path, rows, columns, proof=True):
    """One `xlsync export`; raises when it fails or does not prove sheet = source (without
    `proof`, --no-verify: no read-back, so only the rows exported are checked)."""
    # At debug level xlsync logs each HTTP exchange: the run's phases come from those lines.
    argv = [os.path.join(bin_dir, "xlsync"), "--log-level", "debug", "export", "--task", task_path,
            "--progress", "none"]
    code, output, wall, usage = measure(argv + ([] if proof else ["--no-verify"]), env, log_path)
    # The debug lines (one per HTTP exchange) would bury what xlsync said to the user.
    said = "\n".join(line for line in output.splitlines() if not timeline.is_debug_line(line))
    tail = said.strip()[-800:]
    if code != 0:
        raise RuntimeError(f"xlsync export exited {code}: {tail}")
    exported = _EXPORTED.search(output)
    verified = _VERIFIED.search(output)
    if proof and (not verified or _number(verified.group(1)) != rows):
        raise RuntimeError(f"xlsync export did not print 'sheet = source ({rows:,} rows)': {tail}")
    if not exported or _number(exported.group(1)) != rows:
        raise RuntimeError(f"xlsync export did not report {rows:,} exported rows: {tail}")
    cpu = usage.ru_utime + usage.ru_stime
    return {
        "phases": timeline.phases(output, timeline.origin(env["XLSYNC_ODOO_URL"]),
                                  timeline.origin(env["XLSYNC_GRAPH_URL"]), wall),
        "wall_s": wall, "rows_per_s": rows / wall,
        "reported_s": float(exported.group(2)),
        "peak_rss_mib": usage.ru_maxrss / 1024.0,
        "cpu_s": cpu, "cpu_ns_per_cell": cpu * 1e9 / (rows * columns),
        "requests": {"total": _number(exported.group(3)), "odoo": _number(exported.group(4)),
                     "graph": _number(exported.group(5)), "retries": _number(exported.group(6))},
    }


def doubles_cpu(odoo, graph):
    """CPU seconds the two fakes have used so far: they share the machine's cores with xlsync."""
    return {"odoo": timeline.cpu_seconds(odoo.process.pid),
            "graph": timeline.cpu_seconds(graph.process.pid)}


def _delta(after, before):
    return None if after is None or before is None else after - before


def cross_check(counted, logged):
    """What disagrees between xlsync's request counts and the fakes' logs, or None.

    The fake Graph logs every request; the fake Odoo logs RPC calls only, not xlsync's
    /web/version probe (odoo-api.md §6), so its count may be lower but never higher.
    Retries are requests the fakes saw but that may not be counted the same way."""
    if counted["retries"]:
        return None
    if counted["graph"] != logged["graph"] or logged["odoo"] > counted["odoo"]:
        return (f"xlsync counted {counted['odoo']} Odoo / {counted['graph']} Graph requests, "
                f"the fakes logged {logged['odoo']} calls / {logged['graph']} requests")
    return None


def export_runs(ctx, odoo, graph, task_path, rows, columns):
    """ctx.runs exports, the fake Graph reset before each; requests cross-checked with the fakes."""
    env = environment(odoo, graph)
    runs = []
    for number in range(1, ctx.runs + 1):
        graph.reset()
        graph.costs_on()
        odoo.clear_calls()
        log_path = os.path.join(ctx.work_dir, f"xlsync-{rows}x{columns}-run{number}.log")
        before = doubles_cpu(odoo, graph)
        run = export_once(ctx.bin_dir, task_path, env, log_path, rows, columns)
        run["doubles_cpu_s"] = {name: _delta(doubles_cpu(odoo, graph)[name], before[name])
                                for name in before}
        run["fake_requests"] = {"odoo": len(odoo.calls()),
                                "graph": graph.log()["counters"]["requests"]}
        mismatch = cross_check(run["requests"], run["fake_requests"])
        if mismatch:
            ctx.warnings.append(f"{rows:,}x{columns} run {number}: {mismatch}")
        ctx.say(f"  xlsync run {number}: {run['wall_s']:.2f} s, {run['rows_per_s']:,.0f} rows/s, "
                f"{run['peak_rss_mib']:.1f} MiB, {run['cpu_ns_per_cell']:.0f} ns/cell, "
                f"{run['requests']['odoo']}+{run['requests']['graph']} requests")
        runs.append(run)
    return runs


def export_without_proof(ctx, graph, task_path, rows, columns, odoo):
    """One export with --no-verify: what the read-back proof costs, by difference."""
    graph.reset()
    graph.costs_on()
    log_path = os.path.join(ctx.work_dir, f"xlsync-{rows}x{columns}-no-verify.log")
    run = export_once(ctx.bin_dir, task_path, environment(odoo, graph), log_path, rows, columns,
                      proof=False)
    ctx.say(f"  xlsync without the proof: {run['wall_s']:.2f} s, "
            f"{run['requests']['graph']} Graph requests")
    return run


def bench_read(ctx, odoo, graph, fields, rows, columns, page_size):
    """xlsync's read side alone at page_size (the peers' page size): xlsync-bench-read's JSON
    line, checked against the data."""
    tool = os.path.join(ctx.bin_dir, "xlsync-bench-read")
    if not os.path.exists(tool):
        raise RuntimeError(f"{tool} is missing: build the target xlsync-bench-read")
    task_path = os.path.join(ctx.work_dir, f"task-read-{columns}-{page_size}.toml")
    write_task(task_path, fields, page_size)
    log_path = os.path.join(ctx.work_dir, f"bench-read-{rows}x{columns}.log")
    code, output, wall, usage = measure([tool, "--task", task_path],
                                        environment(odoo, graph), log_path)
    if code != 0:
        raise RuntimeError(f"xlsync-bench-read exited {code}: {output.strip()[-800:]}")
    line = next((text for text in reversed(output.splitlines()) if text.startswith("{")), None)
    if line is None:
        raise RuntimeError(f"xlsync-bench-read printed no JSON line: {output.strip()[-800:]}")
    figures = json.loads(line)
    if figures.get("rows") != rows or figures.get("cells") != rows * columns:
        raise RuntimeError(f"xlsync-bench-read read {figures.get('rows')} rows / "
                           f"{figures.get('cells')} cells, expected {rows} / {rows * columns}")
    seconds = float(figures["seconds"])
    return {"seconds": seconds, "rows_per_s": rows / seconds, "wall_s": wall,
            "requests": int(figures["odoo_requests"]),
            "peak_rss_mib": usage.ru_maxrss / 1024.0,
            "cpu_ns_per_cell": (usage.ru_utime + usage.ru_stime) * 1e9 / (rows * columns),
            "note": f"xlsync's Odoo reader and converter, {page_size:,} per page"}
