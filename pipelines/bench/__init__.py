"""`fiscal bench`: the pipeline against bare pdfplumber and pdfium passes on the same real pages.

selection.csv   the fixed, representative corpus selection (family, file)
corpus.py       where the corpus is, which files to measure
passes.py       the bare passes: pdfplumber (extract_tables + extract_text per page), pdfium text
memory.py       run a command and sample the RSS of its whole process tree
pipeline.py     `fiscal ingest` into a fresh temporary warehouse (as in production), then a no-op re-run
profile.py      cProfile of parse_document, time grouped by package/stage
report.py       BENCHMARKS.md
orchestration.py  (written by the Dagster developer) when present, its `measure(files, workdir)` is
                called and the rows it returns ({"measure", "value", "note"}) are added to the report
"""
