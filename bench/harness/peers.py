"""The peers, on the same doubles and data: how other tools move the same rows.

Write side: one request per row (tables/{id}/rows/add, as workflow tools append), timed on a
sample and projected linearly; one giant PATCH of the whole range. Read side: OdooRPC
(Debian's python3-odoorpc) and plain search_read, both with offset paging.
"""

import time
import urllib.parse

import bound
import graph_wire
import odoo_wire

GIANT_SEND_LIMIT = 16_000_000  # bodies up to this size are really sent (and refused over 5 MB)


def rows_add(fake, data_sheet, rows, columns, sample):
    """tables/add, then one rows/add per row for `sample` rows; the full run projected."""
    sample = min(sample, rows)
    graph = graph_wire.Graph(fake)
    try:
        fake.costs_off()
        source = graph.worksheet_id(data_sheet)
        values = graph.read_values(source, 1, sample + 1, columns)
        fake.costs_on()
        before = graph.requests
        started = time.perf_counter()
        sheet_id = graph.add_worksheet("PeerRows")
        header = bound.chunk_body(values[:1])
        graph.patch_values(sheet_id, 1, 1, columns, header)
        table_id = graph.add_table(sheet_id, graph_wire.address(1, 1, columns))
        setup_s = time.perf_counter() - started
        setup_requests = graph.requests - before
        row_seconds = 0.0
        for row in values[1:]:
            row_seconds += graph.add_table_row(table_id, row).seconds
    finally:
        fake.costs_on()
        graph.close()
    per_row = row_seconds / sample
    seconds = setup_s + per_row * rows
    return {"sample_rows": sample, "sample_s": setup_s + row_seconds, "setup_s": setup_s,
            "per_row_s": per_row, "seconds": seconds, "rows_per_s": rows / seconds,
            "requests": setup_requests + rows, "projected": sample < rows,
            "note": (f"projected from {sample:,} rows" if sample < rows else "all rows")}


def giant_patch(fake, data_sheet, rows, columns, giant):
    """One PATCH of the whole range with every row: its time, or the 413 it gets."""
    if not giant.complete:
        raise RuntimeError("the giant body was not sized: the first write-only pass failed")
    megabytes = giant.size / 1e6
    result = {"bytes": giant.size, "requests": 1, "seconds": None, "rows_per_s": None}
    body = giant.body() if giant.size <= GIANT_SEND_LIMIT else None
    if body is None:
        result.update(status=413, sent=False, error="RequestPayloadSizeLimitExceeded",
                      note=f"fails: 413 ({megabytes:,.1f} MB body, over the 5 MB request "
                           f"limit; not sent)")
        return result
    graph = graph_wire.Graph(fake)
    try:
        sheet_id = graph.worksheet_id(data_sheet)
        reply = graph.patch_values(sheet_id, 1, rows + 1, columns, body, expect=(200, 413))
    finally:
        graph.close()
    result.update(status=reply.status, sent=True)
    if reply.status == 413:
        result["error"] = graph_wire.error_code(reply.body)
        result["note"] = f"fails: 413 {result['error']} ({megabytes:,.1f} MB body)"
    else:
        result.update(seconds=reply.seconds, rows_per_s=rows / reply.seconds,
                      note=f"one {megabytes:,.1f} MB body")
    return result


def odoorpc_read(odoo, fields, rows, page_size):
    """OdooRPC over JSON-RPC: search_read pages by offset, records decoded by OdooRPC.

    OdooRPC's login() goes through /web/session/authenticate, a web-session route the fake
    Odoo does not serve (its README); so the harness authenticates with the API key over
    JSON-RPC (odoo-api.md §2) and builds the Environment login() would have built.
    """
    try:
        import odoorpc
        from odoorpc.env import Environment
    except ImportError as error:
        raise RuntimeError("python3-odoorpc is missing: run scripts/bootstrap.sh and use "
                           "Debian's /usr/bin/python3") from error
    parts = urllib.parse.urlsplit(odoo.url)
    odoo.clear_calls()
    started = time.perf_counter()
    client = odoorpc.ODOO(parts.hostname, protocol="jsonrpc", port=parts.port)
    uid = client.json("/jsonrpc", {"service": "common", "method": "authenticate", "args": [
        odoo_wire.DATABASE, odoo_wire.LOGIN, odoo_wire.API_KEY, {}]})["result"]
    client._env = Environment(client, odoo_wire.DATABASE, uid,
                              context={"lang": "en_US", "tz": "UTC", "uid": uid})
    client._login, client._password = odoo_wire.LOGIN, odoo_wire.API_KEY
    orders = client.env["sale.order"]
    _offset_pages(lambda offset: orders.search_read([], fields, offset=offset, limit=page_size,
                                                    order="id"), rows, page_size, "OdooRPC")
    return _read_figures(odoo, started, rows, page_size,
                         f"offset paging, {page_size:,} per page, decoded; login by API key")


def _offset_pages(fetch, rows, page_size, who):
    """Reads pages of page_size from offset 0 with fetch(offset) until a short page or `rows`."""
    read = 0
    while True:
        page = fetch(read)
        read += len(page)
        if len(page) < page_size or read >= rows:
            break
    if read != rows:
        raise RuntimeError(f"{who} read {read:,} records, expected {rows:,}")


def _read_figures(odoo, started, rows, page_size, note):
    seconds = time.perf_counter() - started
    return {"page_size": page_size, "seconds": seconds, "rows_per_s": rows / seconds,
            "requests": len(odoo.calls()), "note": note}


def plain_offset(odoo, fields, rows, page_size):
    """Plain JSON-RPC search_read by offset pages on a keep-alive connection, json.loads each."""
    odoo.clear_calls()
    started = time.perf_counter()
    rpc = odoo_wire.OdooRpc(odoo.url)
    try:
        _offset_pages(lambda offset: rpc.execute(
            "sale.order", "search_read", [],
            odoo_wire.search_read_kwargs(fields, page_size, offset=offset)), rows, page_size,
            "offset paging")
    finally:
        rpc.close()
    return _read_figures(odoo, started, rows, page_size,
                         f"offset paging, {page_size:,} per page, json.loads")
