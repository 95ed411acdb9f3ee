"""Is the text layer text? Shares that tell a readable Chinese disclosure from a garbled text layer
(fonts without a ToUnicode map: the codes come out as rare or foreign characters) and from a
document that is not a Chinese disclosure at all (Lorem ipsum, another language).

- garbled share: of the characters that carry words (digits, ASCII punctuation and spaces aside),
  those no Chinese disclosure prints: control and private-use characters, U+FFFD, lone surrogates,
  letters of other scripts, and CJK ideographs outside GB 2312 (the 6,763 characters all
  government text is set in; a garbled layer maps glyph numbers onto rare ideographs);
- Chinese share: CJK ideographs among those characters.
The thresholds are data (pipelines/intake/textlayer.yaml), measured on the corpus.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

HERE = Path(__file__).parent


@dataclass(frozen=True)
class Thresholds:
    garbled_note: float  # a loaded document with this share garbled gets a note
    garbled_reject: float  # this share garbled and nothing read: not a readable document
    min_chinese: float  # below this share of Chinese, with nothing read: not a Chinese disclosure
    min_chars: int  # texts shorter than this are not judged
    placeholder: tuple[str, ...]  # filler-text words (Lorem ipsum) named in the reason


@lru_cache(maxsize=1)
def thresholds() -> Thresholds:
    with open(HERE / "textlayer.yaml", encoding="utf-8") as fh:
        v = yaml.safe_load(fh)
    return Thresholds(float(v["garbled_note"]), float(v["garbled_reject"]), float(v["min_chinese"]),
                      int(v["min_chars"]), tuple(v["placeholder"]))


@dataclass
class TextLayer:
    chars: int  # characters that carry words
    garbled: int
    chinese: int
    placeholder: str = ""  # the filler text found ('lorem ipsum'), if any

    @property
    def garbled_share(self) -> float:
        return self.garbled / self.chars if self.chars else 0.0

    @property
    def chinese_share(self) -> float:
        return self.chinese / self.chars if self.chars else 0.0


_NEUTRAL = re.compile(r"[\s0-9!-/:-@\[-`{-~]")


def _in_gb2312(ch: str) -> bool:
    try:
        ch.encode("gb2312")
        return True
    except UnicodeEncodeError:
        return False


@lru_cache(maxsize=65536)
def classify(ch: str) -> str:
    """'chinese' | 'garbled' | 'other' (readable but not Chinese: ASCII letters, symbols, punctuation)."""
    o = ord(ch)
    if 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0x20000 <= o <= 0x2FFFF or 0xF900 <= o <= 0xFAFF:
        return "chinese" if _in_gb2312(ch) else "garbled"
    if 0x2E80 <= o <= 0x2FDF:  # CJK radicals: look-alikes of ordinary characters (textutil.normalize folds them)
        return "chinese"
    if o < 0x20 or 0x7F <= o < 0xA0 or 0xE000 <= o <= 0xF8FF or 0xD800 <= o <= 0xDFFF or o == 0xFFFD \
            or o >= 0xF0000:
        return "garbled"
    if o < 0x80:
        return "other"
    cat = unicodedata.category(ch)
    if cat.startswith("L"):  # a letter of another script (Latin-1 letters, Cyrillic, Yi, Hangul …)
        return "other" if _in_gb2312(ch) else "garbled"
    return "other"  # punctuation, symbols, numbers (①, Ⅱ, ℃, full-width forms …)


def measure(texts: list[str]) -> TextLayer:
    t = thresholds()
    chars = garbled = chinese = 0
    for text in texts:
        for ch in _NEUTRAL.sub("", text):
            chars += 1
            c = classify(ch)
            if c == "garbled":
                garbled += 1
            elif c == "chinese":
                chinese += 1
    low = re.sub(r"\s+", "", "".join(texts)[:200000]).lower()
    found = next((w for w in t.placeholder if re.sub(r"\s+", "", w) in low), "")
    return TextLayer(chars, garbled, chinese, found)


def judge(layer: TextLayer, read_anything: bool) -> tuple[str, str, str]:
    """(verdict, reason or note, code): verdict 'reject' (with a reject code), 'note' (load with the
    note) or 'ok'. read_anything: a catalogue table or a fact was read."""
    t = thresholds()
    if layer.chars < t.min_chars:
        return "ok", "", ""
    pct = f"{layer.garbled_share:.0%}"
    if layer.garbled_share >= t.garbled_reject and not read_anything:
        return ("reject", f"unreadable text layer: {pct} of its characters are not text (fonts without a "
                          "ToUnicode map?); nothing could be read (OCR is not supported)", "garbled_text")
    if layer.chinese_share < t.min_chinese and not read_anything:
        what = f"placeholder text ({layer.placeholder!r})" if layer.placeholder else \
            f"{layer.chinese_share:.0%} Chinese characters"
        return "reject", f"not a Chinese fiscal disclosure: {what}, no disclosure table found", "not_disclosure"
    if layer.garbled_share >= t.garbled_note:
        return "note", f"text layer partly unreadable: {pct} of its characters garbled (fonts without a ToUnicode map?)", ""
    return "ok", "", ""
