"""The cooperation network: actors linked by the events they share, with evidence.

Nodes are persons and organizations (and countries taking part in events); two actors are
linked when one event of one article involves both (as participants, or named in the
event's evidence sentence). Edge weight = number of shared events; each edge keeps the
(article, event) pairs that support it. The web UI and the GraphML export read the same graph.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from itertools import combinations
from typing import Iterable
from xml.sax.saxutils import escape, quoteattr

from ..model import EVENTS, ORGANIZATIONS, PERSONS, Document, normalize_text


@dataclass
class Network:
    nodes: dict[str, dict] = field(default_factory=dict)          # key -> {name, kind, events}
    edges: dict[tuple[str, str], dict] = field(default_factory=dict)  # (a, b) -> {weight, evidence}

    def to_dict(self, limit: int | None = None) -> dict:
        edges = sorted(self.edges.items(), key=lambda kv: -kv[1]["weight"])[:limit]
        keep = {k for (a, b), _ in edges for k in (a, b)}
        return {
            "nodes": [{"id": k, **v} for k, v in self.nodes.items() if limit is None or k in keep],
            "edges": [{"source": a, "target": b, **v} for (a, b), v in edges],
        }


def _key(name: str) -> str:
    return normalize_text(name)


def _event_actors(doc: Document, event) -> dict[str, tuple[str, str]]:
    """Actors of one event: participants plus persons/orgs mentioned inside its evidence span."""
    actors: dict[str, tuple[str, str]] = {}
    for p in event.attrs.get("participants") or []:
        actors[_key(p)] = (p, "participant")
    for layer, kind in ((PERSONS, "person"), (ORGANIZATIONS, "org")):
        for ent in doc.layer(layer):
            mentions = ent.attrs.get("mentions") or [[ent.start, ent.end]]
            if any(event.start <= m[0] and m[1] <= event.end for m in mentions):
                name = ent.attrs.get("name") or doc.span_text(ent)
                actors[_key(name)] = (name, kind)
    return actors


def build_network(docs: Iterable[Document]) -> Network:
    net = Network()
    counts: dict[str, int] = defaultdict(int)
    for doc in docs:
        for ev in doc.layer(EVENTS):
            if ev.attrs.get("planned"):
                continue
            actors = _event_actors(doc, ev)
            for k, (name, kind) in actors.items():
                node = net.nodes.setdefault(k, {"name": name, "kind": kind, "events": 0})
                node["events"] += 1
                if node["kind"] == "participant" and kind != "participant":
                    node["kind"] = kind
                counts[k] += 1
            for a, b in combinations(sorted(actors), 2):
                edge = net.edges.setdefault((a, b), {"weight": 0, "evidence": []})
                edge["weight"] += 1
                if len(edge["evidence"]) < 20:
                    edge["evidence"].append({"doc_id": doc.id, "event": ev.label,
                                             "span": [ev.start, ev.end]})
    return net


def write_graphml(net: Network, fh) -> int:
    """GraphML for Gephi/yEd/networkx: node name and kind, edge weight."""
    fh.write('<?xml version="1.0" encoding="UTF-8"?>\n'
             '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n'
             '  <key id="name" for="node" attr.name="name" attr.type="string"/>\n'
             '  <key id="kind" for="node" attr.name="kind" attr.type="string"/>\n'
             '  <key id="events" for="node" attr.name="events" attr.type="int"/>\n'
             '  <key id="weight" for="edge" attr.name="weight" attr.type="int"/>\n'
             '  <graph id="cooperation" edgedefault="undirected">\n')
    for k, v in net.nodes.items():
        fh.write(f'    <node id={quoteattr(k)}><data key="name">{escape(v["name"])}</data>'
                 f'<data key="kind">{escape(v["kind"])}</data><data key="events">{v["events"]}</data></node>\n')
    for (a, b), v in net.edges.items():
        fh.write(f'    <edge source={quoteattr(a)} target={quoteattr(b)}><data key="weight">{v["weight"]}</data></edge>\n')
    fh.write("  </graph>\n</graphml>\n")
    return len(net.nodes)
