"""``sectorlens check FILE``: do the report's numbers hold together? Exit 1 on any error."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from sectorlens.cli.app import DbOption, app
from sectorlens.cli.extract import CurrencyOption, FileArg
from sectorlens.errors import InputError

if TYPE_CHECKING:
    from sectorlens.model import Finding

_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan", "ok": "green"}


@app.command("check")
def check_command(
    file: FileArg,
    db: DbOption = None,
    store: Annotated[
        bool, typer.Option("--store", help="Also check against the default store.")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON document on stdout.")] = False,
    lang: Annotated[
        str | None,
        typer.Option(
            "--lang",
            help="Language of the messages: ko or en (default: the document's, else en).",
            show_default=False,
        ),
    ] = None,
    html: Annotated[
        Path | None,
        typer.Option("--html", help="Also write an HTML report here.", show_default=False),
    ] = None,
    default_currency: CurrencyOption = None,
    accept: Annotated[
        Path | None,
        typer.Option(
            "--accept",
            help="Reviewed findings to dismiss: a JSON or YAML list of finding ids "
            "(or {rule, line} entries).",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Check a report's numbers: breakdowns, trends, comparisons, exchange rates, the store."""
    from sectorlens.facts import check, extract_file, findings_html, has_errors, report_dict
    from sectorlens.facts.check import document_language
    from sectorlens.facts.render import split_accepted
    from sectorlens.fx import FxRates
    from sectorlens.store import connect, default_db_path

    keys = _read_accepted(accept) if accept is not None else (set(), set())
    extraction = extract_file(file, default_currency=default_currency)
    lang = lang or document_language(extraction)
    con = None
    if db is not None or store:
        con = connect(db if db is not None else default_db_path(), read_only=True)
    scope = None
    if con is not None:
        scope = _store_scope(con)
    try:
        findings = check(extraction, lang=lang, fx=FxRates(), con=con, scope=scope)
    finally:
        if con is not None:
            con.close()
    findings, accepted = split_accepted(findings, *keys)
    if html is not None:
        try:
            html.write_text(findings_html(extraction, findings, lang), encoding="utf-8")
        except OSError as exc:
            raise InputError(f"cannot write {html}: {exc.strerror}") from exc
    if as_json:
        data = report_dict(extraction, findings, accepted)
        typer.echo(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        _print(extraction.document.name, len(extraction.facts), findings, len(accepted))
    raise typer.Exit(1 if has_errors(findings) else 0)


def _store_scope(con: Any) -> Any:
    """The scope of the subject loaded in the store (None without one); says on stderr how many
    of the store's deals it leaves out."""
    from sectorlens.errors import StoreError
    from sectorlens.metrics import Scope, from_duckdb
    from sectorlens.metrics.scope import scope_counts
    from sectorlens.store import stored_reference

    try:
        subject = stored_reference(con).presentation.get("subject") or {}
    except StoreError:
        return None
    scope = Scope.from_subject(subject)
    if scope.is_open:
        return None
    counts = scope_counts(from_duckdb(con), scope)
    typer.echo(
        f"store: subject {scope.subject} ({scope.describe()}): {counts.describe()}", err=True
    )
    return scope


def _read_accepted(path: Path) -> tuple[set[str], set[tuple[str, int]]]:
    """The ids and (rule, line) pairs of a reviewed-findings file (JSON or YAML)."""
    import yaml

    from sectorlens.facts.render import accepted_keys

    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror}") from exc
    except UnicodeDecodeError as exc:
        raise InputError(f"{path} is not UTF-8 text") from exc
    try:
        data = json.loads(text) if path.suffix.lower() == ".json" else yaml.safe_load(text)
        return accepted_keys(data if data is not None else [])
    except (ValueError, yaml.YAMLError) as exc:
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise InputError(f"{path}: not a reviewed-findings list ({reason})") from exc


def _print(name: str, n_facts: int, findings: list[Finding], n_accepted: int = 0) -> None:
    from rich.markup import escape

    from sectorlens.cli.console import console as make_console
    from sectorlens.facts.render import assumptions_of, finding_id

    console = make_console()
    counts = {s: sum(1 for f in findings if f.severity.value == s) for s in _STYLE}
    summary = "  ".join(f"[{_STYLE[s]}]{s} {n}[/]" for s, n in counts.items())
    if n_accepted:
        summary += f"  [dim]accepted {n_accepted}[/]"
    console.print(f"[bold]{escape(name)}[/bold]: {n_facts} facts  {summary}")
    for f in findings:
        sev = f.severity.value
        lines = ", ".join(str(x) for x in f.lines)
        console.print(
            f"\n[{_STYLE[sev]}]{sev.upper():7}[/] [dim]{f.rule} · lines {lines} · "
            f"id {finding_id(f)}[/dim]"
        )
        console.print(f"  {escape(f.message)}")
        for note in assumptions_of(f.facts):
            console.print(f"  [dim]assumed: {escape(note)}[/dim]")
        for quote in f.quotes[:3]:
            console.print(f"  [dim]> {escape(quote)}[/dim]")
