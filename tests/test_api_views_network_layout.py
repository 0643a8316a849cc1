"""The network's server-side layout: deterministic, inside the picture, nodes apart."""
from __future__ import annotations

import math
import random

from newsbridge.api.views.network import HEIGHT, MARGIN, WIDTH, layout


def _graph(seed: int = 1):
    rng = random.Random(seed)
    keys = [f"n{i}" for i in range(40)]
    edges = {}
    for _ in range(60):                                  # one large group
        a, b = rng.sample(keys[:30], 2)
        edges[tuple(sorted((a, b)))] = rng.randint(1, 4)
    for i in range(30, 40, 2):                          # and five pairs linked to nothing else
        edges[(keys[i], keys[i + 1])] = 1
    return keys, edges


def test_layout_is_deterministic_and_fills_the_picture():
    keys, edges = _graph()
    pos = layout(keys, edges)
    assert pos == layout(keys, edges)
    xs, ys = [p[0] for p in pos.values()], [p[1] for p in pos.values()]
    assert MARGIN - 0.1 <= min(xs) and max(xs) <= WIDTH - MARGIN + 0.1
    assert MARGIN - 0.1 <= min(ys) and max(ys) <= HEIGHT - MARGIN + 0.1
    assert max(ys) - min(ys) > 0.95 * (HEIGHT - 2 * MARGIN)            # spread over the height,
    assert max(xs) - min(xs) > 0.6 * (WIDTH - 2 * MARGIN)              # and most of the width


def test_layout_keeps_nodes_apart_and_loose_pairs_off_the_corners():
    keys, edges = _graph()
    pos = layout(keys, edges)
    closest = min(math.dist(pos[a], pos[b]) for i, a in enumerate(keys) for b in keys[i + 1:])
    assert closest > 20                                  # labels of 11 px stay readable
    # the unlinked pairs were pushed into the corners (pinned to the walls) without gravity
    corners = [(MARGIN, MARGIN), (WIDTH - MARGIN, MARGIN), (MARGIN, HEIGHT - MARGIN), (WIDTH - MARGIN, HEIGHT - MARGIN)]
    for key in keys[30:]:
        assert min(math.dist(pos[key], c) for c in corners) > 40, key
    for a, b in edges:                                  # and each pair stays together
        if a in keys[30:]:
            assert math.dist(pos[a], pos[b]) < 250
