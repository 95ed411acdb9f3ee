"""Helpers for driving the dashboard through Streamlit's AppTest."""
from pathlib import Path

from streamlit.testing.v1 import AppTest

APP = Path(__file__).resolve().parents[2] / "pipelines" / "dashboard" / "app.py"


def raw_app(**query) -> AppTest:
    """The app run once with these query parameters (errors shown, not asserted)."""
    at = AppTest.from_file(str(APP), default_timeout=120)
    for k, v in query.items():
        at.query_params[k] = v
    return at.run()


def app(**query) -> AppTest:
    return no_errors(raw_app(**query))


def no_errors(at: AppTest) -> AppTest:
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]
    return at


def pick(widget, shown: str):
    """Select the option displayed as `shown` (AppTest lists options as displayed)."""
    return widget.select_index(widget.options.index(shown))


def choose(at: AppTest, department: str, year: int | None = None, kind: str | None = None) -> AppTest:
    pick(at.sidebar.selectbox(key="department"), department).run()
    if year is not None:
        at.sidebar.selectbox(key="year").set_value(year).run()
    if kind is not None:
        at.sidebar.radio(key="kind").set_value(kind).run()
    return no_errors(at)


def view(at: AppTest, name: str) -> AppTest:
    at.sidebar.radio(key="view").set_value(name).run()
    return no_errors(at)


def frame(at: AppTest, column: str):
    """The (first) dataframe shown with a column named `column`."""
    return next(d.value for d in at.dataframe if column in d.value.columns)


def frames(at: AppTest, column: str) -> list:
    return [d.value for d in at.dataframe if column in d.value.columns]
