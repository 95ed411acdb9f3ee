"""Where steps run when the run is spread over several machines (the Dask executor).

Parse steps may run on any worker: they read the PDF from the inbox and write the staged JSON to
the staging folder, both on storage every worker mounts. Steps that open the warehouse run only on
the worker started with the `warehouse` resource (`dask worker ... --resources warehouse=1`), on
the machine that holds the DuckDB file: DuckDB allows one writing process and the writer lock is a
local file lock, so the warehouse stays single-writer whatever the size of the cluster.
With the in-process executor these tags are ignored.
"""
from __future__ import annotations

import json

import dagster as dg

from ..settings import Settings

WAREHOUSE_RESOURCE = "warehouse"
DASK_RESOURCES_TAG = "dagster-dask/resource_requirements"  # dagster-dask's tag: Dask worker resources a step needs
WAREHOUSE_HOST = {DASK_RESOURCES_TAG: json.dumps({WAREHOUSE_RESOURCE: 1})}


def dask_cluster_config(settings: Settings) -> dict:
    """FISCAL_DASK_SCHEDULER=tcp://host:8786 joins an existing cluster; otherwise a local one on loopback
    with FISCAL_DASK_WORKERS workers (Settings.dask_scheduler, dask_workers)."""
    address = settings.dask_scheduler
    if address:
        return {"existing": {"address": address}}
    n = settings.dask_workers
    return {"local": {"n_workers": n, "threads_per_worker": 1, "processes": True, "host": "127.0.0.1",
                      "dashboard_address": None, "resources": {WAREHOUSE_RESOURCE: 1}}}


class _Opaque:
    """Hands a value to or from a Dask task as is. Dask walks tuples in task arguments looking for
    futures; a DagsterRun is a NamedTuple and the partition range of a single-run backfill inside it
    refuses iteration, so dagster-dask 0.29.27's executor fails on range runs with distributed 2026.x."""

    __slots__ = ("value", "ok")

    def __init__(self, value, ok: bool = True):
        self.value = value
        self.ok = ok  # results: the step succeeded (False: failed, or skipped after an upstream failure)


def _execute_step_on_worker(dependencies: list, payload: _Opaque) -> _Opaque:
    """Run one step (dagster-dask's worker entry point) unless a step it depends on did not succeed:
    dagster-dask runs every step regardless, so a failed load would still refresh the marts."""
    from dagster_dask.executor import query_on_dask_worker

    if not all(d.ok for d in dependencies):
        return _Opaque(None, ok=False)
    events = list(query_on_dask_worker([], *payload.value))
    return _Opaque(events, ok=not any(e.is_step_failure for e in events))


def _cluster(cluster_type: str, config: dict):
    if cluster_type == "existing":
        return config["address"]
    from dask.distributed import LocalCluster

    return LocalCluster(**{**config, "threads_per_worker": 1})  # Dagster steps are not thread-safe


class FiscalDaskExecutor(dg.Executor):
    """dagster-dask's executor (its worker entry point, its resource tags), with step arguments handed
    to Dask opaquely (see _Opaque). Dask is imported when a run starts, not when the code loads."""

    def __init__(self, cluster_type: str, cluster_configuration: dict):
        self.cluster_type = cluster_type
        self.cluster_configuration = dict(cluster_configuration or {})

    @property
    def retries(self):
        from dagster._core.execution.retries import RetryMode

        return RetryMode.DISABLED

    def execute(self, plan_context, execution_plan):
        import dask.distributed
        from dagster._core.errors import raise_execution_interrupts
        from dagster._utils import iterate_with_context

        if not plan_context.instance.is_persistent:
            raise dg.DagsterInvariantViolationError(
                "the Dask executor needs a persistent Dagster instance (set DAGSTER_HOME)")
        cluster = _cluster(self.cluster_type, self.cluster_configuration)
        try:
            with dask.distributed.Client(cluster) as client:
                # steps that may run anywhere are dealt to the workers in turn (a preference, not a pin):
                # left to itself Dask keeps short sibling steps next to their input, on one worker
                workers = sorted(client.scheduler_info().get("workers", {}))
                futures: list[dask.distributed.Future] = []
                by_step: dict[str, dask.distributed.Future] = {}
                steps = {}
                for level in execution_plan.get_steps_to_execute_by_level():
                    for step in level:
                        steps[step.key] = step
                        deps = [by_step[k] for inp in step.step_inputs for k in inp.dependency_keys]
                        payload = _Opaque((plan_context.reconstructable_job, plan_context.dagster_run,
                                           plan_context.run_config, [step.key], plan_context.instance.get_ref(),
                                           execution_plan.known_state))
                        needs = json.loads(step.tags.get(DASK_RESOURCES_TAG, "{}"))
                        where = {} if needs or not workers else {
                            "workers": [workers[len(futures) % len(workers)]], "allow_other_workers": True}
                        fut = client.submit(_execute_step_on_worker, deps, payload, resources=needs, pure=False,
                                            key=f"{plan_context.job_name}.{step.key}.{plan_context.run_id[:8]}",
                                            **where)
                        futures.append(fut)
                        by_step[step.key] = fut
                step_of = {fut.key: key for key, fut in by_step.items()}
                done = dask.distributed.as_completed(futures, with_results=True)
                for fut, result in iterate_with_context(raise_execution_interrupts, done):
                    if result.value is None:
                        yield dg.DagsterEvent.step_skipped_event(plan_context.for_step(steps[step_of[fut.key]]))
                    else:
                        yield from result.value
        finally:
            if not isinstance(cluster, str):
                cluster.close()


@dg.executor(
    name="fiscal_dask",
    requirements=dg.multiple_process_executor_requirements(),
    config_schema={"cluster": dg.Field(dg.Selector({
        "existing": dg.Field({"address": dg.StringSource}, description="tcp://host:8786 of a running scheduler"),
        "local": dg.Field(dg.Permissive(), is_required=False,
                          description="dask.distributed.LocalCluster arguments (a cluster on this machine)"),
    }))},
)
def fiscal_dask_executor(init_context):
    ((cluster_type, config),) = init_context.executor_config["cluster"].items()
    return FiscalDaskExecutor(cluster_type, config)


def dask_executor(settings: Settings) -> dg.ExecutorDefinition:
    """The Dask executor as the settings configure it."""
    return fiscal_dask_executor.configured({"cluster": dask_cluster_config(settings)})
