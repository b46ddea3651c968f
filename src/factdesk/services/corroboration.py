"""Other reports of a claim's statement across the desk (factdesk.core.corroborate).

The full-text index picks the candidate documents (factdesk.db.candidates); each is aligned
word by word with every quote the claim already has. Documents the claim already quotes are
left out: a variant there is already linked. Candidates come a page at a time, best first,
each page twice the last, for as long as most of a page reports the statement: a quote
carried by hundreds of articles is found in all of them, and a statement reported by few
costs one page.
"""

from __future__ import annotations

from factdesk.core.corroborate import Candidate, Match, find_matches
from factdesk.services.desk import Desk

FIRST_PAGE = 40
MAX_CANDIDATES = 2_560  # documents aligned at most, whatever the desk holds


def matches(desk: Desk, claim_id: int, *, first_page: int = FIRST_PAGE) -> list[Match]:
    """The best report of the claim in each other document, best first."""
    claim = desk.claim(claim_id)
    statements = [span.quote for span in claim.spans] or [claim.text]
    words = " ".join(statements)
    # one ranking (bm25 scores every matching document whatever the limit), read page by page
    ranked = desk.candidate_documents(
        words, exclude={span.doc for span in claim.spans}, limit=MAX_CANDIDATES
    )
    best: dict[int, Match] = {}
    start, page = 0, first_page
    while start < len(ranked):
        ids = ranked[start : start + page]
        candidates = []
        for doc_id in ids:
            document = desk.document(doc_id)
            candidates.append(Candidate(doc_id, document.text, document.noise))
        found = {m.doc for m in _best_of(statements, candidates, best)}
        # bm25 ranks the documents sharing the most words first: once most of a page is
        # not a report, the documents after it hold none worth aligning
        if 2 * len(found) < len(ids):
            break
        start, page = start + page, page * 2
    return sorted(best.values(), key=lambda m: (-m.score, m.doc))


def _best_of(
    statements: list[str], candidates: list[Candidate], best: dict[int, Match]
) -> list[Match]:
    """Align every statement with the candidates, keeping each document's best match in
    `best`; the matches found."""
    found = []
    for statement in statements:
        for match in find_matches(statement, candidates):
            found.append(match)
            if match.doc not in best or match.score > best[match.doc].score:
                best[match.doc] = match
    return found
