"""exact_pct (sql/marts/000_macros.sql) against Python's Decimal; account_level / account_parent
(sql/views/000_accounts.sql, also what the load writes into dim_account)."""
from decimal import ROUND_HALF_UP, Decimal

import duckdb
import pytest

from pipelines import resources


@pytest.fixture(scope="module")
def con():
    c = duckdb.connect()
    c.execute(resources.sql_files("views")[0].read_text(encoding="utf-8"))
    c.execute(resources.sql_files("marts")[0].read_text(encoding="utf-8"))
    return c


def py_pct(num: str, den: str) -> Decimal:
    return (Decimal(num) * 100 / Decimal(den)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


@pytest.mark.parametrize("num,den", [
    ("-279.90", "3241.80"), ("1657.00", "2586.61"), ("1.005", "1"), ("-1.005", "1"), ("0.000005", "0.001"),
    ("2915.22", "7968.14"), ("1", "3"), ("-2", "3"), ("2", "-3"), ("12345678901234.123456", "0.000001"),
    ("0.125", "1000"), ("-0.125", "1000"), ("0", "5"),
])
def test_exact_pct_matches_decimal_half_up(con, num, den):
    got = con.execute("SELECT exact_pct(CAST(? AS DECIMAL(28, 6)), CAST(? AS DECIMAL(28, 6)))", [num, den]).fetchone()[0]
    assert got == py_pct(num, den)


def test_exact_pct_has_no_zero_base(con):
    assert con.execute("SELECT exact_pct(5.00, 0.00), exact_pct(NULL, 1.0), exact_pct(1.0, NULL)").fetchone() == \
        (None, None, None)


def test_account_levels_and_parents(con):
    rows = con.execute("""SELECT account_level(s, c), account_parent(s, c) FROM (VALUES
        ('function', '224'), ('function', '22401'), ('function', '2240108'), ('economic', '301'),
        ('economic', '30101'), ('line', ''), ('function', '2240')) t(s, c)""").fetchall()
    assert rows == [(1, None), (2, "224"), (3, "22401"), (1, None), (2, "301"), (None, None), (None, None)]


def test_marts_live_in_the_file_for_read_only_connections(tmp_path):
    from pipelines.warehouse.schema import ensure_schema
    path = tmp_path / "w.duckdb"
    w = duckdb.connect(str(path))
    ensure_schema(w)
    w.close()
    r = duckdb.connect(str(path), read_only=True)  # nothing attached or created on the reader
    assert r.execute("SELECT count(*) FROM mart_yoy").fetchone() == (0,)
    assert r.execute("SELECT exact_pct(1, 3)").fetchone() == (Decimal("33.33"),)
