"""GDP growth targets against the growth the next report gives, for a few cities.

    pip install -e '.[research]'     # DuckDB, pandas-free plotting with matplotlib
    luoshi batch ../shared/corpus/cities/major/{北京市,上海市,广州市,深圳市,重庆市,武汉市} -o out/cities --workers 2
    python examples/research/targets_vs_actuals.py out/cities docs/research/targets-vs-actuals.png

The batch tables are plain Parquet: DuckDB reads them in place. The panel (one row per
city and year: target, next year's actual, met / not_met) is ``luoshi panel``'s, turned
into a DuckDB relation so it can be joined and filtered in SQL.
"""

from __future__ import annotations

import sys
from math import nan
from pathlib import Path

import duckdb
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

from luoshi.batch.panel import build_panel  # noqa: E402

CITIES = ["北京市", "上海市", "广州市", "深圳市", "重庆市", "武汉市"]
# Fonts with Chinese glyphs, the first one installed wins.
matplotlib.rcParams["font.sans-serif"] = ["Noto Sans CJK SC", "Noto Serif CJK SC", "Source Han Sans SC",
                                          "WenQuanYi Zen Hei", "PingFang SC", "Microsoft YaHei", "SimHei",
                                          "DejaVu Sans"]
matplotlib.rcParams["axes.unicode_minus"] = False


def main(out: str, png: str) -> None:
    # The raw tables: how many reports and GDP targets per city, straight from Parquet.
    counts = duckdb.sql(f"""
        select r.region, count(distinct r.id) as reports,
               count(*) filter (where i.kind = 'target' and i.metric like '%生产总值%' and i.unit = '%') as gdp_targets
        from '{out}/reports/*.parquet' r left join '{out}/indicators/*.parquet' i on i.report_id = r.id
        group by r.region order by reports desc limit 8""")
    print(counts)
    panel = build_panel(out, "地区生产总值")
    con = duckdb.connect()
    con.execute("create table panel (region text, year int, target double, high double, actual double, status text)")
    con.executemany("insert into panel values (?, ?, ?, ?, ?, ?)",
                    [(r["region"], r["year"], r["target_value"], r["target_high"], r["actual_value"], r["status"])
                     for r in panel])
    print(con.sql("select status, count(*) as n from panel where target is not null group by status order by n desc"))
    fig, axes = plt.subplots(2, 3, figsize=(12, 6.5), sharey=True)
    for ax, city in zip(axes.flat, CITIES):
        rows = con.execute("select year, target, coalesce(high, target), actual from panel "
                           "where region = ? and year >= 2000 order by year", [city]).fetchall()
        years = [r[0] for r in rows]
        target, high, actual = ([nan if r[k] is None else r[k] for r in rows] for k in (1, 2, 3))
        ax.fill_between(years, target, high, step="mid", alpha=0.25, color="tab:blue")
        ax.step(years, target, where="mid", color="tab:blue", label="目标 target")
        ax.plot(years, actual, "o", color="tab:red", markersize=4, label="实际 actual（次年报告）")
        ax.set_title(city)
        ax.grid(alpha=0.3)
    axes.flat[0].set_ylabel("地区生产总值增长 %")
    axes.flat[0].legend(loc="upper right", fontsize=8)
    fig.suptitle("GDP 增长目标与次年报告所述实际增长 · growth targets and the actuals the next report gives")
    fig.tight_layout()
    Path(png).parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(png, dpi=110)
    print(f"wrote {png}")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
