"""The bound: the time to only read the records, and to only write the same cells.

Read-only: JSON-RPC search_read with keyset paging (odoo-api.md §9.4), bodies received but
not decoded; the time is the sum of the request durations. Write-only: the cells the export
wrote, read back from the sheet with the fake's costs switched off, then PATCHed again with
the costs on, values only, one request at a time (msgraph.md §4.1: one request at a time per
workbook); the time is the sum of the PATCH durations. Both stream, so 1M x 30 stays small.
"""

import json

import graph_wire
import odoo_wire

PAGE_SIZES = (1000, 2000, 5000, 10000)
CHUNK_CELLS = (10000, 20000, 40000, 60000)
SWEEP_ROWS = 30_000  # the sweeps run on the first rows only (a multiple of every page size)
READ_BLOCK_CELLS = 100_000  # cells read back per GET while the costs are off (answer < 5 MB)
GRAPH_BODY_LIMIT = 5_000_000  # msgraph.md §6.5, answered 413 by the fake


def read_only(odoo_url, fields, rows, page_size):
    """Reads every record once by keyset pages of page_size; figures of the pass."""
    rpc = odoo_wire.OdooRpc(odoo_url)
    seconds, requests, read, last_id, received = 0.0, 0, 0, 0, 0
    try:
        while read < rows:
            kwargs = odoo_wire.search_read_kwargs(fields, page_size, [["id", ">", last_id]])
            reply = rpc.execute_raw("sale.order", "search_read", [], kwargs)
            seconds += reply.seconds
            requests += 1
            received += len(reply.body)
            count, page_last = odoo_wire.scan_page(reply.body)
            read += count
            if count < page_size:
                break
            last_id = page_last
    finally:
        rpc.close()
    if read != rows:
        raise RuntimeError(f"keyset paging read {read:,} records, expected {rows:,}")
    return {"page_size": page_size, "seconds": seconds, "requests": requests,
            "rows_per_s": rows / seconds if seconds else None, "bytes": received}


def sweep_pages(odoo_url, fields, rows, say):
    """Read-only of the first SWEEP_ROWS records once per page size; the sweep and the fastest
    page size."""
    sweep = []
    for page_size in PAGE_SIZES:
        result = read_only(odoo_url, fields, min(rows, SWEEP_ROWS), page_size)
        say(f"  read-only sweep: page {page_size}: {result['seconds']:.2f} s, "
            f"{result['requests']} requests")
        sweep.append(result)
    best = min(sweep, key=lambda result: result["seconds"])
    return sweep, best["page_size"]


class GiantBody:
    """Sizes the body of one PATCH of the whole range from the chunk bodies, and keeps it
    while it stays under keep_limit bytes (a 1M-row body is never built)."""

    PREFIX = b'{"values":['
    SUFFIX = b"]}"

    def __init__(self, keep_limit):
        self.keep_limit = keep_limit
        self.size = len(self.PREFIX) + len(self.SUFFIX)
        self.parts = []
        self.blocks = 0
        self.complete = False

    def add(self, chunk_body):
        inner = chunk_body[len(self.PREFIX):-len(self.SUFFIX)]
        self.size += len(inner) + (1 if self.blocks else 0)
        self.blocks += 1
        if self.parts is not None and self.size <= self.keep_limit:
            self.parts.append(inner)
        else:
            self.parts = None

    def body(self):
        if self.parts is None:
            return None
        return self.PREFIX + b",".join(self.parts) + self.SUFFIX


def chunk_body(block):
    return json.dumps({"values": block}, separators=(",", ":"), ensure_ascii=False).encode()


def write_pass(fake, graph, sheet_id, sheet_rows, columns, chunk_cells, giant=None):
    """Rewrites sheet rows 1..sheet_rows in chunks of about chunk_cells cells; stops at a 413."""
    rows_per_chunk = max(1, chunk_cells // columns)
    rows_per_read = rows_per_chunk * max(1, READ_BLOCK_CELLS // (rows_per_chunk * columns))
    result = {"chunk_cells": chunk_cells, "rows_per_chunk": rows_per_chunk, "seconds": 0.0,
              "requests": 0, "bytes": 0, "status": 200}
    try:
        for first in range(1, sheet_rows + 1, rows_per_read):
            last = min(first + rows_per_read - 1, sheet_rows)
            fake.costs_off()
            values = graph.read_values(sheet_id, first, last, columns)
            fake.costs_on()
            for start in range(0, len(values), rows_per_chunk):
                block = values[start:start + rows_per_chunk]
                body = chunk_body(block)
                top = first + start
                reply = graph.patch_values(sheet_id, top, top + len(block) - 1, columns, body,
                                           expect=(200, 413))
                result["requests"] += 1
                if reply.status == 413:
                    result["status"] = 413
                    result["error"] = graph_wire.error_code(reply.body)
                    return result
                result["seconds"] += reply.seconds
                result["bytes"] += len(body)
                if giant is not None:
                    giant.add(body)
    finally:
        fake.costs_on()
    return result


def write_only(fake, sheet_name, sheet_rows, columns, chunk_sizes, giant, say):
    """With several chunk sizes, a sweep over the first SWEEP_ROWS rows (growing, stopping at a
    413); then one pass over every row at the best size, which also sizes `giant`.
    Returns (sweep passes, the full pass)."""
    graph = graph_wire.Graph(fake)
    passes = []
    try:
        graph.open_session()
        sheet_id = graph.worksheet_id(sheet_name)
        best = chunk_sizes[0]
        if len(chunk_sizes) > 1:
            for cells in chunk_sizes:
                result = write_pass(fake, graph, sheet_id, min(sheet_rows, SWEEP_ROWS + 1),
                                    columns, cells)
                say(f"  write-only sweep: {cells} cells/chunk: {result['seconds']:.2f} s, "
                    f"{result['requests']} PATCHes, status {result['status']}")
                passes.append(result)
                if result["status"] == 413:
                    break
            good = [result for result in passes if result["status"] == 200]
            if not good:
                raise RuntimeError(f"every write-only chunk size was refused: {passes}")
            best = min(good, key=lambda result: result["seconds"])["chunk_cells"]
        full = write_pass(fake, graph, sheet_id, sheet_rows, columns, best, giant)
        giant.complete = full["status"] == 200
        say(f"  write-only: {best} cells/chunk: {full['seconds']:.2f} s, "
            f"{full['requests']} PATCHes, status {full['status']}")
        graph.close_session()
    finally:
        graph.close()
    if full["status"] != 200:
        raise RuntimeError(f"the write-only pass at {best} cells a chunk was refused: {full}")
    return passes, full
