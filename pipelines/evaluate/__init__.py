"""`fiscal evaluate`: ingest a labelled corpus into a scratch warehouse and compare what the
warehouse holds with its MANIFEST.tsv (kind, year, department per document; the standard tables
found per document). The same loader as `fiscal ingest` runs, so pack joining and copies count.

- `manifest`: read MANIFEST.tsv;
- `compare`: per-document comparison rows and the summary numbers;
- `report`: the Markdown/JSON report written under data/reports/.
"""
