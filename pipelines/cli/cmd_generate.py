"""`fiscal generate` — render the shipped sample packs (data/sample/specs) into PDFs."""
from __future__ import annotations

from pathlib import Path


def register(sub) -> None:
    p = sub.add_parser("generate", help="render the sample disclosure packs from data/sample/specs into PDFs")
    p.add_argument("--out", default=None, help="output folder (default data/sample/pdfs)")
    p.add_argument("--specs", default=None, help="spec folder (default data/sample/specs)")
    p.set_defaults(func=cmd_generate)


def cmd_generate(args) -> int:
    from ..generator import SPEC_DIR, generate_sample
    from ..settings import project_data_dir
    out = Path(args.out) if args.out else project_data_dir() / "sample" / "pdfs"
    pairs = generate_sample(out, Path(args.specs) if args.specs else SPEC_DIR)
    print(f"rendered {len(pairs)} packs into {out}")
    return 0
