"""`checker scan --engine dask`: the same pure extraction as a local scan, over partitions of the
files on a Dask cluster (dask.distributed), for archives larger than one machine scans. The
comparison, which needs every claim, runs after in this process, so the report is the one a
single-process scan writes, byte for byte. The workers read the files by their paths: on a
cluster of several machines the archive must be where every worker sees it at the same path."""
from __future__ import annotations

from pathlib import Path

LOCAL_WORKERS = 2  # the local cluster made when no --scheduler is given: processes, one thread each
PARTITIONS_PER_WORKER = 4  # a few partitions per worker: the work spreads, the tasks stay few


class DaskMissing(RuntimeError):
    pass


def _analyse_partition(tasks: list[tuple[Path, str]]) -> list:
    from checker.cli import _analyse_file

    return [_analyse_file(task) for task in tasks]


def analysed_on_dask(tasks: list[tuple[Path, str]], scheduler: str | None):
    """_analyse_file of each task, in order, computed on the cluster at `scheduler` (else a
    LocalCluster of LOCAL_WORKERS processes, closed at the end)."""
    try:
        from distributed import Client, LocalCluster
    except ImportError as exc:
        raise DaskMissing(f"--engine dask needs Dask's distributed scheduler ({exc.name} is not installed): "
                          "install checker[dask]") from None
    cluster = None
    if scheduler is None:
        cluster = LocalCluster(n_workers=LOCAL_WORKERS, threads_per_worker=1, processes=True,
                               dashboard_address=None)
    try:
        with Client(cluster if cluster is not None else scheduler) as client:
            workers = max(1, len(client.scheduler_info().get("workers", {})))
            count = max(1, min(len(tasks), workers * PARTITIONS_PER_WORKER))
            size = -(-len(tasks) // count)
            partitions = [tasks[start:start + size] for start in range(0, len(tasks), size)]
            futures = client.map(_analyse_partition, partitions, pure=False)
            for part in client.gather(futures):
                yield from part
    finally:
        if cluster is not None:
            cluster.close()
