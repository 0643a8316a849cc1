"""IngestReport.ids: the ids of added documents, compact but read as a list of strings."""
from __future__ import annotations

from newsbridge.model import document_id
from newsbridge.workspace import DocumentIds, IngestReport


def test_workspace_ids_read_back_as_added():
    ids = [document_id(str(i).encode()) for i in range(50)] + ["api-7", "ABCDEF0123456789ABCD", "é" * 20]
    kept = DocumentIds()
    for i in ids:
        kept.append(i)
    assert list(kept) == ids and kept == ids and len(kept) == len(ids)
    assert kept[0] == ids[0] and kept[-1] == ids[-1] and kept[-3] == "api-7" and kept[3:6] == ids[3:6]
    assert " ".join(kept) == " ".join(ids) and ids[10] in kept
    assert IngestReport().ids == [] and not IngestReport().ids


def test_workspace_ids_take_ten_bytes_each():
    kept = DocumentIds(document_id(str(i).encode()) for i in range(1000))
    assert len(kept._packed) == 10_000 and not kept._other
