"""Per-key token buckets, in one process and shared by the workers of one server."""
from __future__ import annotations

import multiprocessing

import pytest

from newsbridge.api.ratelimit import RateLimiter, SharedBuckets


class Clock:
    def __init__(self) -> None:
        self.t = 1000.0

    def __call__(self) -> float:
        return self.t


def _script(limiter: RateLimiter, clock: Clock) -> list[tuple[bool, float]]:
    out = []
    for _ in range(5):
        out.append(limiter.take("k1"))          # 3 allowed, then refused
    clock.t += 20                               # one token back (3 a minute)
    out.append(limiter.take("k1"))
    out.append(limiter.take("k1"))
    out.append(limiter.take("k2"))              # another key: its own bucket
    return [(ok, round(wait, 6)) for ok, wait in out]


def test_bucket_allows_the_burst_then_refills_at_the_rate():
    clock = Clock()
    got = _script(RateLimiter(3, clock=clock), clock)
    assert [ok for ok, _ in got] == [True, True, True, False, False, True, False, True]
    assert got[3][1] == pytest.approx(20.0)     # a whole token at 3 a minute
    assert RateLimiter.retry_after(got[3][1]) == "20"


def test_shared_buckets_behave_like_local_ones():
    ctx = multiprocessing.get_context("spawn")
    c1, c2 = Clock(), Clock()
    assert _script(RateLimiter(3, clock=c1), c1) == \
        _script(RateLimiter(3, clock=c2, buckets=SharedBuckets(ctx, slots=64)), c2)


def test_a_full_table_reuses_the_bucket_idle_longest():
    ctx = multiprocessing.get_context("spawn")
    clock = Clock()
    lim = RateLimiter(2, clock=clock, buckets=SharedBuckets(ctx, slots=4))
    for k in ("a", "b", "c", "d"):
        assert lim.take(k)[0] and lim.take(k)[0] and not lim.take(k)[0]
        clock.t += 1
    assert not lim.take("b")[0]                  # still spent: "b" kept its slot
    assert lim.take("e")[0]                      # takes "a"'s slot (idle longest)
    assert not lim.take("c")[0] and not lim.take("d")[0]


def _spend(buckets: SharedBuckets, attempts: int, results) -> None:
    lim = RateLimiter(6, buckets=buckets)
    results.put(sum(lim.take("outlet-key")[0] for _ in range(attempts)))


def test_two_processes_share_one_rate():
    ctx = multiprocessing.get_context("spawn")
    buckets, results = SharedBuckets(ctx), ctx.Queue()
    procs = [ctx.Process(target=_spend, args=(buckets, 10, results)) for _ in range(2)]
    for p in procs:
        p.start()
    allowed = [results.get(timeout=60) for _ in procs]
    for p in procs:
        p.join(timeout=30)
    # 6 a minute refill one token in 10 s: the two processes together get the burst of 6, once
    assert sum(allowed) == 6, allowed
