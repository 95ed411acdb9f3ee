"""Function codes for narrative subjects naming a 类 / 款 / 项, resolved against the document's own
tables (names change between years; the document's tables say which code a name has this year)."""
from __future__ import annotations

from .. import catalogue
from ..textutil.normalize import key, strip_ordinal


def _name_key(name: str) -> str:
    return key(strip_ordinal(key(name or "")))


def code_names(pairs) -> dict[str, set[str]]:
    """function code -> name keys printed for it in the document's tables, from its function facts'
    (account_code, account_name) pairs."""
    out: dict[str, set[str]] = {}
    for code, name in pairs:
        if code:
            out.setdefault(code, set()).add(_name_key(name))
    return out


def _matches(name: str, printed: set[str]) -> bool:
    """Same name, give or take a trailing 支出; or one name ending with the other (a narrative may
    keep last year's longer name: 归口管理的行政单位离退休 for 行政单位离退休)."""
    n = _name_key(name).removesuffix("支出")
    for p in printed:
        q = p.removesuffix("支出")
        if n == q or (min(len(n), len(q)) >= 4 and (n.endswith(q) or q.endswith(n))):
            return True
    return False


def resolve(path: str, names: dict[str, set[str]]) -> str | None:
    """'类名/款名/项名' (any prefix of it) -> the deepest code the document's tables confirm."""
    parts = [p for p in path.split("/")]
    classes = catalogue.function_classes()
    cls = parts[0] if parts else ""
    code = classes.get(_name_key(cls)) or classes.get(_name_key(cls) + "支出") \
        or classes.get(_name_key(cls).removesuffix("支出"))
    if not code and cls:
        hits = [c for c, ns in names.items() if len(c) == 3 and _matches(cls, ns)]
        code = hits[0] if len(hits) == 1 else None
    for level, name in enumerate(parts[1:], start=1):
        if not name:
            continue
        width = 3 + 2 * level
        hits = [c for c, ns in names.items()
                if len(c) == width and (code is None or c.startswith(code)) and _matches(name, ns)]
        if len(hits) == 1:
            code = hits[0]
            continue
        # names change between years: a 项 may still be found by its own name under its 类
        last = parts[-1]
        if level < len(parts) - 1 and last:
            hits = [c for c, ns in names.items()
                    if len(c) == 3 + 2 * (len(parts) - 1) and (code is None or c.startswith(code[:3]))
                    and _matches(last, ns)]
            if len(hits) == 1:
                return hits[0]
        return None
    return code
