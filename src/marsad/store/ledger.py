"""The claims ledger kept as tables (migration 0005), so the API pages it in SQL.

marsad.analysis.claims_ledger defines the ledger: claims grouped by canonical key, values in
time order, contradictions within a period. Computing it means reading and grouping every
claim, which at 100k reports took 15 s per request. Here the same groups are stored, one row
each (`ledger_groups`: the group's JSON at the default factor plus the columns the API orders
and filters by), and kept current incrementally: triggers on `claims` queue every inserted,
updated or deleted claim in `ledger_dirty`; `refresh(conn)` recomputes only the groups those
claims left or joined (`ledger_claims` remembers each claim's group). `extract`, `load` and
`serve`'s start call it (marsad.store.hooks); a request refreshes a small queue itself and falls
back to the full computation when the table is not current (a read-only file, another factor).

The stored groups depend on the grouping rules (analysis/data/claim_keys.json and the code):
their fingerprint is kept in `ledger_state`, and a change rebuilds every group.
"""
from __future__ import annotations

import hashlib
import json
import sqlite3
from functools import lru_cache
from importlib import resources

DEFAULT_FACTOR = 1.5
FORMAT = "2"              # bump when the stored group shape changes (2: the page's head of each group)
CHUNK = 500              # claims per query while remapping
REQUEST_REFRESH = 2000    # claims a read request refreshes itself at most (a larger queue is serve's work)
SEP = "\x1f"              # between the fields of `search` (a needle never spans two of them)
_CLAIM_COLS = ("claim_id", "doc_id", "quantity", "value_low", "value_high", "qualifier", "place", "time",
               "source_ar", "source_en", "source_kind", "evidence")


@lru_cache(maxsize=1)
def rules_fingerprint() -> str:
    """The grouping rules' identity: the claim-key data files and the ledger modules' source."""
    from marsad.analysis import claimkeys, claims_ledger

    digest = hashlib.sha256(FORMAT.encode())
    data = resources.files("marsad.analysis") / "data"
    for item in sorted(data.iterdir(), key=lambda p: p.name):
        if item.name.startswith("claim") and item.is_file():
            digest.update(item.name.encode() + item.read_bytes())
    for module in (claimkeys, claims_ledger):
        digest.update(resources.files("marsad.analysis").joinpath(module.__name__.rsplit(".", 1)[1] + ".py")
                      .read_bytes())
    return digest.hexdigest()[:16]


def has_tables(conn) -> bool:
    return has_table(conn, "ledger_groups")


def has_table(conn, table: str) -> bool:
    """The table exists (a migration made it); on PostgreSQL a failed probe leaves no aborted transaction."""
    try:
        conn.execute(f"SELECT 1 FROM {table} LIMIT 1").fetchall()
        return True
    except sqlite3.Error:
        rollback_failed(conn)
        return False


def rollback_failed(conn) -> None:
    """After a failed statement: PostgreSQL refuses every further one until the transaction is rolled back."""
    if getattr(conn, "dialect", "sqlite") == "postgresql" and conn.in_transaction:
        conn.rollback()


def _state(conn) -> str | None:
    row = conn.execute("SELECT value FROM ledger_state WHERE name = 'rules'").fetchone()
    return row[0] if row else None


def pending(conn) -> int | None:
    """How many claims wait for a refresh; None when the stored groups are of other rules."""
    if _state(conn) != rules_fingerprint():
        return None
    return conn.execute("SELECT count(*) FROM ledger_dirty").fetchone()[0]


def current(conn, limit: int | None = None) -> bool:
    """Whether the stored ledger is current, refreshing a queue of at most `limit` claims
    (default REQUEST_REFRESH) first; a read-only or busy database is left as it is."""
    limit = REQUEST_REFRESH if limit is None else limit
    if not has_tables(conn):
        return False
    waiting = pending(conn)
    if waiting == 0:
        return True
    if waiting is None:        # never built, or built by other rules: every claim is to do
        waiting = conn.execute("SELECT count(*) FROM claims").fetchone()[0]
    if waiting > limit:
        return False
    try:
        refresh(conn)
    except sqlite3.OperationalError:
        rollback_failed(conn)
        return False
    return pending(conn) == 0


def _begin(conn) -> None:
    if getattr(conn, "dialect", "sqlite") == "sqlite" and conn.isolation_level is None:
        conn.execute("BEGIN IMMEDIATE")


def refresh(conn) -> int:
    """Recompute the groups of every queued claim, each affected group once, in one transaction
    (a crash leaves the queue as it was); returns how many claims were processed."""
    if not has_tables(conn):
        return 0
    if _state(conn) != rules_fingerprint():
        _rebuild_all(conn)
    ids = [r[0] for r in conn.execute("SELECT claim_id FROM ledger_dirty ORDER BY claim_id")]
    if not ids:
        return 0
    with conn:
        _begin(conn)
        affected: set[str] = set()
        for i in range(0, len(ids), CHUNK):
            affected |= _remap(conn, ids[i:i + CHUNK])
        for gkey in sorted(affected):
            _store_group(conn, gkey)
        for i in range(0, len(ids), CHUNK):
            chunk = ids[i:i + CHUNK]
            conn.execute(f"DELETE FROM ledger_dirty WHERE claim_id IN ({_marks(len(chunk))})", chunk)
    return len(ids)


def _rebuild_all(conn) -> None:
    with conn:
        _begin(conn)
        conn.execute("DELETE FROM ledger_claims")
        conn.execute("DELETE FROM ledger_groups")
        conn.execute("DELETE FROM ledger_dirty")
        conn.execute("INSERT INTO ledger_dirty(claim_id) SELECT claim_id FROM claims")
        conn.execute("DELETE FROM ledger_state WHERE name = 'rules'")
        conn.execute("INSERT INTO ledger_state(name, value) VALUES ('rules', ?)", (rules_fingerprint(),))


def _marks(n: int) -> str:
    return ",".join("?" * n)


def _remap(conn, ids: list[str]) -> set[str]:
    """Point each claim at its group now (a deleted one at none); the groups it left or joined."""
    from marsad.analysis.claims_ledger import _key, _place

    marks = _marks(len(ids))
    affected = {r[0] for r in conn.execute(f"SELECT gkey FROM ledger_claims WHERE claim_id IN ({marks})", ids)}
    rows = conn.execute(f"SELECT claim_id, quantity, place, evidence FROM claims WHERE claim_id IN ({marks})",
                        ids).fetchall()
    mapping = [(r[0], f"{_key(r[1]).key}@{_place(r[2], r[3])[0]}") for r in rows]
    conn.execute(f"DELETE FROM ledger_claims WHERE claim_id IN ({marks})", ids)
    conn.executemany("INSERT INTO ledger_claims(claim_id, gkey) VALUES (?, ?)", mapping)
    return affected | {g for _c, g in mapping}


def build_group(gkey: str, claims: list[dict], factor: float = DEFAULT_FACTOR):
    """One LedgerGroup from its claims (in doc_id, claim_id order), exactly as
    claims_ledger.ledger_groups builds it."""
    from marsad.analysis import claimkeys
    from marsad.analysis.claims_ledger import (VALUE_FIELDS, LedgerGroup, _key, _num, _place, _sort_key,
                                               find_contradictions)

    first = claims[0]
    group = LedgerGroup(gkey, _key(first["quantity"]).label, _place(first["place"], first["evidence"])[1])
    for row in claims:
        value = {f: row[f] for f in VALUE_FIELDS}
        value["value_low"], value["value_high"] = _num(row["value_low"]), _num(row["value_high"])
        group.values.append(value)
        group.periods.append(claimkeys.period(row["time"]))
    ordered = sorted(zip(group.values, group.periods), key=_sort_key)
    group.values = [v for v, _ in ordered]
    group.periods = [p for _, p in ordered]
    find_contradictions(group, factor)
    return group


def search_text(g: dict) -> str:
    """What the ledger's `q` looks in, as ledger_page always did: the key, quantity, place and
    period (lowercased, joined by spaces), and each value's Arabic + English source."""
    head = " ".join(str(g.get(k) or "") for k in ("key", "quantity", "place", "period")).lower()
    sources = [str(v.get("source_ar") or "") + str(v.get("source_en") or "").lower() for v in g.get("values") or []]
    return SEP.join([head, *sources])


HEAD_VALUES = 20          # values a ledger page shows of a group at most (its lowest and highest among them)
HEAD_POINTS = 120         # points of a group's series a ledger page carries at most


def head(g: dict) -> dict:
    """What a page of the ledger (/api/ledger) shows of group `g` (a LedgerGroup's dict): the
    group with `n_values` (all its values), at most HEAD_VALUES of its values -- the one with the
    lowest and the one with the highest value_low (the dashboard's two cards) and the latest
    others, in the group's order -- and `series`, one point per dated value in time order, at most
    HEAD_POINTS of them (evenly spaced, with the lowest and the highest kept), `series_points`
    counting them all. At a million events a group holds thousands of values (1.8 MB of JSON):
    a page of ten whole groups was 9 MB. The whole group stays in /api/claims/ledger."""
    values = list(g.get("values") or [])
    keep = set(range(len(values)))
    if len(values) > HEAD_VALUES:
        by_low = sorted(keep, key=lambda i: (values[i].get("value_low") or 0, i))
        ends = {by_low[0], by_low[-1]}
        latest = [i for i in reversed(range(len(values))) if i not in ends]
        keep = ends | set(latest[:HEAD_VALUES - len(ends)])
    points = sorted(({"time": v.get("time"), "low": v.get("value_low"), "high": v.get("value_high"),
                      "source": v.get("source_en") or v.get("source_ar"), "doc_id": v.get("doc_id")}
                     for v in values if v.get("time")), key=lambda p: str(p["time"]))
    shown = points
    if len(points) > HEAD_POINTS:
        picks = {round(i * (len(points) - 1) / (HEAD_POINTS - 3)) for i in range(HEAD_POINTS - 2)}
        lows = [(p["low"] if p["low"] is not None else p["high"] or 0) for p in points]
        highs = [(p["high"] if p["high"] is not None else p["low"] or 0) for p in points]
        picks |= {lows.index(min(lows)), highs.index(max(highs))}
        shown = [points[i] for i in sorted(picks)]
    return {**g, "values": [v for i, v in enumerate(values) if i in keep], "n_values": len(values),
            "series": shown, "series_points": len(points)}


def _store_group(conn, gkey: str) -> None:
    cols = ", ".join(f"c.{c}" for c in _CLAIM_COLS)
    rows = conn.execute(f"SELECT {cols} FROM ledger_claims lc JOIN claims c ON c.claim_id = lc.claim_id "
                        "WHERE lc.gkey = ? ORDER BY c.doc_id, c.claim_id", (gkey,)).fetchall()
    conn.execute("DELETE FROM ledger_groups WHERE gkey = ?", (gkey,))
    if not rows:
        return
    g = build_group(gkey, [dict(zip(_CLAIM_COLS, r)) for r in rows]).to_dict()
    conn.execute("INSERT INTO ledger_groups(gkey, n_values, contradiction, ord, search, body, head) "
                 "VALUES (?, ?, ?, ?, ?, ?, ?)", (gkey, len(g["values"]), int(bool(g["contradiction"])),
                                                  key_order(gkey), search_text(g), json.dumps(g, ensure_ascii=False),
                                                  json.dumps(head(g), ensure_ascii=False)))


def key_order(gkey: str) -> str:
    """A string that sorts as claims_ledger._group_order (a key before its sub-keys, then by
    place): the key's segments joined by \x02 and ended by \x01, then the place."""
    what, _, where = gkey.partition("@")
    return "\x02".join(what.split(".")) + "\x01" + where


def _like(needle: str) -> str:
    return "%" + needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def page(conn, *, contradictions: bool = False, q: str | None = None, limit: int | None = 20,
         offset: int = 0, by_key: bool = False) -> tuple[int, list[dict]]:
    """(total, groups) of the stored ledger, contradictions first, then the most values, then by
    key (`by_key`: in the ledger's own key order instead, whole groups; else each group's head());
    `q` (lowercased substring) as ledger_page filters. The caller checks current() first."""
    conds, params = ["1=1"], []
    if contradictions:
        conds.append("contradiction = 1")
    needle = (q or "").strip().lower()
    if needle:
        conds.append("search LIKE ? ESCAPE '\\'")
        params.append(_like(needle))
    where = " AND ".join(conds)
    total = conn.execute(f"SELECT count(*) FROM ledger_groups WHERE {where}", params).fetchone()[0]
    tail, more = ("LIMIT ? OFFSET ?", [limit, offset]) if limit is not None else ("", [])
    rows = conn.execute(f"SELECT {'body' if by_key else 'head'} FROM ledger_groups WHERE {where} "
                        f"ORDER BY {'ord' if by_key else 'contradiction DESC, n_values DESC, gkey'} {tail}",
                        [*params, *more]).fetchall()
    return total, [json.loads(r[0]) for r in rows]
