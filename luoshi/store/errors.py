"""Store errors: LuoshiError subclasses so the CLI prints them as one line."""

from __future__ import annotations

from luoshi.errors import LuoshiError


class StoreError(LuoshiError):
    code = "E105"

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(type(self).code, message, hint)


class NotFoundError(StoreError):
    code = "E101"


class ConflictError(StoreError):
    """A second editor saved first: reload, re-apply, save again."""

    code = "E102"


class PermissionDeniedError(StoreError):
    code = "E103"


class AppendOnlyError(StoreError):
    code = "E104"


class InvalidValueError(StoreError):
    code = "E105"


class SchemaError(StoreError):
    code = "E106"


class BackupError(StoreError):
    code = "E107"


class UnknownUnitError(StoreError):
    """A unit name that is neither in the master list nor one of its aliases."""

    code = "E108"


class TaskTableError(StoreError):
    """An office's 任务分解表 that cannot be imported; ``code`` set per failure (E109–E112)."""

    def __init__(self, code: str, message: str, hint: str | None = None, rows: list[dict] | None = None) -> None:
        self.rows = rows or []  # the offending rows, for the web page and the CLI listing
        StoreError.__init__(self, message, hint)
        self.code = code
        self.args = (str(self),)

    def __str__(self) -> str:
        line = f"{self.code}: {self.message}"
        return f"{line} (hint: {self.hint})" if self.hint else line
