"""Corpora at scale: ``luoshi batch`` extracts folders of reports (or JSON Lines / Parquet
corpora) into Parquet tables, serially, on a local Dask cluster or on a remote one,
resumably; ``luoshi panel`` turns the tables into a region × year panel of targets and
the actuals the next report gives.
"""

from luoshi.batch.run import Summary, run_batch
from luoshi.batch.store import read_table

__all__ = ["Summary", "read_table", "run_batch"]
