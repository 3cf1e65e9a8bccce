"""Failures outside the library's own checks, turned into one coded line for the CLI:
writing the output (missing folder, a folder, /dev/full, a closed pipe), an output encoding
that cannot show Chinese, an unreachable database, a refusing mail server."""

from __future__ import annotations

import os
import smtplib
import socket
import sys

from luoshi.errors import LuoshiError


def translate(exc: BaseException) -> LuoshiError | None:
    """The coded error for ``exc``, or None when it is a bug (and should stay a traceback)."""
    from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError

    if isinstance(exc, UnicodeEncodeError):
        enc = getattr(sys.stdout, "encoding", None) or exc.encoding
        return LuoshiError("E151", f"the output encoding {enc} cannot show this text",
                           "set PYTHONIOENCODING=utf-8 (or a UTF-8 locale), or write to a file with -o")
    if isinstance(exc, (smtplib.SMTPException, socket.gaierror, ConnectionError, TimeoutError)) or (
        isinstance(exc, OSError) and exc.__class__.__module__ == "smtplib"
    ):
        return LuoshiError("E153", f"the mail server failed: {_one_line(exc)}",
                           "check LUOSHI_SMTP_HOST, _PORT, _USER and _PASSWORD; nothing else was changed")
    if isinstance(exc, (ArgumentError, NoSuchModuleError)):
        return LuoshiError("E152", f"bad database URL: {_one_line(exc)}",
                           "set LUOSHI_DATABASE_URL to sqlite:///path/luoshi.db or postgresql+psycopg://user:pass@host/db")
    if isinstance(exc, DBAPIError):
        return LuoshiError("E152", f"database error: {_one_line(exc.orig or exc)}",
                           "check LUOSHI_DATABASE_URL, that the server runs and the file is a luoshi database")
    if isinstance(exc, OSError):
        where = f" {exc.filename}" if exc.filename else " the output"
        return LuoshiError("E150", f"cannot write{where}: {exc.strerror or _one_line(exc)}",
                           "check that the folder exists, the path is a file name and the disk has space")
    return None


def silence_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's final flush cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


def print_error(exc: LuoshiError) -> None:
    """One line on stderr, whatever stderr's encoding."""
    line = f"luoshi: {exc}\n"
    enc = getattr(sys.stderr, "encoding", None) or "utf-8"
    try:
        sys.stderr.write(line.encode(enc, "backslashreplace").decode(enc))
        sys.stderr.flush()
    except (OSError, ValueError):
        pass


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())[:200]


class BoundedInt:
    """A click type for ids and years: an integer within [lo, hi], else one coded line (E154)
    rather than an overflow deep in the database driver."""

    def __new__(cls, lo: int, hi: int, what: str):
        import click

        class _Bounded(click.ParamType):
            name = "integer"

            def convert(self, value, param, ctx):
                try:
                    number = int(value)
                except (TypeError, ValueError):
                    raise LuoshiError("E154", f"{what} must be a whole number, not {str(value)[:30]!r}",
                                      f"give a number between {lo} and {hi}") from None
                if not lo <= number <= hi:
                    raise LuoshiError("E154", f"{what} {str(value)[:30]} is out of range", f"give a number between {lo} and {hi}")
                return number

        return _Bounded()


DB_ID = (1, 2**31 - 1)  # PostgreSQL INTEGER ids; SQLite's are wider
