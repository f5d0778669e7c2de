"""Microsoft Graph workbook calls the bound and the peers make (msgraph.md §2, §6).

One client-credentials token, then the workbook addressed by drive and item id and the
worksheet by id, so no sheet name ever needs OData quoting (msgraph.md §6.4).
"""

import json
import urllib.parse

import wire


def column_letters(number):
    """1 -> A, 26 -> Z, 27 -> AA (Excel column names)."""
    letters = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def address(first_row, last_row, columns):
    return f"A{first_row}:{column_letters(columns)}{last_row}"


class GraphError(RuntimeError):
    pass


class Graph:
    """A token and a keep-alive connection to the fake Graph's demo workbook; not thread-safe."""

    def __init__(self, fake):
        self.ids = fake.ids
        self.http = wire.Http(fake.url)
        self.requests = 0
        self.headers = {"Authorization": "Bearer " + self._token(fake.url)}
        self.workbook = (f"/v1.0/drives/{urllib.parse.quote(self.ids['drive_id'], safe='!')}"
                         f"/items/{urllib.parse.quote(self.ids['item_id'])}/workbook")

    def close(self):
        self.http.close()

    def _token(self, url):
        form = urllib.parse.urlencode({
            "client_id": self.ids["client_id"], "client_secret": self.ids["client_secret"],
            "scope": url + "/.default", "grant_type": "client_credentials"})
        reply = self.http.request(
            "POST", f"/{self.ids['tenant_id']}/oauth2/v2.0/token", form,
            {"Content-Type": "application/x-www-form-urlencoded"})
        self.requests += 1
        if reply.status != 200:
            raise GraphError(f"the token endpoint answered {reply.status}: {reply.body[:300]!r}")
        return reply.json()["access_token"]

    def send(self, method, path, payload=None, expect=(200, 201, 204)):
        """One timed workbook call; a status outside `expect` raises GraphError."""
        reply = self.http.json_request(method, self.workbook + path, payload, self.headers)
        self.requests += 1
        if reply.status not in expect:
            raise GraphError(f"{method} {path} answered {reply.status}: {reply.body[:400]!r}")
        return reply

    def open_session(self):
        """A persistent workbook session (msgraph.md §6.2) for the calls that follow."""
        reply = self.send("POST", "/createSession", {"persistChanges": True})
        self.headers["workbook-session-id"] = reply.json()["id"]

    def close_session(self):
        if "workbook-session-id" in self.headers:
            self.send("POST", "/closeSession", None)
            del self.headers["workbook-session-id"]

    def worksheet_id(self, name):
        for sheet in self.send("GET", "/worksheets").json()["value"]:
            if sheet["name"] == name:
                return sheet["id"]
        raise GraphError(f"the workbook has no sheet named {name!r}")

    def add_worksheet(self, name):
        return self.send("POST", "/worksheets/add", {"name": name}).json()["id"]

    @staticmethod
    def range_path(sheet_id, cells):
        return (f"/worksheets/{urllib.parse.quote(sheet_id, safe='')}"
                f"/range(address={urllib.parse.quote(repr_address(cells), safe='')})")

    def read_values(self, sheet_id, first_row, last_row, columns):
        """The values of the rows, read in halves while the answer is too large (413)."""
        path = self.range_path(sheet_id, address(first_row, last_row, columns))
        reply = self.send("GET", path + "?$select=values", expect=(200, 413))
        if reply.status == 200:
            return reply.json()["values"]
        if first_row == last_row:
            raise GraphError(f"reading row {first_row} answered 413: {reply.body[:300]!r}")
        middle = (first_row + last_row) // 2
        return (self.read_values(sheet_id, first_row, middle, columns) +
                self.read_values(sheet_id, middle + 1, last_row, columns))

    def patch_values(self, sheet_id, first_row, last_row, columns, body, expect=(200,)):
        """PATCHes a ready-made {"values": ...} body; returns the Reply (status, seconds)."""
        path = self.range_path(sheet_id, address(first_row, last_row, columns))
        reply = self.http.request("PATCH", self.workbook + path, body,
                                  dict(self.headers, **{"Content-Type": "application/json"}))
        self.requests += 1
        if reply.status not in expect:
            raise GraphError(f"PATCH {address(first_row, last_row, columns)} answered "
                             f"{reply.status}: {reply.body[:400]!r}")
        return reply

    def add_table(self, sheet_id, cells):
        path = f"/worksheets/{urllib.parse.quote(sheet_id, safe='')}/tables/add"
        return self.send("POST", path, {"address": cells, "hasHeaders": True}).json()["id"]

    def add_table_row(self, table_id, row):
        path = f"/tables/{urllib.parse.quote(table_id, safe='')}/rows/add"
        return self.send("POST", path, {"values": [row]})


def error_code(body):
    """The most specific code of a Graph error body (the innermost innerError with a code)."""
    try:
        level = json.loads(body).get("error", {})
    except ValueError:
        return None
    code = None
    while isinstance(level, dict):
        code = level.get("code") or code
        level = level.get("innerError")
    return code


def repr_address(cells):
    """The OData string literal of an address (quotes doubled, msgraph.md §6.4)."""
    return "'" + cells.replace("'", "''") + "'"
