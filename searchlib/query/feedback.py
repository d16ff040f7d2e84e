"""Which queries pseudo-relevance feedback expands: long, plain natural-language ones.

Feedback (the engine adds words of a query's best paragraphs to it, see
docs/query-language.md) helps a query written as a sentence, whose words are many and
loosely chosen ("aspirin inhibits the production of PGE2"): it finds the paragraphs that
say the same thing in other words. A short keyword query ("artillery shells") or one with
operators says exactly what it wants, and expanding it would only dilute it, so those are
never expanded.
"""

from __future__ import annotations

from .syntax import And, Node, Term

# Plain words a query needs before it is read as natural language. Every query of the
# relevance benchmarks has at least 4; news searches typed as keywords rarely reach 5.
FEEDBACK_MIN_WORDS = 5


def is_natural_language(node: Node) -> bool:
    """True when the parsed query is ``FEEDBACK_MIN_WORDS`` or more plain words and
    nothing else: no phrase, ``field:``, date, prefix, fuzzy word, exclusion or ``OR``.

    Args:
        node: the query as parsed, before aliases are added.
    """
    if not isinstance(node, And) or len(node.items) < FEEDBACK_MIN_WORDS:
        return False
    return all(isinstance(item, Term) and item.field is None for item in node.items)
