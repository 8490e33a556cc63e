"""Reading the code lists from their files under data/ into the database.

``data/lists.csv`` names each list, its source document and version, and the file of its codes (code, label,
description, valid_from, valid_to). The files are the one place a list is written; migrations call ``sync`` so
that every database holds them. A new year's list is a change to the files (a new row for a new code, a
``valid_to`` for a retired one) and a new migration that calls ``sync`` again. ``sync`` adds rows and updates
wording, dates and order; it never deletes a code, since records keep the codes they were given.
"""
import csv
from datetime import date
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parent / "data"
LIST_FIELDS = ("name", "source_title", "source_version", "publisher", "url", "notes")


def manifest() -> list[dict[str, str]]:
    with open(DATA / "lists.csv", newline="", encoding="utf-8") as file:
        return list(csv.DictReader(file))


def codes_in(file_name: str) -> list[dict[str, Any]]:
    """The rows of one list's file, in the file's order, with their dates read."""
    with open(DATA / file_name, newline="", encoding="utf-8") as file:
        return [
            {
                "code": row["code"].strip(), "label": row["label"].strip(), "description": row["description"].strip(),
                "valid_from": date.fromisoformat(row["valid_from"]),
                "valid_to": date.fromisoformat(row["valid_to"]) if row["valid_to"].strip() else None,
                "position": position,
            }
            for position, row in enumerate(csv.DictReader(file), start=1)
        ]


def sync(code_list_model, code_model) -> None:
    """Make the database's lists match the files. Takes the models as arguments so that a migration can pass its
    historical ones (``apps.get_model``)."""
    for entry in manifest():
        code_list, _ = code_list_model.objects.update_or_create(
            key=entry["key"], defaults={field: entry[field] for field in LIST_FIELDS}
        )
        for row in codes_in(entry["file"]):
            code_model.objects.update_or_create(
                code_list=code_list, code=row["code"], valid_from=row["valid_from"],
                defaults={name: row[name] for name in ("label", "description", "valid_to", "position")},
            )
