"""``eventwire evaluate``: precision, recall and F1 against a folder of gold annotations."""

from __future__ import annotations

import json
from pathlib import Path

import click

from eventwire.cli.options import actors_option, fail, load_actors
from eventwire.cli.render import plain_terminal_text
from eventwire.errors import ModelNotFound
from eventwire.evaluate import SECTIONS, Evaluation, SectionScore, evaluate_folder


@click.command()
@click.argument("gold_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--only", "only", multiple=True, type=click.Choice(SECTIONS),
              help="Score only this section (repeatable).")
@click.option("--quiet", is_flag=True, help="Only the totals, not each article's misses.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="Output format.")
@click.option("--texts", type=click.Path(exists=True, file_okay=False, path_type=Path),
              default=None, help="Folder of the NAME.txt articles, if not GOLD_DIR itself.")
@click.option("--model", default=None, envvar="EVENTWIRE_MODEL", help="spaCy pipeline to use.")
@actors_option
def evaluate(gold_dir: Path, only: tuple[str, ...], quiet: bool, fmt: str,
             texts: Path | None, model: str | None, actors: tuple[str, ...]) -> None:
    """Score extraction against GOLD_DIR (NAME.txt + NAME.gold.json pairs)."""
    load_actors(actors)
    try:
        result = evaluate_folder(gold_dir, only or SECTIONS, model=model, texts=texts,
                                 actors=actors)
    except ModelNotFound as exc:
        fail(exc)
    if not result.articles:
        raise click.UsageError(f"{gold_dir} holds no NAME.txt + NAME.gold.json pairs")
    if fmt == "json":
        click.echo(json.dumps(_as_json(result), indent=2, ensure_ascii=False))
        return
    if not quiet:
        _print_articles(result)
    for section, total in result.totals().items():
        click.echo(_line(section, total))
    click.echo(result.summary_line())


def _line(section: str, score: SectionScore) -> str:
    return (f"{section:8s} P {score.precision:.2f}  R {score.recall:.2f}  F1 {score.f1:.2f}  "
            f"(matched {score.tp}/{score.required} required; "
            f"{len(score.false_positives)} false positives)")


def _print_articles(result: Evaluation) -> None:
    for article in result.articles:
        click.echo(plain_terminal_text(
            article.name + (f"  (failed: {article.failure})" if article.failure else "")))
        for section, score in article.scores.items():
            click.echo("  " + _line(section, score))
            for miss in score.misses:
                brief = {k: v for k, v in miss.items() if k not in {"optional", "source_text"}}
                click.echo(f"      miss  {json.dumps(brief, ensure_ascii=False)[:180]}")
            for extra in score.false_positives[:15]:
                brief = {k: extra.get(k) for k in ("source_code", "target_code", "cameo", "plover",
                                                    "code", "speaker", "text", "value", "unit",
                                                    "name", "country") if extra.get(k)}
                click.echo(f"      extra {json.dumps(brief, ensure_ascii=False)[:180]}")
        for problem in article.problems:
            click.echo(plain_terminal_text(f"  metadata  {problem}"))


def _as_json(result: Evaluation) -> dict[str, object]:
    return {
        "totals": {s: {"precision": t.precision, "recall": t.recall, "f1": t.f1, "tp": t.tp,
                       "required": t.required, "false_positives": len(t.false_positives)}
                   for s, t in result.totals().items()},
        "articles": [{"name": a.name, "failure": a.failure, "problems": a.problems,
                      "scores": {s: {"f1": t.f1, "misses": t.misses} for s, t in a.scores.items()}}
                     for a in result.articles],
        "summary": result.summary_line(),
    }
