"""`marsad incidents` and `marsad claims`: across-report views. Thin: options → library → render."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

DB_HELP = "SQLite database (default: $MARSAD_DB, else ./marsad.db)."
FORMATS = ("table", "jsonl", "csv")


def _check_format(fmt: str) -> str:
    if fmt not in FORMATS:
        raise typer.BadParameter(f"--format must be one of {', '.join(FORMATS)}")
    return fmt


def _open(db: Optional[str]):
    from marsad.errors import MarsadError, StoreError
    from marsad.store import Store, default_db_path
    from marsad.store.pg import is_url
    try:
        if not is_url(db or default_db_path()) and not Path(db or default_db_path()).is_file():
            raise StoreError(f"{db or default_db_path()}: no such database "
                             f"(create it with `marsad ingest REPORTS --db {db or default_db_path()}`)")
        return Store(db)
    except MarsadError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(getattr(exc, "exit_code", 1)) from None


def _console(output: Optional[Path]):
    from rich.console import Console
    if output is None:
        return Console(highlight=False)
    return Console(file=output.open("w", encoding="utf-8"), width=200, highlight=False, no_color=True)


def _emit(text: str, output: Optional[Path]) -> None:
    if output is None:
        typer.echo(text, nl=False)
    else:
        output.write_text(text, encoding="utf-8")


def _fig(rng: dict) -> str:
    if rng["min"] is None:
        return "-"
    if rng["min"] == rng["max"]:
        return str(rng["min"])
    return f"{rng['min']}–{rng['max']} (med {rng['median']})"


def _incident_table(incidents: list[dict], console) -> None:
    from marsad.commands.render import print_rows
    rows = []
    for inc in incidents:
        loc = inc["location"]
        dates = inc["date_start"] or "undated"
        if inc["date_end"] and inc["date_end"] != inc["date_start"]:
            dates += f"..{inc['date_end']}"
        place = " / ".join(x for x in (loc["name_ar"], loc["name_en"], loc["admin1"]) if x)
        sources = "\n".join(f"{e['doc_id']} {e.get('source') or ''}".strip() for e in inc["events"])
        rows.append((inc["incident_id"], dates, inc["sub_event_type"] or inc["event_type"] or "", place,
                     sources, _fig(inc["fatalities"]), _fig(inc["injured"]), _fig(inc["arrested"])))
    print_rows(console, f"{len(incidents)} incidents",
               ("incident", "dates", "type", "place", "reports", "killed", "injured", "arrested"), rows, wide=140,
               sections=[True] * len(rows))


def incidents_cmd(
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
    fmt: str = typer.Option("table", "--format", "-f", help="table | jsonl | csv", callback=_check_format),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="File to write (default: stdout)."),
    min_reports: int = typer.Option(1, "--min-reports", min=1, help="Only incidents told by this many reports."),
    limit: Optional[int] = typer.Option(None, "--limit", min=1, help="At most this many incidents."),
    no_update: bool = typer.Option(False, "--no-update", help="List as stored; do not merge new events first."),
) -> None:
    """Incidents: the same happening told by several reports, with each report's figures and the range."""
    from marsad.analysis import list_incidents, update_incidents
    from marsad.analysis.export import incidents_text

    with _open(db) as store:
        if not no_update:
            update_incidents(store.conn)
        incidents = list_incidents(store.conn, min_reports=min_reports, limit=limit)
    if fmt == "table":
        _incident_table(incidents, _console(output))
    else:
        _emit(incidents_text(incidents, fmt), output)


def _num(v) -> str:
    return "-" if v is None else f"{v:,}"


def _value_text(v: dict) -> str:
    low, high = _num(v["value_low"]), _num(v["value_high"])
    text = low if low == high else f"{low}–{high}"
    marks = {"approx": "~", "at_least": "≥", "at_most": "≤"}
    return marks.get(v["qualifier"], "") + text


def _partners(group) -> dict[int, list[str]]:
    out: dict[int, list[str]] = {}
    for i, j, ratio in group.pairs:
        out.setdefault(i, []).append(f"#{j + 1} ×{ratio}")
        out.setdefault(j, []).append(f"#{i + 1} ×{ratio}")
    return out


def _group_head(g: dict) -> str:
    spread = g["spread"]
    head = f"{g['key']}\n{g['quantity']} — {g['place']}\n{g['period'] or 'period unknown'}"
    if len(g["values"]) > 1:
        head += f"\nspread {_num(spread['min'])}..{_num(spread['max'])} ×{spread['ratio']}"
    return head + ("\n[bold red]CONTRADICTION[/]" if g["contradiction"] else "")


def _ledger_table(groups, console, evidence: bool) -> None:
    """A section per group, one row per value (time, value, source side by side)."""
    from marsad.commands.render import print_rows
    headers = ["group", "#", "time", "value", "source", "kind", "doc", "contradicts"]
    if evidence:
        headers.append("evidence")
    rows, ends = [], []
    for group in groups:
        g, partners = group.to_dict(), _partners(group)
        last = len(g["values"]) - 1
        for n, v in enumerate(g["values"]):
            source = " / ".join(x for x in (v["source_en"], v["source_ar"]) if x)
            row = [_group_head(g).replace("[bold red]", "").replace("[/]", "") if n == 0 else "", str(n + 1),
                   v["time"] or "?", _value_text(v), source, v["source_kind"] or "", v["doc_id"],
                   ", ".join(partners.get(n, []))]
            if evidence:
                row.append(v["evidence"] or "")
            rows.append(row)
            ends.append(n == last)
    print_rows(console, "claims ledger", headers, rows, wide=150 if evidence else 130, sections=ends)


def claims_cmd(
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
    fmt: str = typer.Option("table", "--format", "-f", help="table | jsonl | csv", callback=_check_format),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="File to write (default: stdout)."),
    contradictions: bool = typer.Option(False, "--contradictions", help="Only groups with a contradiction."),
    factor: float = typer.Option(1.5, "--factor", min=1.0, help="Values this many times apart contradict."),
    key: Optional[str] = typer.Option(None, "--key", help="Only this key and its sub-keys, e.g. isis_fighters."),
    evidence: bool = typer.Option(False, "--evidence", help="Show evidence in the table (always with --contradictions)."),
) -> None:
    """The claims ledger: estimates of the same thing side by side, contradictions flagged."""
    from marsad.analysis.claims_ledger import ledger_groups
    from marsad.analysis.export import ledger_text

    with _open(db) as store:
        groups = ledger_groups(store.conn, factor=factor, key=key, contradictions_only=contradictions)
    if fmt != "table":
        _emit(ledger_text([g.to_dict() for g in groups], fmt), output)
        return
    console = _console(output)
    _ledger_table(groups, console, evidence or contradictions)
    flagged = sum(g.contradiction for g in groups)
    console.print(f"{len(groups)} groups, {flagged} with a contradiction (factor {factor})")


def register(app: typer.Typer) -> None:
    app.command("incidents")(incidents_cmd)
    app.command("claims")(claims_cmd)
