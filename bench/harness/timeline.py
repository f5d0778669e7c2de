"""Where an export's wall time went, read from its own debug log and from the doubles' CPU.

`xlsync --log-level debug` logs every HTTP exchange when it ends:
"2026-11-25T01:26:25.733 debug HTTP PATCH http://127.0.0.1:41053 -> 200: 1255323 bytes sent,
3546112 received in 308 ms". From those lines: how long each service was busy, when the first
chunk of data started and when the last one ended (what comes before is the sheet's setup, what
comes after is the read-back proof and the column widths).
"""

import os
import re
from datetime import datetime

_LINE = re.compile(r"^(\S+) debug HTTP (\w+) (\S+) -> (\d+): (\d+) bytes sent, (\d+) received "
                   r"in (\d+) ms")
_STAMP = re.compile(r"^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d+) ")
# A data chunk, not the header, a format or a probe: a PATCH carrying at least this much.
DATA_PATCH_BYTES = 16 * 1024


def is_debug_line(line):
    """A log line at debug level: xlsync's timeline, not what it told the user."""
    return bool(re.match(r"^\S+ debug ", line))


def _seconds(stamp):
    return datetime.fromisoformat(stamp).timestamp()


def exchanges(log_text):
    """(end time s, method, origin, status, bytes sent, bytes received, seconds) per exchange,
    and the time of the log's first and last stamped lines."""
    found = []
    first = last = None
    for line in log_text.splitlines():
        stamp = _STAMP.match(line)
        if not stamp:
            continue
        when = _seconds(stamp.group(1))
        first = when if first is None else first
        last = when
        match = _LINE.match(line)
        if match:
            found.append((when, match.group(2), match.group(3), int(match.group(4)),
                          int(match.group(5)), int(match.group(6)), int(match.group(7)) / 1000.0))
    return found, first, last


def phases(log_text, odoo_origin, graph_origin, wall_s):
    """The run's phases in seconds, or None when the log holds no exchange (not at debug)."""
    found, first, last = exchanges(log_text)
    if not found:
        return None
    odoo = [item for item in found if item[2] == odoo_origin]
    graph = [item for item in found if item[2] == graph_origin]
    chunks = [item for item in graph if item[1] == "PATCH" and item[4] >= DATA_PATCH_BYTES]
    result = {
        "odoo_busy_s": sum(item[6] for item in odoo),
        "graph_busy_s": sum(item[6] for item in graph),
        "chunks_s": sum(item[6] for item in chunks),
        "chunks": len(chunks),
        "logged_s": last - first,
        "wall_s": wall_s,
    }
    if chunks:
        result["before_first_chunk_s"] = (chunks[0][0] - chunks[0][6]) - first
        result["after_last_chunk_s"] = last - chunks[-1][0]
    return result


def cpu_seconds(pid):
    """User + system CPU a live process has used so far (/proc/<pid>/stat), or None."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            text = stat.read()
    except OSError:
        return None
    # Fields after the command name (which may hold spaces) start at state; utime and stime
    # are fields 14 and 15 of the whole line, in clock ticks.
    fields = text[text.rindex(")") + 2:].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def origin(url):
    """scheme://host:port of a URL, as xlsync's debug log writes it."""
    match = re.match(r"^([a-z]+://[^/]+)", url)
    return match.group(1) if match else url
