"""Empty form fields mean "not set": blank query parameters are dropped before routing.

A GET form sends every field, chosen or not (``?status=&strength=&due_before=``);
without this every typed filter (enum, date pattern, number) would answer 422.
"""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode

from starlette.types import ASGIApp, Receive, Scope, Send


def drop_blank(query: bytes) -> bytes:
    """``a=&b=1&c=+`` -> ``b=1`` (values kept byte for byte otherwise)."""
    if not query:
        return query
    # latin-1 both ways: every byte survives the round trip (UTF-8 percent-escapes included)
    pairs = parse_qsl(query.decode("latin-1"), keep_blank_values=True, encoding="latin-1")
    kept = [(k, v) for k, v in pairs if v.strip()]
    return query if len(kept) == len(pairs) else urlencode(kept, encoding="latin-1").encode("latin-1")


class BlankQueryMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope.get("query_string"):
            scope = dict(scope, query_string=drop_blank(scope["query_string"]))
        await self.app(scope, receive, send)
