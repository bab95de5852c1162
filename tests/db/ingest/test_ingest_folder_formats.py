"""A folder of mixed files with RTF documents, e-books and old Word documents among them: the
importer takes them all, in file order, in its worker processes as in its own."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from db.archive import Archive
from db.importer import import_paths
from db.ingest import doc
from db.models import OriginalFile, Source
from tests.db.ingest.conftest import rtf_bytes, write_epub, write_mixed_folder

REPORT = Path(__file__).resolve().parents[2] / "data" / "doc" / "report-ru.doc"


@pytest.mark.parametrize("workers", [0, 2], ids=["here", "worker-processes"])
def test_a_folder_import_takes_rtf_epub_and_doc_beside_other_files(archive: Archive, tmp_path: Path, workers: int) -> None:
    folder = tmp_path / "inbox"
    write_mixed_folder(folder)
    (folder / "svodka.rtf").write_text(
        "{\\rtf1\\ansi\\ansicpg1251{\\fonttbl{\\f0\\fcharset204 Arial;}}"
        f"{{\\info{{\\title {rtf_bytes('Сводка за 3 марта')}}}}}\\f0 {rtf_bytes('Задержаны 12 человек.')}\\par}}",
        encoding="ascii")
    write_epub(folder / "doklad.epub")
    (folder / "report-ru.doc").write_bytes(REPORT.read_bytes())
    results = import_paths(archive, [folder], workers=workers)
    by_name = {Path(r.path).name: r for r in results}
    assert [Path(r.path).name for r in results] == sorted(p.name for p in folder.iterdir())
    for name in ("svodka.rtf", "doklad.epub", "report-ru.doc", "minutes.odt", "report-1.pdf", "notes.txt"):
        assert by_name[name].status == "imported", (name, by_name[name].error)
    assert by_name["damaged.pdf"].status == "failed"
    with archive.session() as session:
        def row(name: str) -> tuple[str, str, str, str]:
            source = session.get(Source, by_name[name].source_id)
            assert source is not None
            media = session.scalar(select(OriginalFile.media_type).where(OriginalFile.id == source.original_file_id))
            return source.title, source.text, source.kind, media or ""

        assert row("svodka.rtf") == ("Сводка за 3 марта", "Задержаны 12 человек.", "article", "application/rtf")
        title, text, kind, media = row("doklad.epub")
        assert (title, kind, media) == ("Доклад о положении в Донбассе", "book", "application/epub+zip")
        assert "Сорок снарядов упали" in text
        title, text, _kind, media = row("report-ru.doc")
        assert (title, media) == ("Обстрел Донецка, 12 мая 2014 года", "application/msword")
        assert ("Конец сводки." in text) == (doc.find_antiword() is not None)
