"""How people write council names, reduced to one comparable key.

"Royal Borough of Kingston upon Thames", "Kingston-upon-Thames Council" and "kingston upon
thames" all reduce to the same key; "North Lincolnshire" never reduces to "Lincolnshire".
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml

_PREFIXES = (
    "the ", "royal borough of ", "london borough of ", "metropolitan borough of ", "borough of ",
    "county borough of ",
)
_SUFFIXES = (
    " metropolitan borough council", " metropolitan district council", " district metropolitan council",
    " metropolitan borough", " metropolitan district", " city", " county council", " city council",
    " borough council", " district council", " unitary authority", " council", " county",
    " children's services", " childrens services",
)
_SHORT_FORMS = Path(__file__).with_name("council_aliases.yaml")


def name_key(text: str) -> str:
    """Lower case, '&' as 'and', 'St.' as 'st', hyphens as spaces, punctuation and courtesy words dropped."""
    key = text.lower().replace("&", " and ").replace("’", "'")
    key = re.sub(r"[-_/]", " ", key)
    key = re.sub(r"[.,()\[\]\"]", " ", key)
    key = re.sub(r"\bsaint\b", "st", key)
    key = re.sub(r"\s+", " ", key).strip()
    changed = True
    while changed:
        changed = False
        for prefix in _PREFIXES:
            if key.startswith(prefix) and len(key) > len(prefix):
                key, changed = key[len(prefix):], True
        for suffix in _SUFFIXES:
            if key.endswith(suffix) and len(key) > len(suffix):
                key, changed = key[: -len(suffix)], True
    return key.strip()


def display_name(ons_name: str) -> str:
    """'Bristol, City of' reads as 'Bristol'; 'Kingston Upon Hull, City of' as 'Kingston upon Hull'."""
    name = re.sub(r",\s*(City|County) of$", "", ons_name.strip())
    return re.sub(r"\bUpon\b", "upon", name)


def aliases_for(ons_name: str, also_known_as: list[str]) -> list[str]:
    """Every other name the council goes by: inverted 'X, City of', listed names and short forms."""
    names: list[str] = [ons_name, *also_known_as]
    inverted = re.match(r"^(.*),\s*(City|County) of$", ons_name.strip())
    if inverted:
        names.append(f"{inverted.group(2)} of {inverted.group(1)}")
    names.extend(short_forms().get(ons_name, []))
    display = display_name(ons_name)
    seen = {name_key(display)}
    unique: list[str] = []
    for name in names:
        key = name_key(name)
        if key and key not in seen:
            seen.add(key)
            unique.append(name.strip())
    return unique


@lru_cache(maxsize=1)
def short_forms() -> dict[str, list[str]]:
    return yaml.safe_load(_SHORT_FORMS.read_text(encoding="utf-8")) or {}
