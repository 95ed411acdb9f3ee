"""`fiscal generate` — render the shipped sample packs (data/sample/specs) into PDFs."""
from __future__ import annotations

from pathlib import Path


def register(sub) -> None:
    p = sub.add_parser("generate", help="render the sample disclosure packs from data/sample/specs into PDFs")
    p.add_argument("--out", default=None, help="output folder (default data/sample/pdfs)")
    p.add_argument("--specs", default=None, help="spec folder (default data/sample/specs)")
    p.set_defaults(func=cmd_generate)


def cmd_generate(args) -> int:
    from ..generator import DEFAULT_OUT, SPEC_DIR, generate_sample
    pairs = generate_sample(Path(args.out) if args.out else DEFAULT_OUT, Path(args.specs) if args.specs else SPEC_DIR)
    print(f"rendered {len(pairs)} packs into {Path(args.out) if args.out else DEFAULT_OUT}")
    return 0
