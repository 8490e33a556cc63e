"""Every actions module keeps the house rule: an action is an ``@audited_action`` (atomic, logged as its acting user)
and saves row by row, because ``QuerySet.update()`` and the bulk writes send no signals and so would change the
record without a word in the audit log."""
import ast
from pathlib import Path

import pytest

import journey

UNCAPTURED_WRITES = {"update", "bulk_create", "bulk_update"}
# An app's actions.py, and the modules it grew into (casework/plan_actions.py): each held to the same rule.
ACTIONS_MODULES = sorted({*Path(journey.__file__).parent.glob("*/actions.py"), *Path(journey.__file__).parent.glob("*/*_actions.py")})


def _name(node: ast.expr) -> str:
    return ast.unparse(node.func if isinstance(node, ast.Call) else node)


def uncaptured_writes(source: str) -> list[tuple[int, str]]:
    """(line, method) of every call of ``.update(``, ``.bulk_create(`` or ``.bulk_update(`` in ``source``."""
    return [
        (node.lineno, node.func.attr)
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in UNCAPTURED_WRITES
    ]


def test_there_are_actions_modules_to_check():
    assert {path.parent.name for path in ACTIONS_MODULES} >= {"casework", "people", "accounts", "access", "frontdoor"}
    assert "plan_actions.py" in {path.name for path in ACTIONS_MODULES}


@pytest.mark.parametrize("path", ACTIONS_MODULES, ids=lambda path: f"{path.parent.name}/{path.stem}")
def test_no_action_writes_in_bulk_or_with_a_queryset_update(path):
    found = [f"{path.parent.name}/{path.name}:{line}: .{method}(...)" for line, method in uncaptured_writes(path.read_text())]
    assert found == []


@pytest.mark.parametrize("path", ACTIONS_MODULES, ids=lambda path: f"{path.parent.name}/{path.stem}")
def test_every_action_is_an_audited_action(path):
    """A public function taking acting_user is an action; each one must be decorated, and none bare-atomic."""
    tree = ast.parse(path.read_text(), filename=str(path))
    wrong = []
    for node in tree.body:
        if not isinstance(node, ast.FunctionDef) or node.name.startswith("_"):
            continue
        decorators = {_name(d) for d in node.decorator_list}
        takes_actor = any(arg.arg == "acting_user" for arg in node.args.kwonlyargs)
        if "transaction.atomic" in decorators or (takes_actor and not decorators & {"audited_action", "audited_action(atomic=False)"}):
            wrong.append(f"{path.parent.name}.{node.name}")
    assert wrong == []


def test_the_scan_finds_the_writes_that_hid_changes_from_the_log():
    source = (
        "def close(episode, *, acting_user):\n"
        "    episode.allocations.filter(ended_on=None).update(ended_on=1)\n"
        "    Visit.objects.bulk_create([])\n"
        "    episode.save(update_fields=['ended_on'])\n"
    )
    assert uncaptured_writes(source) == [(2, "update"), (3, "bulk_create")]


def test_every_app_with_actions_has_its_writes_captured():
    """An app whose actions change the record is one whose saves the audit log captures: protection and practice
    were once missing, so a conference or a supervision changed without a before and after in the log."""
    from journey.audit.changes import CAPTURED_APPS

    assert {path.parent.name for path in ACTIONS_MODULES} - set(CAPTURED_APPS) == set()
