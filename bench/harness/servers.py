"""Starts and stops the fake Odoo and fake Graph processes and scripts their costs.

Every child process the harness starts goes through `spawn`, which remembers it so that
`kill_children` (run at exit, on SIGTERM/SIGHUP and after Ctrl-C) leaves nothing behind.
"""

import atexit
import os
import re
import signal
import subprocess
import time

import wire

_children = []
_KEY_VALUE = re.compile(r"^([a-z_]+)=(.*)$")


def spawn(argv, log_path, env=None):
    """Starts argv with stdout and stderr into log_path; the process is killed at exit."""
    log = open(log_path, "wb")
    try:
        process = subprocess.Popen(argv, stdout=log, stderr=subprocess.STDOUT,
                                   stdin=subprocess.DEVNULL, env=env)
    finally:
        log.close()
    _children.append(process)
    return process


def forget(process):
    if process in _children:
        _children.remove(process)


def kill_children():
    """Terminates every child still running, then kills the ones that do not stop."""
    for process in list(_children):
        if process.returncode is None and process.poll() is None:
            process.terminate()
    deadline = time.monotonic() + 5
    for process in list(_children):
        if process.returncode is not None:
            continue
        try:
            process.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    _children.clear()


class Stopped(BaseException):
    """Raised when the harness is told to stop (SIGINT, SIGTERM, SIGHUP); not an Exception, so
    the per-step error handling never takes it for a failed measurement."""

    def __init__(self, number):
        super().__init__(f"stopped by signal {number}")
        self.number = number


_stopped_by = None


def _on_signal(number, _frame):
    global _stopped_by
    if _stopped_by is None:
        _stopped_by = number
        kill_children()
    raise Stopped(number)


def raise_if_stopped():
    """Re-raises the stop when cleanup code turned it into an ordinary error: a `finally`
    that talks to a fake already killed raises ConnectionRefusedError over Stopped."""
    if _stopped_by is not None:
        raise Stopped(_stopped_by)


def install_cleanup():
    """Kills the children at exit and when the harness is told to stop. A SIGINT ignored on
    entry (a background job of run.sh, which passes a TERM on instead) stays ignored."""
    atexit.register(kill_children)
    for number in (signal.SIGTERM, signal.SIGHUP, signal.SIGINT):
        if signal.getsignal(number) is not signal.SIG_IGN:
            signal.signal(number, _on_signal)


def _wait_for_ready(process, log_path, what, needed_keys=(), timeout=60):
    """Reads the child's log until it says "listening on URL" (and the needed key=value lines)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with open(log_path, encoding="utf-8", errors="replace") as log:
            lines = [line.strip() for line in log]
        url = next((line.split(" listening on ", 1)[1] for line in lines
                    if " listening on " in line), None)
        values = dict(match.groups() for match in map(_KEY_VALUE.match, lines) if match)
        if url and all(key in values for key in needed_keys):
            wire.split_loopback(url)
            return url, values
        if process.poll() is not None:
            break
        time.sleep(0.05)
    tail = open(log_path, encoding="utf-8", errors="replace").read()[-1500:]
    raise RuntimeError(f"{what} did not start (exit {process.poll()}): {tail}")


class FakeOdoo:
    """The xlsync-fake-odoo process with sale.order holding `rows` records."""

    def __init__(self, bin_dir, work_dir, rows, costs):
        self.log_path = os.path.join(work_dir, f"fake-odoo-{rows}.log")
        argv = [os.path.join(bin_dir, "xlsync-fake-odoo"), "--port", "0",
                "--count", f"sale.order={rows}",
                "--call-latency-ms", str(costs["odoo_call_ms"]),
                "--per-record-latency-us", str(costs["odoo_record_us"])]
        self.process = spawn(argv, self.log_path)
        self.url, _ = _wait_for_ready(self.process, self.log_path, "xlsync-fake-odoo")

    def clear_calls(self):
        wire.control(self.url, "DELETE", "/__fake__/calls")

    def calls(self):
        return wire.control(self.url, "GET", "/__fake__/calls")["calls"]

    def stop(self):
        _stop(self.process)


class FakeGraph:
    """The xlsync-fake-graph process; `ids` holds the demo tenant, client, drive and item."""

    _KEYS = ("tenant_id", "client_id", "client_secret", "user_upn", "drive_id", "item_id",
             "workbook_path", "sheet_name")

    def __init__(self, bin_dir, work_dir, tag, costs):
        self.log_path = os.path.join(work_dir, f"fake-graph-{tag}.log")
        self.costs = costs
        argv = [os.path.join(bin_dir, "xlsync-fake-graph"), "--port", "0",
                "--call-latency-ms", str(costs["graph_call_ms"]),
                "--per-kib-latency-us", str(costs["graph_kib_us"])]
        self.process = spawn(argv, self.log_path)
        self.url, self.ids = _wait_for_ready(self.process, self.log_path, "xlsync-fake-graph",
                                             self._KEYS)

    def reset(self):
        """Blank workbooks, no sessions, no log; the costs stay as they are."""
        wire.control(self.url, "POST", "/__fake__/reset")

    def log(self):
        return wire.control(self.url, "GET", "/__fake__/log")

    def costs_off(self):
        wire.control(self.url, "POST", "/__fake__/latency", {"call_ms": 0, "per_kib_us": 0})

    def costs_on(self):
        wire.control(self.url, "POST", "/__fake__/latency",
                     {"call_ms": self.costs["graph_call_ms"],
                      "per_kib_us": self.costs["graph_kib_us"]})

    def stop(self):
        _stop(self.process)


def _stop(process):
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    forget(process)
