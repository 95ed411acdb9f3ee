"""`fiscal fetch`: new packs from the publishers' portals into the inbox (docs/fetching.md)."""
from __future__ import annotations

import sys
from pathlib import Path

from .render import print_table


def register(sub) -> None:
    p = sub.add_parser("fetch", help="fetch new packs from the sources (sources.yaml) into the inbox")
    p.add_argument("--source", action="append", metavar="NAME",
                   help="only this source (repeatable; a disabled source can be named); default: every enabled one")
    p.add_argument("--dry-run", action="store_true",
                   help="read listing and article pages and list the attachments that would be fetched; download "
                        "no file, write nothing")
    p.add_argument("--sources", metavar="FILE", help="sources file (default: FISCAL_SOURCES or "
                                                     "pipelines/catalogue/sources.yaml)")
    p.add_argument("--inbox", metavar="DIR", help="where new files go (default: FISCAL_INBOX or data/inbox)")
    p.add_argument("--list", action="store_true", help="list the sources and exit")
    p.add_argument("--all", action="store_true", help="also list unchanged files")
    p.add_argument("--quiet", action="store_true", help="no progress lines on stderr")
    p.set_defaults(func=cmd_fetch)


def cmd_fetch(args) -> int:
    from ..fetch.run import FetchBusy, fetch, stderr_log
    from ..fetch.sources import SourcesError, load_sources, select

    try:
        every = load_sources(args.sources or args.settings.sources)
        chosen = select(every, args.source)
    except SourcesError as exc:
        print(f"fiscal fetch: {exc}", file=sys.stderr)
        return 2
    if args.list:
        print_table(["source", "region", "department", "enabled", "listings"],
                    [[s.name, s.region, s.department, "yes" if s.enabled else "no", " ".join(s.listings)]
                     for s in every], max_width=120)
        return 0
    if not chosen:
        print("fiscal fetch: no enabled source (see --list, or name one with --source)", file=sys.stderr)
        return 2
    inbox = Path(args.inbox) if args.inbox else args.settings.inbox
    try:
        report = fetch(chosen, inbox, args.settings.fetch_state, dry_run=args.dry_run, log=None if args.quiet else stderr_log)
    except FetchBusy as exc:
        print(f"fiscal fetch: {exc}", file=sys.stderr)
        return 2
    shown = [it for it in report.items if args.all or it.outcome != "unchanged"]
    if shown:
        print("what happened (unchanged files not listed; --all lists them):" if not args.all else "what happened:")
        for it in shown:
            what = it.file or it.url
            print(f"  {it.source}  {it.role:<10} {it.outcome:<10} {what}")
            if it.file and it.url != what:
                print(f"      from {it.url}")
            if it.reason:
                print(f"      {it.reason}")
        print()
    rows = []
    for s in report.sources:
        c = s.counts()
        rows.append([s.name, c["new"], c["revision"], c["unchanged"], c["duplicate"], c["skipped"], c["failed"],
                     c["pages_failed"], f"{s.bytes_files:,}", f"{s.bytes_pages:,}", f"{s.seconds:.1f}",
                     s.error or ""])
    print_table(["source", "new", "revision", "unchanged", "duplicate", "skipped", "failed", "pages failed",
                 "bytes (files)", "bytes (pages)", "seconds", "error"], rows, max_width=100)
    stored = sum(len(s.stored) for s in report.sources)
    if args.dry_run:
        n = sum(1 for it in report.items if it.outcome == "would_fetch")
        print(f"dry run {report.run_id}: {n} attachments would be fetched; nothing was downloaded or written "
              f"({report.received:,} bytes of pages read)")
    else:
        print(f"run {report.run_id}: {stored} new files in {inbox} ({report.received:,} bytes received in "
              f"{report.seconds:.1f} s)" + (f"; ingest them: fiscal ingest {inbox}" if stored else ""))
    return 1 if report.has_failures else 0
