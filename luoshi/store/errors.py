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
