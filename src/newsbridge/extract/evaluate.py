"""Run clean + metadata over text files and write the metadata part of the gold format.

    python -m newsbridge.extract.evaluate FILE_OR_DIR... --out DIR [--time]

Writes DIR/<stem>.json with id, language, published, source, title (entity lists empty), for
scoring with ../shared/eval/score.py. Not the product's `newsbridge extract` command: a
measuring tool for the extraction stages.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from ..model import Document
from ..pipeline import apply
from .decode import DecodeError, decode_bytes

STAGES = ("clean", "metadata")


def document_from_file(path: Path) -> Document:
    raw = path.read_bytes()
    return Document(id=path.stem, text=decode_bytes(raw, path.name), origin=str(path))


def metadata_record(doc: Document) -> dict:
    return {"id": doc.id, "language": doc.language, "published": doc.published, "source": doc.source,
            "title": doc.title, "persons": [], "organizations": [], "locations": [], "quotes": [], "events": []}


def _files(args: list[str]) -> list[Path]:
    out: list[Path] = []
    for a in args:
        p = Path(a)
        out.extend(sorted(p.glob("*.txt")) if p.is_dir() else [p])
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("inputs", nargs="+")
    ap.add_argument("--out", required=True, type=Path)
    ap.add_argument("--time", action="store_true", help="report the stages' time per article")
    args = ap.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    failed = 0
    spent = 0.0
    n = 0
    for path in _files(args.inputs):
        try:
            doc = document_from_file(path)
        except (OSError, DecodeError) as exc:
            print(f"{path}: {exc}", file=sys.stderr)
            failed += 1
            continue
        t0 = time.process_time()
        apply(doc, STAGES)
        spent += time.process_time() - t0
        n += 1
        (args.out / f"{path.stem}.json").write_text(
            json.dumps(metadata_record(doc), ensure_ascii=False, indent=1), encoding="utf-8")
    if args.time and n:
        print(f"{n} articles, clean+metadata {spent / n * 1000:.3f} ms CPU/article", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
