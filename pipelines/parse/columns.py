"""Column roles (code / name / value / rownum) and side-by-side blocks of a table."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .. import catalogue
from ..textutil.normalize import key
from ..textutil.numbers import parse_cell
from . import meaning
from .rows import Row

_DIGITS = re.compile(r"^\d{2,7}$")
_HEADERS = catalogue.headers()  # headers.yaml: the words that say what a column holds
_CODE_WORDS = _HEADERS["code_words"]
_CODE_LEAVES = frozenset(_HEADERS["code_leaves"])
_NAME_LEAVES = frozenset(_HEADERS["name_leaves"])
_ROWNUM_WORDS = _HEADERS["rownum_words"]
_ENTITY_LEAVES = frozenset(_HEADERS["entity_leaves"])


@dataclass
class Block:
    code_cols: list[int] = field(default_factory=list)
    name_cols: list[int] = field(default_factory=list)
    value_cols: list[int] = field(default_factory=list)
    entity_cols: list[int] = field(default_factory=list)
    side: str = ""  # income | expense | ''
    scheme: str = ""  # what its label column's header says the rows are: function | economic | economic_government

    @property
    def code_groups(self) -> list[list[int]]:
        """Code columns in runs not broken by a name column: 类|款|项 is one code, a second run beside
        another name (部门经济 301|01 基本工资 | 政府经济 501|01 工资奖金津补贴) a second classification."""
        groups: list[list[int]] = []
        for c in self.code_cols:
            if groups and not any(groups[-1][-1] < n < c for n in self.name_cols):
                groups[-1].append(c)
            else:
                groups.append([c])
        return groups or [[]]

    @property
    def label_cols(self) -> list[int]:
        return sorted(self.code_cols + self.name_cols)

    @property
    def first_col(self) -> int:
        cols = self.label_cols + self.value_cols
        return min(cols) if cols else 0


def _header_role(path: list[str]) -> str | None:
    if not path:
        return None
    keys = [key(p) for p in path]
    leaf = keys[-1]
    if any(any(w in k for w in _ROWNUM_WORDS) and len(k) <= 4 for k in keys):
        return "rownum"
    if leaf in _ENTITY_LEAVES:
        return "entity"
    if leaf in _CODE_LEAVES or any(w in leaf for w in _CODE_WORDS):
        if leaf == "科目" and len(keys) == 1:
            return "name"
        return "code"
    if leaf in _NAME_LEAVES or "科目名称" in leaf or leaf.endswith("名称"):
        return "name"
    return None


def _body_stats(rows: list[Row], c: int) -> tuple[int, int, int]:
    amounts = codes = texts = 0
    for row in rows:
        ref = row[c]
        if ref is None or ref.c0 != c:
            continue
        t = ref.text.strip()
        if not t:
            continue
        s = key(t)
        if _DIGITS.match(s):
            codes += 1
        cv = parse_cell(s)
        if cv.kind in ("amount", "percent") and not _DIGITS.match(s):
            amounts += 1
        elif cv.kind == "text":
            texts += 1
    return amounts, codes, texts


def column_roles(paths: list[list[str]], rows: list[Row]) -> list[str]:
    roles = []
    n = len(paths)
    for c in range(n):
        role = _header_role(paths[c])
        amounts, codes, texts = _body_stats(rows, c)
        if role is None:
            if not paths[c] and not (amounts or codes or texts):
                role = "empty"
            elif texts > max(amounts, codes) and texts > 0:
                role = "name"
            elif codes > 0 and amounts == 0 and texts == 0:
                role = "code" if any(_body_stats(rows, o)[0] for o in range(n) if o != c) else "value"
            else:
                role = "value"
        elif role == "name" and amounts > 2 * max(texts, 1) and texts == 0:
            role = "value"  # a header word like 项目 over a column of figures
        roles.append(role)
    return roles


def side_of(path: list[str]) -> str:
    for p in path:
        k = key(p)
        if k.startswith("收入") or k in ("收", "收方"):
            return "income"
        if k.startswith("支出") or k in ("支", "支方"):
            return "expense"
    return ""


def blocks(paths: list[list[str]], roles: list[str]) -> list[Block]:
    out: list[Block] = []
    cur: Block | None = None
    seen_value = False
    for c, role in enumerate(roles):
        if role in ("code", "name", "entity"):
            if cur is None or seen_value:
                cur = Block()
                out.append(cur)
                seen_value = False
            {"code": cur.code_cols, "name": cur.name_cols, "entity": cur.entity_cols}[role].append(c)
        elif role == "value":
            if cur is None:
                cur = Block()
                out.append(cur)
            cur.value_cols.append(c)
            seen_value = True
    for b in out:
        cols = b.label_cols or b.value_cols
        for c in cols:
            s = side_of(paths[c])
            if s:
                b.side = s
                break
        b.scheme = scheme_of_header("".join("".join(paths[c]) for c in b.label_cols))
    return out


def scheme_of_header(text: str) -> str:
    """function | economic | economic_government | '' from a label column's header (支出功能分科目（按大类）,
    部门预算支出经济科目, 政府预算支出经济分类科目), read with the title vocabulary (title_words.yaml)."""
    words = catalogue.title_words()
    k = key(text)
    scheme = meaning.read(k).scheme or ""
    if scheme == "economic" and any(w in k for w in words["government_economic"]):
        return "economic_government"
    return scheme
