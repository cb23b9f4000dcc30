"""Checking many files: in this process, or in worker processes, results always in input order.

Workers are forked (they share the loaded rules and parser) and each takes chunks of files.
What can go wrong with workers, and what happens:

* a worker dies (killed, out of memory, a crash in a C library): the pool is rebuilt and the
  files not yet checked are checked; the files that were being checked when it died are
  checked again one at a time, alone, and a file whose worker dies twice is reported as not
  checked (RL000) — the rest of the batch completes;
* SIGTERM or Ctrl-C to report-lint: the workers are terminated with it (none is left behind),
  and a worker whose parent disappears without a word (SIGKILL) ends itself (Linux: the
  parent-death signal);
* Ctrl-C reaches the whole process group: workers ignore it and let the parent decide.
"""

from __future__ import annotations

import os
import signal
import sys
from typing import TYPE_CHECKING, Callable, Iterator, Optional

if TYPE_CHECKING:
    from .discover import Input
    from .engine import Engine
    from .findings import FileResult

PARALLEL_FROM = 16  # fewer files than this are checked in this process: workers cost more
GC_EVERY = 256  # files between full collections while the cyclic collector is paused

_ENGINE: "Optional[Engine]" = None
_SLIM: "Optional[Callable]" = None
_SLOTS = None  # shared array: the index of the file each worker is checking, -1 when idle
_SLOT = -1
_CHECKED = 0


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def quiet_gc() -> None:
    """Checking allocates many small objects and makes almost no cycles: the cyclic collector
    would run thousands of times a batch for nothing (~5% of the time). Pause it, with what is
    loaded so far frozen out of its sight, and collect every GC_EVERY files instead, so memory
    stays flat however long the batch."""
    import gc

    gc.freeze()
    gc.disable()


def tick() -> None:
    """One more file done: every GC_EVERY files, a full collection, and what survives it is
    frozen too (the parent keeps each report's digest: without freezing, every collection
    would scan all of them again, quadratic in the batch)."""
    global _CHECKED
    _CHECKED += 1
    if _CHECKED % GC_EVERY == 0:
        import gc

        gc.collect()
        gc.freeze()


def _die_with_parent() -> None:
    """Ask Linux to end this worker when the parent process ends, however it ends."""
    if sys.platform != "linux":
        return
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL, 0, 0, 0)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def _worker_init(engine, config, lang, slim, slots, counter, collect_series=False, series_keyed=True) -> None:
    global _ENGINE, _SLIM, _SLOTS, _SLOT
    _become_worker()
    if engine is None:  # spawned, not forked: build our own (rules load once per worker)
        from .engine import Engine

        engine = Engine(config, lang)
        engine.collect_series, engine.series_keyed = collect_series, series_keyed
    _ENGINE, _SLIM, _SLOTS = engine, slim, slots
    with counter.get_lock():
        _SLOT = counter.value
        counter.value += 1


def _become_worker() -> None:
    """What every worker process does first: Ctrl-C is the parent's to handle, SIGTERM ends it,
    it ends with its parent, it forgets the parent's pools and pauses the cyclic collector."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _die_with_parent()
    _forget_parent_pools()
    quiet_gc()


def _forget_parent_pools() -> None:
    """A forked worker inherits the parent's table of pool wake-up pipes, and a worker that ends
    normally runs Python's thread shutdown, whose pool hook writes to each of them: to a pipe
    the parent may be closing at that moment (a traceback on stderr, EBADF). The pools are the
    parent's: the worker forgets them."""
    try:
        from concurrent.futures import process

        process._threads_wakeups.clear()
    except (ImportError, AttributeError):  # another Python's internals: nothing inherited to forget
        pass


def _check_chunk(chunk: "list[tuple[int, Input]]") -> "list[FileResult]":
    out = []
    for index, item in chunk:
        if _SLOTS is not None and 0 <= _SLOT < len(_SLOTS):
            _SLOTS[_SLOT] = index
        out.append(_SLIM(_ENGINE.check_input(item)))
        tick()
    if _SLOTS is not None and 0 <= _SLOT < len(_SLOTS):
        _SLOTS[_SLOT] = -1
    return out


def run_serial(engine: "Engine", items: "list[Input]", slim, stdin_data, stdin_name) -> "Iterator[Optional[FileResult]]":
    if len(items) > 1:
        quiet_gc()
    for item in items:
        result = engine.check_input(item, stdin_data, stdin_name)
        yield None if result is None else slim(result)
        tick()


def run_parallel(engine: "Engine", items: "list[Input]", jobs: int, slim) -> "Iterator[Optional[FileResult]]":
    """Each item's result in order, checked by ``jobs`` worker processes."""
    import multiprocessing as mp
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    # fork shares the loaded rules and parser with the workers; elsewhere they load their own
    forking = "fork" in mp.get_all_start_methods() and sys.platform == "linux"
    ctx = mp.get_context("fork" if forking else "spawn")
    # This process only receives results (no cycles to speak of): the collector's scans of
    # them were ~0.15 s of a 2000-report batch, taken from the workers' cores.
    quiet_gc()
    indexed = list(enumerate(items))
    done = 0  # items before this index have been yielded
    strikes: dict[int, int] = {}  # index -> deaths of the worker checking it

    def pool_for(n_workers: int):
        slots = ctx.Array("q", [-1] * n_workers, lock=False)
        counter = ctx.Value("i", 0)
        init = (engine if forking else None, engine.config, engine.lang, slim, slots, counter, engine.collect_series,
                engine.series_keyed)
        return ProcessPoolExecutor(max_workers=n_workers, mp_context=ctx, initializer=_worker_init, initargs=init), slots

    while done < len(indexed):
        suspects = sorted(i for i, n in strikes.items() if n and i >= done)
        if suspects and suspects[0] == done:
            # The next file was being checked when a worker died: check it alone.
            index = done
            if strikes[index] >= 2:
                yield _lost(engine, items[index])
                done += 1
                continue
            batches = [[indexed[index]]]
            n_workers = 1
        else:
            end = suspects[0] if suspects else len(indexed)
            batches = _chunks(indexed[done:end], jobs)
            n_workers = min(jobs, len(batches))
        pool, slots = pool_for(n_workers)
        _LIVE.append(pool)
        try:
            futures = [pool.submit(_check_chunk, b) for b in batches]
            for batch, fut in zip(batches, futures):
                for result in fut.result():
                    yield result
                    tick()
                done = batch[-1][0] + 1
                strikes.pop(batch[-1][0], None)
        except BrokenProcessPool:
            for i in slots:
                if i >= 0:
                    strikes[i] = strikes.get(i, 0) + 1
            if all(i < 0 for i in slots) and done < len(indexed) and done not in strikes:
                strikes[done] = strikes.get(done, 0) + 1  # died before saying which: blame the next
            continue
        finally:
            terminate(pool)


_TASK: "Optional[Callable]" = None  # what a worker of map_chunks runs on each chunk


def _task_init(task) -> None:
    global _TASK
    _become_worker()
    _TASK = task


def _run_task(chunk):
    return _TASK(chunk)


def map_chunks(task: "Callable[[list], list]", chunks: "list[list]", jobs: int) -> "Optional[list]":
    """``task(chunk)`` for each chunk in forked worker processes, the outputs joined in order;
    None where workers cannot be forked (the caller does the work itself). ``task`` is handed
    over by the fork, never pickled: it may be a bound method of whatever the parent holds.
    A chunk whose worker died is done here, in this process."""
    import multiprocessing as mp
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    if jobs < 2 or len(chunks) < 2 or sys.platform != "linux" or "fork" not in mp.get_all_start_methods():
        return None
    ctx = mp.get_context("fork")
    pool = ProcessPoolExecutor(max_workers=min(jobs, len(chunks)), mp_context=ctx, initializer=_task_init,
                               initargs=(task,))
    _LIVE.append(pool)
    out: list = []
    try:
        futures = [pool.submit(_run_task, c) for c in chunks]
        for chunk, fut in zip(chunks, futures):
            try:
                out.extend(fut.result())
            except BrokenProcessPool:
                out.extend(task(chunk))
    finally:
        terminate(pool)
    return out


def _chunks(items: list, jobs: int) -> "list[list]":
    """Runs of at most 32 files, smaller and smaller towards the end (a quarter of what is left
    for each worker), so that the workers finish together: with runs of 32 to the end, one
    worker was still on its last run while the other had long stopped."""
    out = []
    k = 0
    while k < len(items):
        size = max(1, min(32, (len(items) - k) // (jobs * 4)))
        out.append(items[k:k + size])
        k += size
    return out


def _lost(engine: "Engine", item: "Input") -> "FileResult":
    from .source import InputError

    err = InputError("worker-died", "检查这个文件的进程意外终止（两次），未能检查",
                     "the process checking this file ended abruptly (twice); it was not checked")
    return engine.input_failure(item.path, err)


_LIVE: list = []  # the pools running now (terminate_all ends them from a signal handler)


def terminate_all() -> None:
    """End every worker now (SIGTERM to report-lint)."""
    for pool in list(_LIVE):
        for p in list(getattr(pool, "_processes", {}).values()):
            try:
                p.kill()
            except (OSError, ValueError, AttributeError):
                pass


def terminate(pool) -> None:
    """Stop a pool now: cancel what waits, end the workers, reap them."""
    if pool in _LIVE:
        _LIVE.remove(pool)
    processes = list(getattr(pool, "_processes", {}).values())
    manager = getattr(pool, "_executor_manager_thread", None)  # shutdown() drops the reference
    pool.shutdown(wait=False, cancel_futures=True)
    for p in processes:
        try:
            if p.is_alive():
                p.terminate()
        except (OSError, ValueError, AttributeError):
            pass
    for p in processes:
        try:
            p.join(timeout=5)
            if p.is_alive():
                p.kill()
                p.join(timeout=1)
        except (OSError, ValueError, AttributeError, AssertionError):
            pass
    # Wait for the pool's manager thread to finish closing its wake-up pipe: left running, it
    # races Python's exit hook, which then writes to the closed pipe and prints a traceback
    # (EBADF in concurrent.futures' _python_exit, CPython before 3.12).
    if manager is not None:
        try:
            manager.join(timeout=5)
        except RuntimeError:  # never started
            pass
        if not manager.is_alive():
            try:
                from concurrent.futures import process

                process._threads_wakeups.pop(manager, None)  # nothing left to wake at exit
            except (ImportError, AttributeError):
                pass
