-- Logical packs: a narrative (情况说明) file and a tables-only file of the same publication, joined by
-- content (pipelines/packs). One row per link; the figures that matched are kept as evidence.

CREATE TABLE IF NOT EXISTS pack_link (
    tables_document_id     VARCHAR NOT NULL,   -- the tables-only file (北京 附件2, 江苏 公开表)
    narrative_document_id  VARCHAR NOT NULL,   -- the narrative file (附件1 情况说明)
    method                 VARCHAR NOT NULL,   -- totals_match
    n_matched              INTEGER NOT NULL,   -- distinct table totals the narrative states
    matched                JSON,               -- [[table figure, stated figure], …] in 万元
    identity_from          VARCHAR,            -- which member's identity the other took (NULL: both kept theirs)
    linked_at              TIMESTAMP NOT NULL DEFAULT current_timestamp,
    PRIMARY KEY (tables_document_id, narrative_document_id)
);

-- Facts of multi-unit tables (深圳 预算单位, 苏州 部门代码 rows) carry the sub-unit they belong to;
-- cross-classified rows (北京 预算03表) carry the other classifications printed beside their code.
ALTER TABLE fact_amount ADD COLUMN IF NOT EXISTS entity VARCHAR DEFAULT '';
ALTER TABLE fact_amount ADD COLUMN IF NOT EXISTS cross_class VARCHAR DEFAULT '';

-- Attachments: a file of attachment tables alone (广州 绩效目标表 files) joins the pack of its
-- department, year and kind (pipelines/packs/link.py `attach`), whichever of the two arrives first.
CREATE TABLE IF NOT EXISTS pack_attachment (
    attachment_document_id  VARCHAR NOT NULL,  -- the attachment file
    pack_document_id        VARCHAR NOT NULL,  -- a current document of the pack (full, narrative or tables)
    method                  VARCHAR NOT NULL,  -- identity: same department, fiscal year and kind
    linked_at               TIMESTAMP NOT NULL DEFAULT current_timestamp,
    PRIMARY KEY (attachment_document_id, pack_document_id)
);
