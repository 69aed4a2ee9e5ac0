from __future__ import annotations

from vitagraph.document import check_invariants
from vitagraph.readers import read_text

MD = """# Emmy Example

**Emmy Example** (1882–1935) was a [German](https://en.wikipedia.org/wiki/Germany) mathematician
who worked in *abstract algebra*.

## Career

She taught at the University of Göttingen.

### Exile

In 1933 she moved to the United States.

## Works

- *Ideal Theory in Rings* (1921)
  - reprinted 1950
1. Second list item

> A quoted remark about her.
"""


def test_markdown_structure():
    doc = read_text(MD, "emmy.md")
    assert doc.format == "markdown"
    assert doc.title == "Emmy Example"
    assert [(s.level, s.heading) for s in doc.sections] == [(2, "Career"), (3, "Exile"), (2, "Works")]
    lead = doc.paragraphs[0].span.of(doc.text)
    # links and emphasis blanked down to their text, lines joined into one paragraph
    assert "German" in lead and "https" not in lead and "**" not in lead and "*abstract" not in lead
    assert "mathematician\nwho worked" in lead
    items = [i.span.of(doc.text) for b in doc.lists for i in b.items]
    assert items[0].split() == ["Ideal", "Theory", "in", "Rings", "(1921)"]
    assert [i.depth for b in doc.lists for i in b.items][:2] == [1, 2]
    assert any("A quoted remark" in p.span.of(doc.text) for p in doc.paragraphs)
    assert len(doc.text) == len(MD)
    assert check_invariants(doc) == []


def test_plain_text_has_paragraphs_and_no_sections():
    text = "Marie Example was a chemist.\nShe was born in Warsaw.\n\nShe died in 1934.\n\n- a bullet\n- another\n"
    doc = read_text(text, "marie.txt")
    assert doc.format == "text"
    assert doc.sections == ()
    assert [p.span.of(doc.text) for p in doc.paragraphs] == [
        "Marie Example was a chemist.\nShe was born in Warsaw.",
        "She died in 1934.",
    ]
    assert len(doc.lists) == 1 and len(doc.lists[0].items) == 2
    assert check_invariants(doc) == []
