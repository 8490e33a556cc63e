"""Who may attach a document to a child's record and who may read one: asked by the action and by the pages.

Documents follow the entries they are attached to. Those entries (notes, visits) are local authority staff's pages,
written by anyone who may open the child's record; so attaching and reading are for the same people, and partners,
who see only the shared page, neither attach nor read."""
from journey.access.rules import can_record_work, involvement


def can_read(user, child) -> bool:
    return can_record_work(user) and involvement(user, child) is not None


def can_attach(user, child) -> bool:
    return can_read(user, child)
