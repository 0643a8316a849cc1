"""Exports: every article with metadata and layers, as JSONL, CSV or Parquet."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import IO, Iterable

from ..model import Document

FORMATS = ("jsonl", "csv", "parquet")
CSV_FIELDS = ("id", "origin", "url", "title", "language", "published", "source", "body", "layers", "stages")


def export_row(doc: Document, origins: list[str] | None = None) -> dict:
    d = doc.to_dict()
    d["body"] = doc.body
    d["origins"] = origins if origins is not None else ([doc.origin] if doc.origin else [])
    return d


def write_jsonl(rows: Iterable[dict], fh: IO[str]) -> int:
    n = 0
    for row in rows:
        fh.write(json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n")
        n += 1
    return n


def write_csv(rows: Iterable[dict], fh: IO[str]) -> int:
    w = csv.DictWriter(fh, fieldnames=CSV_FIELDS, extrasaction="ignore")
    w.writeheader()
    n = 0
    for row in rows:
        flat = dict(row)
        flat["layers"] = json.dumps(row["layers"], ensure_ascii=False, sort_keys=True)
        flat["stages"] = json.dumps(row["stages"], sort_keys=True)
        w.writerow(flat)
        n += 1
    return n


def write_parquet(rows: Iterable[dict], path: Path, batch: int = 1000) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pa.schema([(f, pa.string()) for f in CSV_FIELDS])
    n = 0
    with pq.ParquetWriter(str(path), schema) as writer:
        buf: list[dict] = []
        for row in rows:
            flat = {f: row.get(f) for f in CSV_FIELDS}
            flat["layers"] = json.dumps(row["layers"], ensure_ascii=False, sort_keys=True)
            flat["stages"] = json.dumps(row["stages"], sort_keys=True)
            buf.append(flat)
            if len(buf) >= batch:
                writer.write_table(pa.Table.from_pylist(buf, schema=schema))
                n += len(buf)
                buf = []
        if buf:
            writer.write_table(pa.Table.from_pylist(buf, schema=schema))
            n += len(buf)
    return n
