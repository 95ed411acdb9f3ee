"""Logical packs: a publication split over several PDFs, joined by content.

北京 publishes each department's 预算 as two files: 附件1 (the 情况说明 narrative, with the
department's name) and 附件2 (the tables, which may print no name or year at all); 江苏 省级 did the
same with 公开表 files. A narrative and a tables file are one logical pack when the figures the
narrative states are the tables' totals (rounded or truncated to the narrative's precision), for the
same kind and year. The link is recorded with the figures that matched; a member whose identity was
weak (no department, or only the file name) takes the partner's, with the evidence saying so.

- `parts`: is a document a narrative, a tables-only file, or a full pack?
- `figures`: the totals a tables file prints and the 万元 figures a narrative states.
- `match`: how well a narrative's figures reproduce a tables file's totals.
- `link`: the warehouse side (single writer): find the partner, record `pack_link`, fill identity.
"""
