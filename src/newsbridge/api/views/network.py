"""The cooperation network: actors linked by the events they took part in together.

Drawn server-side as SVG (no JavaScript library): a deterministic force-directed layout
(Fruchterman-Reingold) of the most connected actors; every node links to its actor page.
"""
from __future__ import annotations

import math
from collections import Counter, defaultdict
from itertools import combinations
from typing import Any

from .common import ActorResolver, Filters, actor_href, norm
from .timeline import event_rows

MAX_NODES = 60
WIDTH, HEIGHT, MARGIN = 900, 620, 60
ITERATIONS = 120
GRAVITY = 3.0       # pull toward the middle per pixel away (repulsion is k²/d, k ~ 80 px)
MAX_ZOOM = 3.0      # a small graph is spread over the area at most this much
MAX_STRETCH = 1.5   # one axis stretched at most this much more than the other


def build_graph(ws, flt: Filters, max_nodes: int = MAX_NODES) -> tuple[dict[str, dict], Counter, dict]:
    rows = event_rows(ws, flt)
    resolver = ActorResolver(ws.store, {r["doc_id"] for r in rows})
    nodes: dict[str, dict[str, Any]] = {}
    edges: Counter = Counter()
    edge_events: dict[tuple[str, str], list[str]] = defaultdict(list)
    seen_events: set[tuple[str, str]] = set()
    for r in rows:
        parts = []
        for p in r["attrs"].get("participants") or []:
            if not p or not isinstance(p, str):
                continue
            key = resolver.key(r["doc_id"], p)
            if key not in parts:
                parts.append(key)
            node = nodes.setdefault(key, {"key": key, "label": resolver.display(key, p), "events": 0})
            node["events"] += 1
        # the same event reported twice (reprints) counts once per pair
        ident = (r["label"] or "", (r["attrs"].get("date") or r["published"] or "")[:10] + "|" + "|".join(sorted(parts)))
        if ident in seen_events:
            continue
        seen_events.add(ident)
        for a, b in combinations(sorted(parts), 2):
            edges[(a, b)] += 1
            if len(edge_events[(a, b)]) < 5:
                edge_events[(a, b)].append(r["doc_id"])
    degree: Counter = Counter()
    for (a, b), w in edges.items():
        degree[a] += w
        degree[b] += w
    keep = {k for k, _ in degree.most_common(max_nodes)}
    nodes = {k: {**v, "degree": degree[k]} for k, v in nodes.items() if k in keep}
    edges = Counter({e: w for e, w in edges.items() if e[0] in keep and e[1] in keep})
    return nodes, edges, edge_events


def layout(keys: list[str], edges: dict[tuple[str, str], int], *, width: float = WIDTH, height: float = HEIGHT,
           iterations: int = ITERATIONS) -> dict[str, tuple[float, float]]:
    """Fruchterman-Reingold from a fixed circle: the same graph always gets the same picture."""
    n = len(keys)
    if n == 0:
        return {}
    if n == 1:
        return {keys[0]: (width / 2, height / 2)}
    area_w, area_h = width - 2 * MARGIN, height - 2 * MARGIN
    k = math.sqrt(area_w * area_h / n) * 0.8
    pos = {key: [area_w / 2 + area_w / 2.5 * math.cos(2 * math.pi * i / n),
                 area_h / 2 + area_h / 2.5 * math.sin(2 * math.pi * i / n)] for i, key in enumerate(keys)}
    temp = area_w / 8
    cx, cy = area_w / 2, area_h / 2
    for _ in range(iterations):
        disp = {key: [0.0, 0.0] for key in keys}
        for i in range(n):
            a = keys[i]
            pa = pos[a]
            for j in range(i + 1, n):
                b = keys[j]
                dx, dy = pa[0] - pos[b][0], pa[1] - pos[b][1]
                d2 = dx * dx + dy * dy or 0.01
                f = k * k / d2
                disp[a][0] += dx * f
                disp[a][1] += dy * f
                disp[b][0] -= dx * f
                disp[b][1] -= dy * f
        for (a, b), w in edges.items():
            dx, dy = pos[a][0] - pos[b][0], pos[a][1] - pos[b][1]
            d = math.sqrt(dx * dx + dy * dy) or 0.1
            f = d * (1 + math.log(w)) / k
            disp[a][0] -= dx * f
            disp[a][1] -= dy * f
            disp[b][0] += dx * f
            disp[b][1] += dy * f
        for key in keys:
            p = pos[key]
            # gravity instead of walls: unlinked groups stay near the middle, not pinned to the
            # edges (the picture is fitted to the area at the end)
            dx = disp[key][0] + (cx - p[0]) * GRAVITY
            dy = disp[key][1] + (cy - p[1]) * GRAVITY
            d = math.sqrt(dx * dx + dy * dy) or 1.0
            step = min(d, temp)
            p[0] += dx / d * step
            p[1] += dy / d * step
        temp = max(temp * 0.95, 1.0)
    return _fit(pos, area_w, area_h)


def _fit(pos: dict[str, list[float]], area_w: float, area_h: float) -> dict[str, tuple[float, float]]:
    """The layout scaled and centred to fill the drawing area: each axis on its own (a round
    layout in a wide area), the two factors at most MAX_STRETCH apart, neither over MAX_ZOOM."""
    xs, ys = [p[0] for p in pos.values()], [p[1] for p in pos.values()]
    w, h = max(xs) - min(xs), max(ys) - min(ys)
    sx = min(area_w / w if w > 1 else math.inf, MAX_ZOOM)
    sy = min(area_h / h if h > 1 else math.inf, MAX_ZOOM)
    sx, sy = min(sx, sy * MAX_STRETCH), min(sy, sx * MAX_STRETCH)
    ox = MARGIN + (area_w - w * sx) / 2 - min(xs) * sx
    oy = MARGIN + (area_h - h * sy) / 2 - min(ys) * sy
    return {key: (round(p[0] * sx + ox, 1), round(p[1] * sy + oy, 1)) for key, p in pos.items()}


def network_view(ws, flt: Filters, *, max_nodes: int = MAX_NODES) -> dict[str, Any]:
    nodes, edges, edge_events = build_graph(ws, flt, max(2, min(int(max_nodes), 150)))
    keys = sorted(nodes, key=lambda k: (-nodes[k]["degree"], norm(nodes[k]["label"])))
    pos = layout(keys, edges)
    top = max((v["degree"] for v in nodes.values()), default=1) or 1
    node_out = [{"key": k, "label": nodes[k]["label"], "href": actor_href(k), "degree": nodes[k]["degree"],
                 "events": nodes[k]["events"], "x": pos[k][0], "y": pos[k][1],
                 "r": round(5 + 13 * math.sqrt(nodes[k]["degree"] / top), 1)} for k in keys]
    edge_out = [{"a": a, "b": b, "weight": w, "x1": pos[a][0], "y1": pos[a][1], "x2": pos[b][0], "y2": pos[b][1],
                 "a_label": nodes[a]["label"], "b_label": nodes[b]["label"],
                 "width": round(1 + math.log(w) * 1.5, 1), "articles": ["/article/" + d for d in edge_events[(a, b)]]}
                for (a, b), w in sorted(edges.items(), key=lambda x: -x[1])]
    return {"page": "network", "filters": flt.active(), "width": WIDTH, "height": HEIGHT,
            "nodes": node_out, "edges": edge_out}
