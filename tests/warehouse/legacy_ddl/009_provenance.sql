-- Where a fetched document came from (pipelines/fetch): recorded from the provenance sidecar
-- next to the file when the document is loaded, in the same transaction. One row per document;
-- documents put into the inbox by hand have none.

CREATE TABLE IF NOT EXISTS document_provenance (
    document_id     VARCHAR PRIMARY KEY,   -- sha256 of the file bytes (document.document_id)
    source          VARCHAR NOT NULL,      -- the source's name in sources.yaml
    region          VARCHAR,               -- the source's region
    publisher       VARCHAR,               -- the source's department, or 'all'
    article_url     VARCHAR,               -- the article page that links the file
    article_title   VARCHAR,
    attachment_url  VARCHAR NOT NULL,      -- the link as published
    final_url       VARCHAR,               -- after redirects
    link_text       VARCHAR,
    published_date  DATE,                  -- as printed on the article page; NULL when not printed
    published_from  VARCHAR,               -- where the date was read (page text: 发布日期, meta PubDate)
    fetched_at      TIMESTAMP NOT NULL,    -- UTC
    http_status     INTEGER,
    http_headers    JSON,                  -- Content-Type, Content-Length, ETag, Last-Modified, Date, ...
    also_at         JSON,                  -- other URLs the same bytes were seen at before the load
    replaces        VARCHAR,               -- sha256 the same URL held before (a re-published file)
    sidecar_path    VARCHAR,
    recorded_at     TIMESTAMP NOT NULL DEFAULT current_timestamp
);
