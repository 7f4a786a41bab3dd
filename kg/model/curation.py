"""Curators' decisions about emerging interventions (practices the catalogue never named), kept in
`curation.yaml` under EVIDENCE_HOME: promote, merge, rename or reject. The shipped catalogue is never
edited; every ingest applies the decisions to what it writes, so a re-ingest ends with the graph the
decisions left."""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import yaml
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    ValidationError,
    model_validator,
)

from kg.model.catalogue import interventions
from kg.model.errors import CurationError
from kg.model.graph import DocumentEvidenceRows, Implementation, Intervention, Outcome

EMERGING_PREFIX = "emerging:"
EMERGING_ID = r"^emerging:[a-z0-9_]+$"
CurationAction = Literal["promote", "merge", "rename", "reject"]


class CurationChange(BaseModel):
    """What a curator decides about one emerging intervention: `merge` needs `into` (a catalogue or
    emerging id), `rename` a `name`; `promote` may give a name and a category."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [
        {"action": "rename", "name": "Kinship navigator service"},
        {"action": "merge", "into": "family_hubs"}]})

    action: CurationAction
    into: str | None = Field(None, min_length=1, max_length=120,
                             description="merge: the intervention it is merged into.")
    name: str | None = Field(None, min_length=1, max_length=200, description="rename, promote: the name shown.")
    category: str | None = Field(None, max_length=60, description="promote: a catalogue category.")

    @model_validator(mode="after")
    def _complete(self) -> "CurationChange":
        if self.action == "merge" and not self.into:
            raise ValueError("merge needs `into`")
        if self.action == "rename" and not self.name:
            raise ValueError("rename needs `name`")
        if self.category is not None and self.category not in categories():
            raise ValueError(f"category {self.category!r} is not one of {', '.join(sorted(categories()))}")
        return self


class CurationDecision(CurationChange):
    """One line of the curation file: the change, which emerging intervention it is about, and when."""

    id: str = Field(pattern=EMERGING_ID, max_length=120, examples=["emerging:kinship_navigator_service"])
    decided: str | None = Field(None, description="When (UTC, ISO 8601); filled in when recorded.")

    @model_validator(mode="after")
    def _not_itself(self) -> "CurationDecision":
        if self.action == "merge" and self.into == self.id:
            raise ValueError("an intervention cannot be merged into itself")
        return self


def categories() -> set[str]:
    return {entry.category for entry in interventions()}


@dataclass
class _State:
    name: str | None = None
    category: str | None = None
    promoted: bool = False
    into: str | None = None
    rejected: bool = False


class Curation(BaseModel):
    """The file's contents: decisions in the order they were made (a later one adds to an earlier)."""

    model_config = ConfigDict(extra="forbid")

    decisions: list[CurationDecision] = Field(default_factory=list)
    _folded: dict[str, _State] | None = PrivateAttr(None)

    def _states(self) -> dict[str, _State]:
        if self._folded is not None:
            return self._folded
        states: dict[str, _State] = {}
        for decision in self.decisions:
            state = states.setdefault(decision.id, _State())
            state.name = decision.name or state.name
            state.category = decision.category or state.category
            state.promoted |= decision.action == "promote"
            state.rejected |= decision.action == "reject"
            state.into = decision.into if decision.action == "merge" else state.into
        self._folded = states
        return states

    def target(self, intervention: str) -> str | None:
        """Where an intervention's evidence goes: itself, what it was merged into, or None if rejected."""
        states, seen = self._states(), set()
        while intervention in states and intervention not in seen:
            seen.add(intervention)
            state = states[intervention]
            if state.rejected:
                return None
            if state.into is None:
                break
            intervention = state.into
        return intervention

    def node_rows(self, ids: set[str]) -> list[dict[str, str | None]]:
        """The names, categories and statuses the decisions give these interventions."""
        return [{"id": id_, "name": state.name, "category": state.category,
                 "status": "curated" if state.promoted else None}
                for id_, state in self._states().items()
                if id_ in ids and (state.name or state.category or state.promoted)]

    def apply(self, rows: DocumentEvidenceRows) -> DocumentEvidenceRows:
        """A document's rows as the decisions want them: rejected interventions' nodes, mentions and
        implementations dropped (their outcomes kept, unattributed), merged ones' moved to the target."""
        if not self.decisions:
            return rows
        emerging: dict[str, Intervention] = {}
        for node in rows.emerging:
            final = self.target(node.id)
            if final is not None and final.startswith(EMERGING_PREFIX):
                emerging.setdefault(final, node.model_copy(update={"id": final}))
        mentions = [mention.model_copy(update={"key": self.target(mention.key)}) for mention in rows.mentions
                    if mention.kind != "intervention" or self.target(mention.key) is not None]
        implementations: dict[tuple[str, str], Implementation] = {}
        # the target's own implementation from this document comes first, as when a merge moves edges
        for row in sorted(rows.implementations, key=lambda row: row.intervention != self.target(row.intervention)):
            final = self.target(row.intervention)
            if final is None:
                continue
            held = implementations.get((row.council, final))
            if held is None:
                implementations[(row.council, final)] = row.model_copy(update={"intervention": final})
            elif row.since and (held.since is None or row.since < held.since):
                held.since = row.since
        outcomes: list[Outcome] = []
        for outcome in rows.outcomes:
            final = self.target(outcome.intervention) if outcome.intervention else None
            outcomes.append(outcome.model_copy(update={"intervention": final,
                                                       "attribution": outcome.attribution if final else None}))
        return rows.model_copy(update={"emerging": list(emerging.values()), "mentions": mentions,
                                       "implementations": list(implementations.values()), "outcomes": outcomes})


def read_curation(path: Path) -> Curation:
    """The decisions in the file (none when there is no file); a bad file is one line naming it and the field."""
    if not path.exists():
        return Curation()
    try:
        loaded = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        reason = str(error).splitlines()[0] if str(error) else type(error).__name__
        raise CurationError(f"{path}: not readable YAML: {reason}") from error
    try:
        return Curation.model_validate(loaded if loaded is not None else {})
    except ValidationError as error:
        first = error.errors()[0]
        field = ".".join(str(part) for part in first["loc"]) or "(top level)"
        raise CurationError(f"{path}: {field}: {first['msg']}") from error


def curation_with(path: Path, decision: CurationDecision) -> tuple[Curation, str]:
    """The file's decisions with one more (stamped now), and the YAML to write."""
    stamped = decision.model_copy(update={"decided": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")})
    curation = read_curation(path)
    curation = Curation(decisions=[*curation.decisions, stamped])
    text = ("# Curators' decisions about emerging interventions; every ingest applies them "
            "(`evidence interventions review | promote | merge | rename | reject`).\n"
            + yaml.safe_dump(curation.model_dump(mode="json", exclude_none=True), sort_keys=False, allow_unicode=True))
    return curation, text


def write_curation(path: Path, text: str) -> None:
    """Replaces the file at once (a reader never sees half of it)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, partial = tempfile.mkstemp(dir=path.parent, prefix=".curation-", suffix=".yaml")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(partial, path)
    finally:
        if os.path.exists(partial):
            os.unlink(partial)
