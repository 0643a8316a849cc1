"""GraphML export of the cooperation network (the same graph the web UI draws).

The graph itself is built by ``newsbridge.api.views.network.build_graph``: actors linked by
the events they took part in together, resolved to one actor across scripts where linking
found it. This module only writes it for Gephi, yEd or networkx.
"""
from __future__ import annotations

from typing import IO
from xml.sax.saxutils import escape, quoteattr


def write_graphml(nodes: dict[str, dict], edges: dict[tuple[str, str], int], fh: IO[str]) -> int:
    """Nodes carry their display name and event count, edges their weight (shared events)."""
    fh.write('<?xml version="1.0" encoding="UTF-8"?>\n'
             '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n'
             '  <key id="name" for="node" attr.name="name" attr.type="string"/>\n'
             '  <key id="events" for="node" attr.name="events" attr.type="int"/>\n'
             '  <key id="weight" for="edge" attr.name="weight" attr.type="int"/>\n'
             '  <graph id="cooperation" edgedefault="undirected">\n')
    for key, node in nodes.items():
        fh.write(f'    <node id={quoteattr(key)}><data key="name">{escape(node["label"])}</data>'
                 f'<data key="events">{node["events"]}</data></node>\n')
    for (a, b), weight in edges.items():
        fh.write(f'    <edge source={quoteattr(a)} target={quoteattr(b)}><data key="weight">{weight}</data></edge>\n')
    fh.write("  </graph>\n</graphml>\n")
    return len(nodes)
