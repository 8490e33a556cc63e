"""A child's genogram, drawn from the record on the server as inline SVG: no script, the same for every browser.

The child is at the centre, with grandparents above the parents' generation and siblings beside the child.
Shapes are the genogram's own (a square for a male, a circle for a female, a diamond when sex is not known or not
stated; the child has a double outline). A line joins the child to each relative, crossed by two short strokes
where the relationship has ended (history is drawn, never dropped). A dashed boundary surrounds who lives with the
child now. Meaning never rests on colour alone: every mark has a shape or a word, and the text alternative
(``Genogram.people``) says the same in words.

Who is drawn is decided by ``relations.ties_of`` and ``relations.memberships_seen_by``: a restricted child the
viewer may not open is not drawn, not listed and not counted.
"""
from dataclasses import dataclass, field
from datetime import date

from .codes import RelationshipKind, Sex
from .models import Child, Person
from .relations import Tie, memberships_seen_by, ties_of

CELL = 160  # the width given to each person
ROW = 140  # the height of each generation
TOP = 30
SIZE = 40  # a shape's width and height
NAME_LENGTH = 22

ABOVE = {RelationshipKind.GRANDPARENT: 0}
BESIDE = RelationshipKind.symmetric()


@dataclass
class Node:
    person: Person
    labels: list[str]
    row: int
    lives_with: bool
    current: bool
    has_parental_responsibility: bool = False
    ended_on: date | None = None
    is_centre: bool = False
    related: bool = True
    age: str = ""
    x: float = 0
    y: float = 0

    @property
    def left(self) -> float:
        return self.x - SIZE / 2

    @property
    def top(self) -> float:
        return self.y - SIZE / 2

    @property
    def outer_left(self) -> float:
        return self.left - 6

    @property
    def outer_top(self) -> float:
        return self.top - 6

    @property
    def mark_y(self) -> float:
        return self.y + 5

    @property
    def name_y(self) -> float:
        return self.y + SIZE / 2 + 16

    @property
    def caption_y(self) -> float:
        return self.y + SIZE / 2 + 31

    @property
    def caption(self) -> str:
        """The second line under the shape: who they are to the child and their age ('Mother, 34')."""
        words = "" if self.is_centre else self.label
        if len(words) > NAME_LENGTH:
            words = words[: NAME_LENGTH - 1] + "…"
        if self.age:
            return f"{words}, {self.age}" if words else f"Age {self.age}"
        return words

    @property
    def shape(self) -> str:
        return {Sex.MALE: "square", Sex.FEMALE: "circle"}.get(self.person.sex, "diamond")  # type: ignore[call-overload]

    def _diamond(self, half: float) -> str:
        return f"{self.x},{self.y - half} {self.x + half},{self.y} {self.x},{self.y + half} {self.x - half},{self.y}"

    @property
    def diamond_points(self) -> str:
        return self._diamond(SIZE / 2)

    @property
    def outer_diamond_points(self) -> str:
        return self._diamond(SIZE / 2 + 6)

    @property
    def short_name(self) -> str:
        name = self.person.full_name
        return name if len(name) <= NAME_LENGTH else name[: NAME_LENGTH - 1] + "…"

    @property
    def label(self) -> str:
        return ", ".join(dict.fromkeys(self.labels))


@dataclass(frozen=True)
class Line:
    path: str
    ended: bool
    ended_mark: str = ""


@dataclass
class Genogram:
    child: Child
    nodes: list[Node]
    lines: list[Line]
    width: int
    height: int
    outline: str = ""
    on: date = field(default_factory=date.today)

    @property
    def title(self) -> str:
        return f"{self.child.person.full_name}'s family and household"

    @property
    def description(self) -> str:
        first = self.child.person.first_name
        living = [n.person.full_name for n in self.nodes if n.lives_with and not n.is_centre]
        ended = [n.person.full_name for n in self.nodes if not n.current]
        parts = [f"A genogram with {first} at the centre and {len(self.nodes) - 1} other people."]
        parts.append(f"Living with {first} now: {', '.join(living)}." if living else f"Nobody is recorded as living with {first} now.")
        if ended:
            parts.append(f"Relationships that have ended: {', '.join(ended)}.")
        parts.append("The list after the diagram says the same in words.")
        return " ".join(parts)

    @property
    def people(self) -> list[tuple[Node, str]]:
        """The people drawn, each with the words saying the same, in the order a reader meets them: the child, then
        each generation from the top."""
        ordered = sorted(self.nodes, key=lambda n: (not n.is_centre, n.row, not n.lives_with, n.x))
        return [(node, self.words_for(node)) for node in ordered]

    def words_for(self, node: Node) -> str:
        """One person in words, for the text alternative: who they are to the child, age, sex, and how they live."""
        first = self.child.person.first_name
        bits = [node.label.lower() if not node.is_centre else "the child this record is about"]
        if node.age:
            bits.append(f"age {node.age}")
        bits.append(node.person.get_sex_display().lower() if node.person.sex in (Sex.MALE, Sex.FEMALE) else "sex not known")
        if node.has_parental_responsibility:
            bits.append("has parental responsibility")
        if not node.is_centre:
            bits.append(f"lives with {first} now" if node.lives_with else f"does not live with {first}")
        if not node.current:
            bits.append(f"relationship ended {node.ended_on.day} {node.ended_on:%B %Y}" if node.ended_on else "relationship ended")
        return "; ".join(bits)


def _row_of(tie: Tie, centre_id: int) -> int:
    """Which generation a relative is drawn in: 0 grandparents, 1 parents and other adults, 2 the child's own
    generation, 3 the child's own children."""
    row = tie.relationship
    if row.kind in BESIDE:
        return 2
    if row.to_person_id == centre_id:  # the relative is the <kind> of the child
        return ABOVE.get(row.kind, 1)  # type: ignore[call-overload]
    if row.kind in {RelationshipKind.AUNT_UNCLE, RelationshipKind.OTHER_RELATIVE}:
        return 2
    return 3


def draw(child: Child, *, viewer, on: date) -> Genogram:
    """The genogram of ``child`` as ``viewer`` may be told of it, with every position worked out."""
    centre = child.person
    now = [m for m in memberships_seen_by(centre, viewer=viewer) if m.left_on is None]
    own = {m.household_id for m in now if m.person_id == centre.pk}
    housemates = {m.person_id: m.person for m in now if m.household_id in own}
    living_now = set(housemates)
    nodes: dict[int, Node] = {centre.pk: Node(centre, [], 2, centre.pk in living_now, True, is_centre=True)}
    for tie in ties_of(centre, viewer=viewer):
        relative = tie.relative
        responsibility = tie.relationship.has_parental_responsibility and tie.relationship.to_person_id == centre.pk
        node = nodes.get(relative.pk)
        if node is None:
            node = nodes[relative.pk] = Node(relative, [], _row_of(tie, centre.pk), relative.pk in living_now, tie.is_current)
        node.labels.append(tie.label if tie.is_current else f"{tie.label} (ended)")
        node.current = node.current or tie.is_current
        node.has_parental_responsibility = node.has_parental_responsibility or (responsibility and tie.is_current)
        if not tie.is_current and not node.current:
            node.ended_on = tie.relationship.ended_on
    for pk, person in housemates.items():
        if pk not in nodes:
            grown = person.age_on(on)
            nodes[pk] = Node(person, ["Lives in the household"], 1 if grown is None or grown >= 18 else 2, True, True, related=False)
    for node in nodes.values():
        node.age = node.person.age_described(on)
    return _place(child, list(nodes.values()), on)


def _arrange(row: list[Node], centre: Node | None) -> list[Node]:
    """One generation left to right: those living with the child together in the middle (so one boundary can
    surround them), the child in the middle of their own generation, everyone else either side."""
    home = [n for n in row if n.lives_with and n is not centre]
    away = [n for n in row if not n.lives_with and n is not centre]
    if centre is None:
        half = len(away) // 2
        return away[:half] + home + away[half:]
    if not centre.lives_with:
        away, home = away + home, []
    others = len(home) + len(away)
    left_home = len(home) // 2
    left_away = max(0, min(len(away), others // 2 - left_home))
    return away[:left_away] + home[:left_home] + [centre] + home[left_home:] + away[left_away:]


def _place(child: Child, nodes: list[Node], on: date) -> Genogram:
    rows: dict[int, list[Node]] = {}
    for node in nodes:
        rows.setdefault(node.row, []).append(node)
    used = sorted(rows)
    centre = next(n for n in nodes if n.is_centre)
    width = max(3, *(len(r) for r in rows.values())) * CELL
    arranged = {}
    for index, number in enumerate(used):
        ordered = _arrange(rows[number], centre if number == 2 else None)
        start = (width - len(ordered) * CELL) / 2
        for position, node in enumerate(ordered):
            node.x, node.y = start + position * CELL + CELL / 2, TOP + SIZE / 2 + index * ROW
        arranged[number] = ordered
    height = int(TOP + len(used) * ROW)
    lines = [_line(centre, node) for node in nodes if not node.is_centre and node.related]
    return Genogram(child, nodes, lines, int(width), height, _outline(arranged, centre), on)


def _line(centre: Node, node: Node) -> Line:
    half = SIZE / 2
    if node.y == centre.y:  # the same generation: a bracket above both, as a genogram joins siblings
        bar = centre.y - half - 14
        path = f"M{centre.x},{centre.y - half} V{bar} H{node.x} V{node.y - half}"
        mid_x, mid_y, across = (centre.x + node.x) / 2, bar, True
    else:
        upper, lower = (node, centre) if node.y < centre.y else (centre, node)
        path = f"M{upper.x},{upper.y + half + 34} L{lower.x},{lower.y - half}"
        mid_x, mid_y, across = (upper.x + lower.x) / 2, (upper.y + half + 34 + lower.y - half) / 2, False
    mark = ""
    if not node.current:
        if across:
            mark = f"M{mid_x - 8},{mid_y + 8} L{mid_x - 2},{mid_y - 8} M{mid_x + 2},{mid_y + 8} L{mid_x + 8},{mid_y - 8}"
        else:
            mark = f"M{mid_x - 10},{mid_y - 2} L{mid_x + 10},{mid_y - 8} M{mid_x - 10},{mid_y + 6} L{mid_x + 10},{mid_y}"
    return Line(path, not node.current, mark)


def _outline(arranged: dict[int, list[Node]], centre: Node) -> str:
    """A dashed boundary around the household: in each generation the span of those living with the child (kept
    together by ``_arrange``), joined into one outline stepping down the right side and back up the left."""
    if not centre.lives_with:
        return ""
    spans = []
    for number in sorted(arranged):
        home = [n for n in arranged[number] if n.lives_with]
        if home:
            top = home[0].y - SIZE / 2 - 22
            spans.append((home[0].x - CELL / 2 + 6, home[-1].x + CELL / 2 - 6, top, top + ROW - 8))
    if not spans:
        return ""
    right = " ".join(f"H{r} V{bottom}" for _l, r, _t, bottom in spans)
    left = " ".join(f"H{start} V{top}" for start, _r, top, _b in reversed(spans))
    first_left, _r, first_top, _b = spans[0]
    return f"M{first_left},{first_top} {right} {left} Z"
