"""Which requests the server answers.

- Host: only requests addressed to it by a name it answers to: this computer's (``localhost``,
  ``127.0.0.1``, ``::1``), the address it listens on, and the names given with
  ``--allowed-host`` (a deployment behind a proxy). A page on another site that makes its own
  name resolve to this computer (DNS rebinding) is refused, so it can neither read the registry
  nor overwrite a draft.
- Origin: a request that changes something (POST, PUT, PATCH, DELETE) sent by a browser must come
  from this server's own page: its ``Origin`` is the address it was sent to, or one of the names
  given with ``--allowed-host`` (where a proxy rewrites the ``Host``). Browsers always send an
  ``Origin`` with such requests; a client without one (curl, a script) is no cross-site forgery.

Together with the JSON content type that every such request must declare (``body.py``), which a
form on another site cannot send without the browser first asking this server (and it is never
told yes), a page elsewhere can make the drafter's browser do nothing here.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable
from urllib.parse import urlsplit

from starlette.requests import Request

LOOPBACK = frozenset({"localhost", "127.0.0.1", "::1"})
UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})


def hostname(netloc: str) -> str:
    """``example.org:8000`` → ``example.org``; ``[::1]:8000`` → ``::1``; lower case."""
    netloc = netloc.strip().lower()
    if netloc.startswith("["):
        return netloc[1:netloc.find("]")] if "]" in netloc else netloc
    return netloc.rsplit(":", 1)[0] if netloc.count(":") == 1 else netloc


def is_loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host == "localhost"


class Guard:
    def __init__(self, allowed_hosts: Iterable[str] = ()):
        self.named = frozenset(hostname(h) for h in allowed_hosts if h.strip())
        self.hosts = LOOPBACK | self.named

    def refusal(self, request: Request) -> str | None:
        """Why ``request`` is refused, or None."""
        host = request.headers.get("host", "")
        if hostname(host) not in self.hosts:
            return f"server ini tidak melayani alamat '{host[:100]}' (lihat drafting serve --allowed-host)"
        if request.method not in UNSAFE_METHODS:
            return None
        origin = request.headers.get("origin")
        if origin is None:
            if request.headers.get("sec-fetch-site") == "cross-site":
                return "permintaan dari situs lain ditolak"
            return None
        netloc = urlsplit(origin).netloc.lower()
        if netloc and (netloc == host.lower() or hostname(netloc) in self.named):
            return None
        return f"permintaan dari halaman lain ({origin[:100]}) ditolak"
