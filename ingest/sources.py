"""What to ingest and what we know about it before reading it: the bundled corpus manifest,
or files and folders a user names, with metadata from a sidecar file or options."""

from __future__ import annotations

import csv
import hashlib
import re
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import yaml

from kg.model.errors import EvidenceError
from kg.model.settings import PROJECT_ROOT
from kg.model.vocabulary import DOCUMENT_KINDS

MANIFEST = PROJECT_ROOT / "corpus" / "manifest.yaml"
SIDECAR_SUFFIX = ".meta.yaml"
_DATE_IN_NAME = re.compile(r"(\d{1,2})[ _-]([a-z]+)[ _-](\d{4})", re.IGNORECASE)
# Files that describe a folder rather than being evidence in it; read only when named on their own.
_FOLDER_NOTES = re.compile(r"(readme|sources|licen[cs]e|changelog|manifest)(\.[a-z]+)?", re.IGNORECASE)


@dataclass
class Source:
    """A file to ingest with the metadata known before it is read (the reader may add to it)."""

    path: Path
    id: str
    title: str | None = None
    publisher: str | None = None
    date: str | None = None
    kind: str = "other"
    source: str | None = None
    councils: list[str] = field(default_factory=list)
    ofsted_urn: str | None = None


    def metadata_key(self) -> str:
        """Changes whenever the metadata we would write for this source changes."""
        fields = (self.id, self.title, self.publisher, self.date, self.kind, self.source, sorted(self.councils))
        return hashlib.sha1(repr(fields).encode()).hexdigest()


@dataclass
class MissingSource:
    path: Path
    error: str


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:80] or "document"


def date_from_name(name: str) -> str | None:
    match = _DATE_IN_NAME.search(name)
    if not match:
        return None
    try:
        return datetime.strptime(" ".join(match.groups()), "%d %B %Y").date().isoformat()
    except ValueError:
        return None


def _title_case(name: str) -> str:
    """'isle of wight' → 'Isle of Wight'."""
    words = name.strip().split()
    small = {"of", "and", "upon", "on", "with", "the", "in"}
    return " ".join(w if i and w in small else w[:1].upper() + w[1:] for i, w in enumerate(words))


def bundled_sources(corpus_dir: Path) -> list[Source]:
    """Every document of the bundled corpus, described by corpus/manifest.yaml."""
    manifest = yaml.safe_load(MANIFEST.read_text(encoding="utf-8"))
    sources = [
        Source(path=corpus_dir / entry["path"], id=entry["id"], title=entry.get("title"),
               publisher=entry.get("publisher"), date=str(entry["date"]) if entry.get("date") else None,
               kind=entry.get("kind", "other"), source=entry.get("source"), councils=entry.get("councils", []))
        for entry in manifest.get("documents", [])
    ]
    for collection in manifest.get("collections", []):
        sources.extend(_collection(corpus_dir, collection))
    return sources


def _collection(corpus_dir: Path, collection: dict) -> list[Source]:
    manifest_path = corpus_dir / collection["manifest"]
    if not manifest_path.is_file():
        raise EvidenceError(f"{manifest_path}: collection manifest not found (set EVIDENCE_CORPUS_DIR)")
    base = manifest_path.parent
    with manifest_path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    sources = []
    for row in rows:
        date = date_from_name(Path(row["path"]).stem) if collection.get("date_from_file_name") else None
        council = _title_case(row.get("la_name", ""))
        sources.append(Source(
            path=base / row["path"],
            id=f"{collection['name']}-{row['urn']}-{date or slug(Path(row['path']).stem)}",
            title=collection["title"].format(council=council),
            publisher=collection.get("publisher"), date=date, kind=collection["kind"],
            source=f"{collection['name']} collection, {row['path']}",
            councils=[row["ons_code"]] if row.get("ons_code") else [], ofsted_urn=row.get("urn") or None,
        ))
    return sources


def user_sources(paths: list[Path], corpus_dir: Path, overrides: dict) -> tuple[list[Source], list[MissingSource]]:
    """Files and folders named on the command line; a bundled file keeps its manifest metadata."""
    known = {}
    try:
        known = {source.path.resolve(): source for source in bundled_sources(corpus_dir)}
    except EvidenceError:
        pass
    sources: list[Source] = []
    missing: list[MissingSource] = []
    for path in paths:
        if not path.exists():
            missing.append(MissingSource(path, "no such file or folder"))
            continue
        files = [path] if path.is_file() else sorted(
            candidate for candidate in path.rglob("*")
            if candidate.is_file() and not candidate.name.startswith(".")
            and not candidate.name.endswith(SIDECAR_SUFFIX) and not _FOLDER_NOTES.fullmatch(candidate.name)
        )
        for file in files:
            source = known.get(file.resolve()) or _inferred(file, corpus_dir)
            sources.append(_with_overrides(source, _sidecar(file), overrides))
    return sources, missing


def _inferred(file: Path, corpus_dir: Path) -> Source:
    """The id hashes the path within the corpus folder when the file is in it, so the same corpus
    gets the same ids wherever it is unpacked; any other file is identified by its full path."""
    path, root = file.resolve(), corpus_dir.resolve()
    if path.is_relative_to(root):
        path = path.relative_to(root)
    digest = hashlib.sha1(str(path).encode()).hexdigest()[:8]
    return Source(path=file, id=f"{slug(file.stem)}-{digest}", title=None, date=date_from_name(file.stem))


def _sidecar(file: Path) -> dict:
    sidecar = file.with_name(file.name + SIDECAR_SUFFIX)
    if not sidecar.is_file():
        return {}
    try:
        values = yaml.safe_load(sidecar.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as error:
        raise EvidenceError(f"{sidecar}: not valid YAML ({str(error).splitlines()[0]})") from None
    if not isinstance(values, dict):
        raise EvidenceError(f"{sidecar}: expected a mapping of metadata fields")
    return values


def _with_overrides(source: Source, *layers: dict) -> Source:
    for layer in layers:
        for key in ("id", "title", "publisher", "date", "kind", "source", "councils"):
            value = layer.get(key)
            if value:
                setattr(source, key, [str(v) for v in value] if key == "councils" else str(value))
    if source.kind not in DOCUMENT_KINDS:
        raise EvidenceError(f"{source.path}: kind {source.kind!r} is not one of {', '.join(DOCUMENT_KINDS)}")
    return source
