"""LUOSHI_* configuration (environment or a .env file in the working folder)."""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from pathlib import Path

from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="LUOSHI_", env_file=".env", extra="ignore")

    database_url: str = "sqlite:///luoshi.db"  # relative: the working folder
    # PostgreSQL with two roles: the table owner's URL, used only by `luoshi db upgrade` and
    # `luoshi db restore` (which then grant the app role of database_url its rows, see
    # store/roles.py). Empty: one role, database_url migrates too.
    migrate_url: str = ""
    upload_dir: Path = Path("uploads")  # progress evidence files
    public_mode: bool = False  # read-only public view without login
    as_of: date | None = None  # the date pages open at ("as of"); empty: today. The demo sets one inside its plan year
    # The office's choice: department users read only the tasks their department leads or supports.
    department_own_tasks_only: bool = False
    secret_key: str = ""  # signs session cookies (web); empty: generated per process
    secure_cookies: bool = False  # mark the session cookie Secure: set it when served over TLS
    # Proxies whose X-Forwarded-For is believed (comma-separated addresses); empty: none, the
    # peer address is the client (so login throttling cannot be dodged with a forged header).
    trusted_proxies: str = ""
    max_upload_mb: int = 60  # largest request body with files (progress evidence, imports)
    # Evidence quotas (E158): one file, all files of one task, the whole upload folder.
    upload_file_mb: int = 10
    upload_task_mb: int = 100
    upload_total_mb: int = 10240
    # In-year tracking (status.py): a task is at risk when its reported percent lags the
    # time-proportional expectation (序时进度) by more than this many points ...
    at_risk_margin: float = 20.0
    # ... or nothing was reported on it yet and its deadline is this close (or it is reported blocked).
    due_soon_days: int = 30
    smtp_host: str = ""  # empty: `luoshi remind` prints instead of mailing
    smtp_port: int = 587
    smtp_user: str = ""
    smtp_password: str = ""
    smtp_from: str = "luoshi@localhost"
    smtp_starttls: bool = True


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
