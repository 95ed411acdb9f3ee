-- Parse integrity: the pack's department and fiscal year were identified from its content.
SELECT d.document_id, 'department and fiscal year identified' AS location, 'holds' AS comparison,
       coalesce(doc.department, '') <> '' AND doc.fiscal_year IS NOT NULL AS holds, 1 AS page,
       coalesce(doc.department, '?') || ' / ' || coalesce(CAST(doc.fiscal_year AS VARCHAR), '?') AS detail
FROM chk_document d JOIN document doc ON doc.document_id = d.document_id
