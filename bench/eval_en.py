"""Run the English analyzer over article files and score them against gold JSON.

    PYTHONPATH=src .venv/bin/python bench/eval_en.py --gold ../shared/gold/seeds \
        ../shared/data/seeds/00[0-4]*.txt [--out /tmp/pred] [--rules-only] [--per-article]

Uses the "clean" and "metadata" stages when they are registered (else language is set to
"en" and the whole text is analysed), exports with newsbridge.export.gold.to_gold, and runs
../shared/eval/score.py.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from newsbridge.export.gold import to_gold
from newsbridge.model import Document
from newsbridge.pipeline import apply, registered

SHARED = Path(__file__).resolve().parents[2] / "shared"


def analyze_file(path: Path) -> Document:
    text = path.read_text(encoding="utf-8")
    doc = Document(id=path.stem, text=text, origin=str(path))
    stages = registered()
    pre = [s for s in ("clean", "metadata") if s in stages]
    if pre:
        doc = apply(doc, pre)
    doc.language = "en"
    return apply(doc, ["analyze"])


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("files", nargs="+", type=Path)
    ap.add_argument("--gold", type=Path, required=True)
    ap.add_argument("--out", type=Path)
    ap.add_argument("--rules-only", action="store_true")
    ap.add_argument("--per-article", action="store_true")
    args = ap.parse_args(argv)
    if args.rules_only:
        from newsbridge.analyze.en import set_spacy_enabled
        set_spacy_enabled(False)
    out = args.out or Path(tempfile.mkdtemp(prefix="nb_en_"))
    out.mkdir(parents=True, exist_ok=True)
    gold_dir = Path(tempfile.mkdtemp(prefix="nb_gold_"))
    for f in args.files:
        doc = analyze_file(f)
        (out / f"{f.stem}.json").write_text(json.dumps(to_gold(doc, f.stem), ensure_ascii=False, indent=1), "utf-8")
        g = args.gold / f"{f.stem}.json"
        if g.exists():
            (gold_dir / g.name).write_text(g.read_text("utf-8"), "utf-8")
    cmd = [sys.executable, str(SHARED / "eval" / "score.py"), "--gold", str(gold_dir), "--pred", str(out)]
    if args.per_article:
        cmd.append("--per-article")
    print(f"predictions in {out}")
    return subprocess.call(cmd)


if __name__ == "__main__":
    sys.exit(main())
