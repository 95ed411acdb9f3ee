"""Text normalisation for Chinese government PDFs.

pdfminer/pdfium often return CJK-radical look-alike code points (⻔ U+2ED4 for 门, ⻋ U+2ECB for
车 …) and full-width forms; NFKC folds the full-width forms and Kangxi radicals, the map below
folds the supplement radicals NFKC leaves alone.
"""
from __future__ import annotations

import re
import unicodedata

# CJK Radicals Supplement code points seen in government PDFs -> the ordinary character.
RADICAL_MAP = {
    "\u2e84": "乙", "\u2e86": "冂", "\u2e88": "刀", "\u2e8b": "㔾", "\u2e8c": "小", "\u2e8e": "兀",
    "\u2e8f": "尢", "\u2e90": "尢", "\u2e92": "巳", "\u2e93": "幺", "\u2e94": "彑", "\u2e95": "彐",
    "\u2e96": "忄", "\u2e97": "心", "\u2e98": "扌", "\u2e99": "攵", "\u2e9b": "旡", "\u2e9d": "月",
    "\u2e9e": "歹", "\u2e9f": "母", "\u2ea0": "民", "\u2ea1": "氵", "\u2ea2": "水", "\u2ea3": "灬",
    "\u2ea4": "爪", "\u2ea6": "丬", "\u2ea7": "牛", "\u2ea8": "犭", "\u2ea9": "王", "\u2eaa": "疋",
    "\u2eab": "目", "\u2eac": "示", "\u2ead": "礻", "\u2eae": "竹", "\u2eaf": "糹", "\u2eb0": "纟",
    "\u2eb1": "罒", "\u2eb2": "罒", "\u2eb3": "网", "\u2eb4": "罓", "\u2eb5": "罒", "\u2eb6": "羊",
    "\u2eb7": "羊", "\u2eb8": "羊", "\u2eb9": "老", "\u2eba": "肀", "\u2ebb": "聿", "\u2ebc": "月",
    "\u2ebd": "臼", "\u2ebe": "艹", "\u2ebf": "艹", "\u2ec0": "艹", "\u2ec1": "虎", "\u2ec2": "衤",
    "\u2ec3": "覀", "\u2ec4": "西", "\u2ec5": "见", "\u2ec6": "角", "\u2ec7": "角", "\u2ec8": "讠",
    "\u2ec9": "贝", "\u2eca": "足", "\u2ecb": "车", "\u2ecc": "辶", "\u2ecd": "辶", "\u2ece": "辶",
    "\u2ecf": "阝", "\u2ed0": "钅", "\u2ed1": "长", "\u2ed2": "长", "\u2ed3": "长", "\u2ed4": "门",
    "\u2ed5": "阜", "\u2ed6": "阝", "\u2ed7": "雨", "\u2ed8": "青", "\u2ed9": "韦", "\u2eda": "页",
    "\u2edb": "风", "\u2edc": "飞", "\u2edd": "食", "\u2ede": "食", "\u2edf": "饣", "\u2ee0": "饣",
    "\u2ee1": "首", "\u2ee2": "马", "\u2ee3": "骨", "\u2ee4": "鬼", "\u2ee5": "鱼", "\u2ee6": "鸟",
    "\u2ee7": "卤", "\u2ee8": "麦", "\u2ee9": "黄", "\u2eea": "黾", "\u2eeb": "齐", "\u2eec": "齐",
    "\u2eed": "齿", "\u2eee": "齿", "\u2eef": "龙", "\u2ef0": "龙", "\u2ef1": "龟", "\u2ef2": "龟",
    "\u2ef3": "龟",
}
_RADICAL_TABLE = str.maketrans(RADICAL_MAP)
_WS = re.compile(r"\s+")
_QUOTES = str.maketrans({"“": "", "”": "", '"': "", "‘": "", "’": "", "'": "", "「": "", "」": ""})
_ORDINAL = re.compile(
    r"^(?:[一二三四五六七八九十百零〇]+[、.．:：]|[（(][一二三四五六七八九十百零〇0-9]+[)）][、.．]?"
    r"|[0-9]+[、．](?![0-9])|[0-9]+\.(?![0-9])|第[一二三四五六七八九十]+[部分章节条项]+)"
)


def nfkc(text: str) -> str:
    """NFKC + radical look-alike folding. Keeps whitespace."""
    if not text:
        return ""
    return unicodedata.normalize("NFKC", text).translate(_RADICAL_TABLE)


def squash(text: str | None) -> str:
    """Normalised text with every whitespace removed (Chinese labels wrap anywhere)."""
    if not text:
        return ""
    return _WS.sub("", nfkc(text))


def key(text: str | None) -> str:
    """Matching key: squashed, quotes removed, brackets unified to full-width."""
    s = squash(text).translate(_QUOTES)
    return s.replace("(", "（").replace(")", "）")


def strip_ordinal(text: str) -> str:
    """'一、一般公共服务支出' -> '一般公共服务支出'; '（三）收入' -> '收入'; '1.基本工资' -> '基本工资'."""
    s = text
    while True:
        m = _ORDINAL.match(s)
        if not m or m.end() == len(s):
            return s
        s = s[m.end():]
