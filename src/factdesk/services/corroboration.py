"""Other reports of a claim's statement across the desk (factdesk.core.corroborate).

The full-text index picks the candidate documents (factdesk.db.candidates); each is aligned
word by word with every quote the claim already has. Documents the claim already quotes are
left out: a variant there is already linked.
"""

from __future__ import annotations

from factdesk.core.corroborate import Candidate, Match, find_matches
from factdesk.services.desk import Desk

CANDIDATES = 40


def matches(desk: Desk, claim_id: int, *, limit: int = CANDIDATES) -> list[Match]:
    """The best report of the claim in each other document, best first."""
    claim = desk.claim(claim_id)
    statements = [span.quote for span in claim.spans] or [claim.text]
    quoted_docs = {span.doc for span in claim.spans}
    words = " ".join(statements)
    ids = desk.candidate_documents(words, exclude=quoted_docs, limit=limit)
    candidates = []
    for doc_id in ids:
        document = desk.document(doc_id)
        candidates.append(Candidate(doc_id, document.text, document.noise))
    best: dict[int, Match] = {}
    for statement in statements:
        for match in find_matches(statement, candidates):
            if match.doc not in best or match.score > best[match.doc].score:
                best[match.doc] = match
    return sorted(best.values(), key=lambda m: (-m.score, m.doc))
