"""A busy writer for the concurrency tests: run as `python writer.py DESK NAME COUNT`.

Makes COUNT claims on document 1, each followed by a status change and a piece of evidence —
three short write transactions per claim, the way a person or a script works a desk — and
prints a JSON list of the claim ids it made. Any failure exits non-zero with the traceback.
"""

from __future__ import annotations

import json
import sys

from factdesk.services import ClaimUpdate, Desk


def main(desk_path: str, name: str, count: int) -> None:
    made = []
    with Desk.open(desk_path, editor=name) as desk:
        text = desk.document(1).text
        for n in range(count):
            start = (n * 7) % (len(text) - 30)
            claim = desk.add_claim(1, span=(start, start + 25), text=f"{name} claim {n}").value
            desk.update_claim(claim.id, ClaimUpdate(status="in_progress", note=f"{name} note {n}"))
            desk.add_evidence(claim.id, f"https://example.org/{name}/{n}", note="source")
            made.append(claim.id)
            if n % 25 == 0:
                desk.claims()  # reads interleave with the writes, as in a real session
    json.dump(made, sys.stdout)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]))
