"""How people name regions and reports: 门头沟区, 门头沟区2022年政府工作报告."""

from __future__ import annotations

import re

_SHORT_REGION = re.compile(r"^(?:.+?(?:省|自治区))?(?:.+?市)?(.+?[区县旗])$")


def short_region(name: str | None) -> str:
    """北京市门头沟区 -> 门头沟区 (the name a district's office uses); a city stays as is."""
    if not name:
        return ""
    m = _SHORT_REGION.match(name)
    return m.group(1) if m else name


def report_name(region: str | None, year: int | None, title: str | None = None, filename: str | None = None) -> str:
    """A report as people name it: 门头沟区2022年政府工作报告 (never "#2")."""
    if year:
        return f"{short_region(region)}{year}年政府工作报告"
    return f"{short_region(region)}{title or filename or '政府工作报告'}"
