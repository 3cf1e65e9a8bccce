"""Cross-year linking: commitments and targets of one report → evidence and verdicts in a later one.

``link_reports`` judges an older report against a later one, ``link_within`` links a
report's five-year goals to its annual plan, ``diff_reports`` lists commitments
carried over, dropped and new.
"""

from luoshi.link.diff import CarriedOver, ReportDiff, diff_reports
from luoshi.link.reports import link_reports
from luoshi.link.within import link_within

__all__ = ["CarriedOver", "ReportDiff", "diff_reports", "link_reports", "link_within"]
