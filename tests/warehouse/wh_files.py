"""Helpers for the warehouse tests."""
from __future__ import annotations

import shutil


def copy_to(src, folder, name=None):
    folder.mkdir(parents=True, exist_ok=True)
    dst = folder / (name or src.name)
    shutil.copyfile(src, dst)
    return dst
