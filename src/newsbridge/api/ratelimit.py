"""Per-key rate limits: a token bucket per API key.

Each key may spend ``per_minute`` requests a minute, with bursts up to the same number;
buckets refill continuously. The buckets live in process memory for one server process, or
in shared memory for the worker processes of one ``newsbridge serve --workers N``, so a key
gets its rate once however many processes answer it (servers on several hosts still each
allow the full rate).
"""
from __future__ import annotations

import hashlib
import math
import threading
import time
from typing import Any

SHARED_SLOTS = 4096          # keys tracked at once across the workers of one server
PROBE = 16                   # slots searched for a key before an idle bucket is reused


class _LocalBuckets:
    """(tokens, last time) per key in this process."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self._buckets: dict[str, tuple[float, float]] = {}

    def get(self, key: str) -> tuple[float, float] | None:
        return self._buckets.get(key)

    def put(self, key: str, tokens: float, last: float) -> None:
        self._buckets[key] = (tokens, last)


class SharedBuckets:
    """(tokens, last time) per key in shared memory, for processes started from one parent.

    A fixed table with open addressing on a 63-bit hash of the key. When the slots a key may
    take are all held by other keys, the one idle longest is reused: a bucket idle for a
    minute has refilled anyway, so reuse can only forgive part of a busy key's spending, and
    only with more than ``PROBE`` busy keys in one neighbourhood of the table.
    CLOCK_MONOTONIC (``time.monotonic`` on Linux) is one clock for every process.
    """

    def __init__(self, ctx: Any, slots: int = SHARED_SLOTS) -> None:
        self.slots = slots
        self.lock = ctx.Lock()
        self._keys = ctx.Array("q", slots, lock=False)          # 0: empty slot
        self._state = ctx.Array("d", 2 * slots, lock=False)     # tokens, last time per slot

    @staticmethod
    def _hash(key: str) -> int:
        return int.from_bytes(hashlib.blake2b(key.encode("utf-8"), digest_size=8).digest(), "big") >> 1 or 1

    def _slot(self, key: str, claim: bool) -> int | None:
        h = self._hash(key)
        first = h % self.slots
        oldest = None
        for i in range(PROBE):
            s = (first + i) % self.slots
            k = self._keys[s]
            if k == h:
                return s
            if k == 0:
                if claim:
                    self._keys[s] = h
                    return s
                return None
            if oldest is None or self._state[2 * s + 1] < self._state[2 * oldest + 1]:
                oldest = s
        if not claim:
            return None
        self._keys[oldest] = h
        return oldest

    def get(self, key: str) -> tuple[float, float] | None:
        s = self._slot(key, claim=False)
        return None if s is None else (self._state[2 * s], self._state[2 * s + 1])

    def put(self, key: str, tokens: float, last: float) -> None:
        s = self._slot(key, claim=True)
        self._state[2 * s], self._state[2 * s + 1] = tokens, last


class RateLimiter:
    def __init__(self, per_minute: int, *, clock=time.monotonic, buckets: SharedBuckets | None = None) -> None:
        self.per_minute = max(1, int(per_minute))
        self.rate = self.per_minute / 60.0            # tokens per second
        self.clock = clock
        self._buckets: _LocalBuckets | SharedBuckets = buckets if buckets is not None else _LocalBuckets()

    def take(self, key: str) -> tuple[bool, float]:
        """(allowed, seconds to wait before the next request would be allowed)."""
        now = self.clock()
        b = self._buckets
        with b.lock:
            tokens, last = b.get(key) or (float(self.per_minute), now)
            tokens = min(float(self.per_minute), tokens + max(0.0, now - last) * self.rate)
            if tokens >= 1.0:
                b.put(key, tokens - 1.0, now)
                return True, 0.0
            b.put(key, tokens, now)
            return False, (1.0 - tokens) / self.rate

    @staticmethod
    def retry_after(wait: float) -> str:
        return str(max(1, math.ceil(wait)))
