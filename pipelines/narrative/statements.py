"""The statements of one document: its narrative's figures, function subjects resolved to the codes
its own tables print. Pure (no database): the parse stage calls it on the document it has just read,
and the load stage again when a pack partner changed the document's department."""
from __future__ import annotations

from collections.abc import Iterable

from .extract import Statement, extract
from .resolve import code_names, resolve


def statements_of(pages: list[tuple[int, str]], department: str,
                  function_names: Iterable[tuple[str, str]]) -> list[Statement]:
    """pages: (page number, reading-order text); department: as identified (its name is left out of
    subjects); function_names: (account_code, account_name) of the document's function facts."""
    found = extract(pages, department)
    names = None
    for st in found:
        if st.topic == "function":
            names = names if names is not None else code_names(function_names)
            st.account_code = resolve(st.subject, names)
    return found
