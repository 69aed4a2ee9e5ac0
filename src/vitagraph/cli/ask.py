"""vitagraph ask: questions answered from the stored documents, with citations."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from ..errors import VitagraphError
from ._util import DEFAULT_DB_PATH, DbOption, JsonOption, app, console, fail, open_store, print_json


@app.command("ask")
def ask_command(
    question: Annotated[Optional[str], typer.Argument(help="A question, e.g. \"When was Serge deported to Orenburg?\"", show_default=False)] = None,
    db: DbOption = DEFAULT_DB_PATH,
    questions: Annotated[
        Optional[Path],
        typer.Option("--questions", "-Q", help="A JSONL file of questions (shared/eval/qa format): print one prediction a line.", show_default=False),
    ] = None,
    document: Annotated[
        Optional[str], typer.Option("--document", "-d", help="Answer from this document only (name as stored).", show_default=False)
    ] = None,
    ignore_documents: Annotated[
        bool, typer.Option("--corpus", help="With --questions: ignore each question's document and search every document.")
    ] = False,
    llm: Annotated[
        Optional[str],
        typer.Option("--llm", envvar="VITAGRAPH_LLM_URL", help="OpenAI-compatible endpoint (e.g. http://127.0.0.1:8080/v1) to phrase answers from the cited sentences.", show_default=False),
    ] = None,
    llm_model: Annotated[str, typer.Option("--llm-model", envvar="VITAGRAPH_LLM_MODEL", help="Model name sent to --llm.")] = "local",
    as_json: JsonOption = False,
) -> None:
    """Answer a question from the documents in the database, citing the sentences it rests on.

    When the text does not support an answer, says so ("The text does not say.", found: false)
    instead of guessing. Exits 1 only on errors, not on unanswered questions.
    """
    from ..query import answer, answer_many
    from ..query.llm import Phraser

    if (question is None) == (questions is None):
        fail("give one question, or --questions FILE", code=2)
    phraser = Phraser(llm, model=llm_model) if llm else None
    items = None
    if questions is not None:
        try:
            items = [json.loads(line) for line in questions.read_text(encoding="utf-8").splitlines() if line.strip()]
        except FileNotFoundError:
            fail(f"{questions}: no such file")
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            fail(f"{questions}: not JSON lines ({exc})")
        if any(not isinstance(i, dict) or not isinstance(i.get("q"), str) for i in items):
            fail(f"{questions}: every line needs a \"q\" (and an \"id\"), as in shared/eval/qa/README.md")
    try:
        with open_store(db, must_exist=True) as store:
            if items is not None:
                if document is not None:
                    items = [{**i, "document": document} for i in items]
                preds = answer_many(store, items, use_document=not ignore_documents, llm=phraser)
                for p in preds:
                    if as_json:
                        sys.stdout.write(json.dumps(p, ensure_ascii=False) + "\n")
                    else:
                        _print_text(p, prefix=f"{p['id']}: ")
                return
            result = answer(store, question, document=document, llm=phraser)
    except VitagraphError as exc:
        fail(exc)
    if as_json:
        print_json(result)
    else:
        _print_text(result)


def _print_text(result: dict, prefix: str = "") -> None:
    console.print(f"{prefix}{result['answer']}", markup=False, highlight=False)
    if not result["found"]:
        return
    if result.get("value") is not None and str(result["value"]) not in result["answer"]:
        console.print(f"  value: {result['value']}", markup=False, highlight=False)
    for c in result["citations"]:
        quote = c.get("quote", "")
        console.print(f"  [{c['document']} {c['span'][0]}-{c['span'][1]}] {quote}", markup=False, highlight=False)
    console.print(f"  confidence {result['confidence']:.2f}", markup=False, highlight=False, style="dim")
