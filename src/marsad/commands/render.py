"""Tables that stay readable in any terminal: a normal table where it fits, else one small
two-column block per row (field, value), so 80 columns never squeeze a cell to a letter a line."""
from __future__ import annotations

from collections.abc import Iterable, Sequence


def min_table_width(headers: Sequence[str]) -> int:
    """The width under which a table of these columns reads badly (about 14 characters a column)."""
    return max(80, 14 * len(headers) + 3)


def print_rows(console, title: str, headers: Sequence[str], rows: Iterable[Sequence[str]],
               wide: int | None = None, sections: Sequence[bool] | None = None) -> None:
    """`rows` as a table when the console is at least `wide` columns, else as records.
    `sections[i]` ends a section after row i (tables only)."""
    from rich import box
    from rich.table import Table
    rows = [[("" if v is None else str(v)) for v in row] for row in rows]
    if console.width >= (wide or min_table_width(headers)):
        table = Table(title=title, title_justify="left")
        for header in headers:
            table.add_column(header, overflow="fold")
        for i, row in enumerate(rows):
            table.add_row(*row, end_section=bool(sections and sections[i]))
        console.print(table)
        return
    console.print(title, markup=False, highlight=False)
    label = max((len(h) for h in headers), default=0)
    for row in rows:
        block = Table(show_header=False, box=box.SIMPLE, padding=(0, 1), expand=False)
        block.add_column(no_wrap=True, style="bold", width=label)
        block.add_column(overflow="fold")
        for header, value in zip(headers, row):
            if value:
                block.add_row(header, value)
        console.print(block)
