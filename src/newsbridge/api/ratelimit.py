"""Per-key rate limits: a token bucket per API key, in process memory.

Each key may spend ``per_minute`` requests a minute, with bursts up to the same number;
buckets refill continuously. One server process holds the buckets (the default
deployment); several processes would each allow the full rate.
"""
from __future__ import annotations

import math
import threading
import time


class RateLimiter:
    def __init__(self, per_minute: int, *, clock=time.monotonic) -> None:
        self.per_minute = max(1, int(per_minute))
        self.rate = self.per_minute / 60.0            # tokens per second
        self.clock = clock
        self._buckets: dict[str, tuple[float, float]] = {}   # key -> (tokens, last time)
        self._lock = threading.Lock()

    def take(self, key: str) -> tuple[bool, float]:
        """(allowed, seconds to wait before the next request would be allowed)."""
        now = self.clock()
        with self._lock:
            tokens, last = self._buckets.get(key, (float(self.per_minute), now))
            tokens = min(float(self.per_minute), tokens + (now - last) * self.rate)
            if tokens >= 1.0:
                self._buckets[key] = (tokens - 1.0, now)
                return True, 0.0
            self._buckets[key] = (tokens, now)
            return False, (1.0 - tokens) / self.rate

    @staticmethod
    def retry_after(wait: float) -> str:
        return str(max(1, math.ceil(wait)))
