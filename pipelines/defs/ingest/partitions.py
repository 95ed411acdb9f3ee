"""One partition per document: the key is the document_id (sha256 of the file bytes)."""
from __future__ import annotations

import dagster as dg

DOCUMENTS = "documents"  # the partitions' name (the instance stores the keys under it)
documents = dg.DynamicPartitionsDefinition(name=DOCUMENTS)

RANGE_START = "dagster/asset_partition_range_start"
RANGE_END = "dagster/asset_partition_range_end"


def range_tags(keys: list[str]) -> dict[str, str]:
    """Run tags that target every partition from keys[0] to keys[-1] (in insertion order) in one run."""
    return {RANGE_START: keys[0], RANGE_END: keys[-1]}


def run_document_ids(context) -> list[str]:
    """The documents a run targets, for steps that are not partitioned themselves (checks, reports)."""
    tags = context.run.tags
    if "dagster/partition" in tags:
        return [tags["dagster/partition"]]
    start, end = tags.get(RANGE_START), tags.get(RANGE_END)
    if not (start and end):
        return []
    keys = context.instance.get_dynamic_partitions(DOCUMENTS)
    if start not in keys or end not in keys:
        raise dg.Failure(f"run targets documents {start[:12]}..{end[:12]}, which are not partitions of "
                         f"'{DOCUMENTS}'")
    return keys[keys.index(start): keys.index(end) + 1]
