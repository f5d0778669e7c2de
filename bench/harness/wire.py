"""HTTP on loopback for the harness: one keep-alive connection per origin, timed requests.

Every server the harness talks to is a local test double on 127.0.0.1; this module refuses any
other host so a mistyped URL can never send benchmark traffic off the machine.
"""

import http.client
import json
import time
import urllib.parse

_STALE = (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError)


class Reply:
    """One HTTP exchange: status, headers, raw body bytes and how long it took."""

    def __init__(self, status, headers, body, seconds):
        self.status = status
        self.headers = headers
        self.body = body
        self.seconds = seconds

    def json(self):
        return json.loads(self.body)

    def __repr__(self):
        return f"Reply({self.status}, {self.body[:200]!r})"


def split_loopback(url):
    """(host, port, path prefix) of a loopback http URL; raises ValueError for anything else."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme != "http" or parts.hostname not in ("127.0.0.1", "localhost", "::1"):
        raise ValueError(f"the benchmark only talks to loopback http servers, not {url}")
    return parts.hostname, parts.port or 80, parts.path.rstrip("/")


class Http:
    """A keep-alive HTTP/1.1 connection to one loopback origin; not thread-safe.

    The fakes close idle connections after a second or two (cpp-httplib keep-alive timeout),
    so a request that finds its reused connection closed before any byte of the reply is
    sent again once on a fresh connection: the server never read it, so nothing was applied.
    """

    def __init__(self, base_url, timeout=900):
        self.host, self.port, self.prefix = split_loopback(base_url)
        self.timeout = timeout
        self.connection = None

    def close(self):
        if self.connection is not None:
            self.connection.close()
            self.connection = None

    def request(self, method, path, body=None, headers=None):
        headers = dict(headers or {})
        if isinstance(body, str):
            body = body.encode("utf-8")
        for attempt in (1, 2):
            reused = self.connection is not None
            if not reused:
                self.connection = http.client.HTTPConnection(self.host, self.port,
                                                              timeout=self.timeout)
            started = time.perf_counter()
            try:
                self.connection.request(method, self.prefix + path, body=body, headers=headers)
                response = self.connection.getresponse()
                data = response.read()
            except _STALE:
                self.close()
                if reused and attempt == 1:
                    continue
                raise
            seconds = time.perf_counter() - started
            if response.getheader("Connection", "").lower() == "close":
                self.close()
            return Reply(response.status, dict(response.getheaders()), data, seconds)
        raise AssertionError("unreachable")

    def json_request(self, method, path, payload=None, headers=None):
        """Sends payload as compact JSON (UTF-8, not ASCII-escaped)."""
        headers = dict(headers or {})
        body = None
        if payload is not None:
            body = json.dumps(payload, separators=(",", ":"), ensure_ascii=False)
            headers.setdefault("Content-Type", "application/json")
        return self.request(method, path, body, headers)


def control(base_url, method, path, payload=None):
    """One call to a fake's /__fake__ control route on a fresh connection; returns parsed JSON."""
    client = Http(base_url, timeout=120)
    try:
        reply = client.json_request(method, path, payload)
    finally:
        client.close()
    if reply.status >= 300:
        raise RuntimeError(f"{method} {path} answered {reply.status}: {reply.body[:300]!r}")
    return reply.json() if reply.body else {}
