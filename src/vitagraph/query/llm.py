"""Optional phrasing of an answer by an OpenAI-compatible server (llama.cpp, Ollama, vLLM...).

Never required and never trusted: the model sees only the cited sentences,
is asked for JSON ``{"answer": "...", "quotes": ["..."]}``, and its answer is
shown only if every quote it gives -- and every passage it puts in quotation
marks -- is found verbatim in the cited text. Otherwise, or if the server is
slow or down, the extractive answer stands. Standard library only (urllib).

    vitagraph ask "When was Serge deported?" --llm http://127.0.0.1:8080/v1 --llm-model qwen2.5
    VITAGRAPH_LLM_URL=http://127.0.0.1:11434/v1 vitagraph ask ...
"""

from __future__ import annotations

import json
import re
import urllib.error
import urllib.request
from dataclasses import dataclass

SYSTEM = (
    "You answer questions about a biography using ONLY the numbered evidence sentences given. "
    "Reply with one JSON object and nothing else: "
    '{"answer": "<one short sentence>", "quotes": ["<exact words copied from the evidence>"]}. '
    'If the evidence does not answer the question, reply {"answer": null, "quotes": []}. '
    "Never use outside knowledge. Quotes must be copied character for character."
)

_QUOTED = re.compile(r"[\"“]([^\"”]{8,})[\"”]")


@dataclass
class Phraser:
    """An OpenAI-compatible chat endpoint: ``base_url`` ends before ``/chat/completions``."""

    base_url: str
    model: str = "local"
    timeout: float = 20.0
    api_key: str | None = None

    def complete(self, messages: list[dict]) -> str:
        url = self.base_url.rstrip("/") + "/chat/completions"
        body = json.dumps({"model": self.model, "messages": messages, "temperature": 0,
                           "max_tokens": 200}).encode()
        headers = {"Content-Type": "application/json"}
        if self.api_key:
            headers["Authorization"] = f"Bearer {self.api_key}"
        req = urllib.request.Request(url, data=body, headers=headers, method="POST")
        with urllib.request.urlopen(req, timeout=self.timeout) as resp:  # noqa: S310 (a URL the user configured)
            data = json.loads(resp.read().decode("utf-8"))
        return data["choices"][0]["message"]["content"]

    def rephrase(self, question: str, result: dict, citations: list[dict]) -> dict:
        """The result with ``answer`` phrased by the model, if its quotes check out; else unchanged."""
        evidence = [c.get("quote", "") for c in citations if c.get("quote")]
        if not evidence:
            return result
        lines = "\n".join(f"[{i + 1}] {q}" for i, q in enumerate(evidence))
        messages = [
            {"role": "system", "content": SYSTEM},
            {"role": "user", "content": f"Evidence:\n{lines}\n\nQuestion: {question}\n"
                                        f"(An extractive reader found: {result.get('value')!r}.)"},
        ]
        out = dict(result)
        try:
            reply = parse_reply(self.complete(messages))
        except (urllib.error.URLError, OSError, TimeoutError, ValueError, KeyError, IndexError) as exc:
            out["llm"] = {"used": False, "error": f"{type(exc).__name__}: {exc}"[:200]}
            return out
        answer = reply.get("answer")
        quotes = [q for q in reply.get("quotes") or [] if isinstance(q, str) and q.strip()]
        if not isinstance(answer, str) or not answer.strip():
            out["llm"] = {"used": False, "error": "the model found no answer in the evidence"}
            return out
        quoted = quotes + _QUOTED.findall(answer)
        bad = [q for q in quoted if not any(q in e for e in evidence)]
        if bad:
            out["llm"] = {"used": False, "error": f"quote not in the text: {bad[0][:80]!r}"}
            return out
        out["answer"] = answer.strip()
        out["llm"] = {"used": True, "model": self.model, "quotes": quotes}
        return out


def parse_reply(content: str) -> dict:
    """The JSON object in a model's reply (tolerating code fences and chatter around it)."""
    text = content.strip()
    text = re.sub(r"^```(?:json)?\s*|\s*```$", "", text)
    try:
        data = json.loads(text)
    except json.JSONDecodeError:
        m = re.search(r"\{.*\}", text, re.S)
        if not m:
            raise ValueError("no JSON object in the model's reply") from None
        data = json.loads(m.group(0))
    if not isinstance(data, dict):
        raise ValueError("the model's reply is not a JSON object")
    return data
