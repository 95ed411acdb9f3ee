"""pipelines/defs/ingest/sensors.py: partitions and runs only for new or changed files."""
from __future__ import annotations

import hashlib
import json
import os
import time

import dagster as dg

from pipelines.defs.ingest.sensors import inbox_sensor


def put(path, data: bytes, age: float = 120.0) -> str:
    path.write_bytes(data)
    t = time.time() - age
    os.utime(path, (t, t))
    return hashlib.sha256(data).hexdigest()


def tick(instance, fiscal, cursor):
    ctx = dg.build_sensor_context(instance=instance, cursor=cursor, resources={"fiscal": fiscal})
    result = inbox_sensor(ctx)
    for req in result.dynamic_partitions_requests or []:
        instance.add_dynamic_partitions(req.partitions_def_name, list(req.partition_keys))
    return result


def test_sensor_adds_partitions_for_new_files_only(instance, fiscal, inbox):
    a = put(inbox / "a.pdf", b"%PDF a")
    b = put(inbox / "b.pdf", b"%PDF b")
    first = tick(instance, fiscal, None)
    assert [r.partition_key for r in first.run_requests] == [a, b]
    assert [r.run_key for r in first.run_requests] == [a, b]  # run_key = sha256
    assert instance.get_dynamic_partitions("documents") == [a, b]

    unchanged = tick(instance, fiscal, first.cursor)
    assert unchanged.run_requests == [] and unchanged.dynamic_partitions_requests == []
    assert "no new document" in unchanged.skip_reason.skip_message

    put(inbox / "a copy.pdf", b"%PDF a")  # same bytes under another name: not a new document
    os.utime(inbox / "b.pdf")  # touched, same bytes
    same = tick(instance, fiscal, unchanged.cursor)
    assert same.run_requests == []

    c = put(inbox / "b.pdf", b"%PDF b, re-published", age=30)  # changed bytes: a new document
    changed = tick(instance, fiscal, same.cursor)
    assert [r.partition_key for r in changed.run_requests] == [c]
    assert instance.get_dynamic_partitions("documents") == [a, b, c]
    assert json.loads(changed.cursor)[str(inbox / "b.pdf")][0] == c


def test_sensor_waits_for_files_still_being_written(instance, fiscal_with, inbox):
    (inbox / "uploading.pdf").write_bytes(b"%PDF partial")
    settled = fiscal_with(settle_seconds=60)
    assert tick(instance, settled, None).run_requests == []
    os.utime(inbox / "uploading.pdf", (time.time() - 120, time.time() - 120))
    assert len(tick(instance, settled, None).run_requests) == 1


def test_sensor_writes_the_index_that_runs_read(instance, fiscal, inbox):
    from pipelines.defs.ingest.inbox import locate

    a = put(inbox / "a.pdf", b"%PDF a")
    tick(instance, fiscal, None)
    assert fiscal.index_path.exists()
    assert locate(fiscal.index_path, inbox, [a])[a].path == str(inbox / "a.pdf")


def test_a_missing_inbox_is_reported_not_fatal(instance, fiscal_with, tmp_path):
    res = tick(instance, fiscal_with(inbox=str(tmp_path / "no inbox")), None)
    assert res.run_requests == [] and "is not a folder" in res.skip_reason.skip_message
