"""One router per resource; the order matters only where paths overlap (``.json`` first)."""

from luoshi.web.routers import (admin, auth, commitments, imports, indicators, ledger, overview, regions, reminders, reports, themes,
                                verdicts, workspace)

ROUTERS = [auth.router, overview.router, ledger.router, commitments.router, reports.router, verdicts.router, themes.router, regions.router,
           workspace.router, indicators.router, reminders.router, admin.router, imports.router]
