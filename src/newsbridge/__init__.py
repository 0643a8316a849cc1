"""newsbridge: multilingual news into an evidence-linked, searchable record."""
from .model import Document, Entity, Link, Span

__version__ = "0.1.0"
__all__ = ["Document", "Span", "Link", "Entity", "__version__"]
