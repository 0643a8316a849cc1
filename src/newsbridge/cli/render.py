"""Terminal rendering of an article with its evidence."""
from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from ..model import BOILERPLATE, EVENTS, PERSONS, QUOTES, Document, Link


def _excerpt(doc: Document, start: int, end: int, width: int = 90) -> str:
    t = " ".join(doc.text[start:end].split())
    return t if len(t) <= width else t[:width - 1] + "…"


def print_document(console: Console, doc: Document, origins: list[str], links: list[Link]) -> None:
    console.print(f"[bold]{escape(doc.title or '(no title)')}[/bold]", highlight=False)
    console.print(f"[dim]id {doc.id} · {doc.language or '?'} · published {doc.published or 'unknown'} · "
                  f"source {escape(doc.source or 'not named')}[/dim]", highlight=False)
    for o in origins:
        console.print(f"[dim]origin {escape(o)}[/dim]", highlight=False)
    console.print()
    console.print(escape(doc.body), highlight=False)
    console.print()
    persons = doc.layer(PERSONS)
    if persons:
        t = Table(title="people", show_header=True, header_style="bold")
        for c in ("name", "aliases", "roles", "organization", "evidence"):
            t.add_column(c)
        for s in persons:
            a = s.attrs
            t.add_row(escape(a.get("name", "")), escape(", ".join(a.get("aliases") or [])),
                      escape(", ".join(a.get("roles") or [])), escape(a.get("org") or ""), f"{s.start}:{s.end}")
        console.print(t)
    quotes = doc.layer(QUOTES)
    if quotes:
        t = Table(title="quotes", show_header=True, header_style="bold")
        for c in ("speaker", "quote", "evidence"):
            t.add_column(c)
        for s in quotes:
            t.add_row(escape(s.attrs.get("speaker") or "?"), escape(_excerpt(doc, s.start, s.end)), f"{s.start}:{s.end}")
        console.print(t)
    events = doc.layer(EVENTS)
    if events:
        t = Table(title="events", show_header=True, header_style="bold")
        for c in ("type", "name", "date", "place", "participants", "counts", "evidence"):
            t.add_column(c)
        for s in events:
            a = s.attrs
            kind = s.label + (" (planned)" if a.get("planned") else "")
            t.add_row(kind, escape(a.get("name") or ""), a.get("date") or "", escape(a.get("place") or ""),
                      escape(", ".join(a.get("participants") or [])),
                      ", ".join(f"{k}={v}" for k, v in (a.get("counts") or {}).items()), f"{s.start}:{s.end}")
        console.print(t)
    bp = doc.layer(BOILERPLATE)
    if bp:
        console.print(f"[dim]boilerplate moved out of the body: {len(bp)} lines "
                      f"({', '.join(sorted({s.label for s in bp if s.label}))})[/dim]", highlight=False)
    for l in links:
        other = l.b if l.a == doc.id else l.a
        console.print(f"[dim]{l.kind} of {other} (score {l.score:.2f})[/dim]", highlight=False)
