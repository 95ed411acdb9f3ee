"""Fetching disclosure packs from the publishers' portals into the inbox (see docs/fetching.md).

sources.py  the publishers, as data (pipelines/catalogue/sources.yaml or FISCAL_SOURCES)
client.py   HTTP: robots.txt, politeness per host, timeouts, retries with backoff, size caps, redirects,
            conditional requests; counts the bytes it receives
links.py    HTML pages: title, published date, links; which links the rules follow
sniff.py    what the bytes are (PDF, HTML, something else), whatever the URL or Content-Type says
state.py    the fetch-state store (validators per URL, files stored, sightings, run history)
store.py    new PDFs into the inbox, with their provenance sidecar, atomically
(intake/provenance.py: the sidecar format and its record in the warehouse, document_provenance)
run.py      one fetch: listing pages -> article pages -> attachments, per source, with a report
"""
