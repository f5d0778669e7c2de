"""Plain JSON-RPC to Odoo (odoo-api.md §2): authenticate, fields_get, search_read.

Used by the read-only bound (bodies kept raw) and the plain offset-paging peer (bodies
decoded with json.loads), both over one keep-alive connection.
"""

import json
import re

import wire

DATABASE = "demo"
LOGIN = "admin"
API_KEY = "0123456789abcdef0123456789abcdef01234567"

# The records' own "id" keys: many2one values are [id, name] arrays and x2many values lists
# of ids, so in a search_read body only top-level records carry an "id" key.
_RECORD_ID = re.compile(rb'"id":\s*(\d+)')

TEN_FIELDS = ["name", "partner_id", "date_order", "state", "user_id", "amount_untaxed",
              "amount_total", "invoice_status", "validity_date", "client_order_ref"]


class OdooError(RuntimeError):
    pass


class OdooRpc:
    """One authenticated JSON-RPC client on a keep-alive connection; not thread-safe."""

    def __init__(self, url):
        self.http = wire.Http(url)
        self.requests = 0
        self.uid = self.call_service("common", "authenticate", [DATABASE, LOGIN, API_KEY, {}])
        if not self.uid:
            raise OdooError("the fake Odoo refused the admin API key")

    def close(self):
        self.http.close()

    def _post(self, service, method, args):
        payload = {"jsonrpc": "2.0", "method": "call", "id": self.requests + 1,
                   "params": {"service": service, "method": method, "args": args}}
        self.requests += 1
        reply = self.http.json_request("POST", "/jsonrpc", payload)
        if reply.status != 200:
            raise OdooError(f"{method} answered HTTP {reply.status}: {reply.body[:300]!r}")
        return reply

    def call_service(self, service, method, args):
        body = self._post(service, method, args).json()
        if "error" in body:
            raise OdooError(f"{method} failed: {json.dumps(body['error'])[:300]}")
        return body["result"]

    def execute_raw(self, model, method, args, kwargs):
        """The reply of execute_kw, body not decoded; raises when it is not a result envelope."""
        reply = self._post("object", "execute_kw",
                           [DATABASE, self.uid, API_KEY, model, method, args, kwargs])
        if b'"result"' not in reply.body[:80]:
            raise OdooError(f"{model}.{method} failed: {reply.body[:300]!r}")
        return reply

    def execute(self, model, method, args, kwargs):
        return self.execute_raw(model, method, args, kwargs).json()["result"]


def export_fields(rpc, columns):
    """The task's fields: the ten of the brief, or every field fields_get lists but binaries."""
    if columns == 10:
        return list(TEN_FIELDS)
    fields = rpc.execute("sale.order", "fields_get", [], {"attributes": ["type"]})
    names = [name for name, spec in fields.items() if spec.get("type") != "binary"]
    if len(names) < columns:
        raise OdooError(f"sale.order has only {len(names)} non-binary fields, not {columns}")
    return names[:columns]


def search_read_kwargs(fields, limit, domain=None, offset=0):
    kwargs = {"domain": domain or [], "fields": fields, "limit": limit, "order": "id"}
    if offset:
        kwargs["offset"] = offset
    return kwargs


def scan_page(body):
    """(records in the page, last record id) of a raw search_read body, without decoding it.
    Only the result array is scanned: the envelope has an "id" of its own."""
    start = body.find(b'"result":')
    ids = _RECORD_ID.findall(body, start, body.rfind(b"]") + 1) if start >= 0 else []
    return len(ids), (int(ids[-1]) if ids else None)
