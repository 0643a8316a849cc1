"""Stages are plain functions ``Document -> Document`` registered by name and version.

A stage declares the layers it requires and assigns; ``run`` applies stages in order to a
stream of documents, records which versions ran on each document, and isolates failures so
one bad document never stops a batch.
"""
from __future__ import annotations

import importlib
import logging
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator

from .model import Document

log = logging.getLogger(__name__)

StageFunc = Callable[[Document], Document]


@dataclass(frozen=True)
class Stage:
    name: str
    version: str
    func: StageFunc
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ()
    batch: Callable[[list[Document]], list[Document]] | None = None  # optional batched form

    @property
    def qualified(self) -> str:
        return f"{self.name}.v{self.version}"

    def __call__(self, doc: Document) -> Document:
        out = self.func(doc)
        if not isinstance(out, Document):
            raise TypeError(f"E002: stage {self.qualified} returned {type(out).__name__} instead of a Document")
        out.stages[self.name] = self.version
        return out


_REGISTRY: dict[str, Stage] = {}

# Modules that register the standard stages when imported; kept here so the registry is
# complete before anyone asks for a stage by name.
_STAGE_MODULES = (
    "newsbridge.extract.stages",
    "newsbridge.analyze.stages",
)

# The default order of the understanding pipeline (ingest and storage are not stages).
DEFAULT_STAGES = ("clean", "metadata", "analyze")
EXTRACT_STAGES = ("clean", "metadata")


def stage(name: str, version: str = "1", requires: Iterable[str] = (), assigns: Iterable[str] = ()):
    """Register ``func`` as stage ``name`` (decorator)."""

    def register(func: StageFunc) -> StageFunc:
        _REGISTRY[name] = Stage(name, version, func, tuple(requires), tuple(assigns))
        return func

    return register


def register_batch(name: str, batch: Callable[[list[Document]], list[Document]]) -> None:
    """Attach a batched implementation to an already registered stage."""
    s = _REGISTRY[name]
    _REGISTRY[name] = Stage(s.name, s.version, s.func, s.requires, s.assigns, batch)


def _load_stage_modules() -> None:
    for mod in _STAGE_MODULES:
        try:
            importlib.import_module(mod)
        except ModuleNotFoundError as exc:  # a stage module not written yet is not fatal
            if exc.name != mod:
                raise


def get_stage(name: str) -> Stage:
    if name not in _REGISTRY:
        _load_stage_modules()
    try:
        return _REGISTRY[name]
    except KeyError:
        raise KeyError(f"E003: no stage named {name!r}; known: {', '.join(sorted(_REGISTRY))}") from None


def registered() -> dict[str, Stage]:
    _load_stage_modules()
    return dict(_REGISTRY)


@dataclass
class StageFailure:
    doc_id: str
    origin: str | None
    stage: str
    reason: str


@dataclass
class RunReport:
    done: int = 0
    failures: list[StageFailure] = field(default_factory=list)


def apply(doc: Document, stages: Iterable[str] = DEFAULT_STAGES) -> Document:
    """Run the named stages on one document (raises on failure)."""
    for name in stages:
        doc = get_stage(name)(doc)
    return doc


def run(docs: Iterable[Document], stages: Iterable[str] = DEFAULT_STAGES,
        report: RunReport | None = None) -> Iterator[Document]:
    """Apply stages to each document; a document whose stage fails is reported and skipped."""
    chain = [get_stage(n) for n in stages]
    report = report if report is not None else RunReport()
    for doc in docs:
        try:
            for s in chain:
                doc = s(doc)
        except Exception as exc:  # one document's failure never stops the batch
            log.warning("%s: stage failed: %s", doc.origin or doc.id, exc)
            report.failures.append(StageFailure(doc.id, doc.origin, s.qualified, f"{type(exc).__name__}: {exc}"))
            continue
        report.done += 1
        yield doc


def run_batch(docs: list[Document], stages: Iterable[str] = DEFAULT_STAGES) -> list[Document]:
    """Batched form (for Ray's map_batches): uses a stage's batch function when it has one."""
    for name in stages:
        s = get_stage(name)
        if s.batch is not None:
            docs = s.batch(docs)
            for d in docs:
                d.stages[s.name] = s.version
        else:
            docs = [s(d) for d in docs]
    return docs
