"""Services: the Desk facade, one method per user action (no Qt)."""

from factdesk.services.claim_input import UNSET, ClaimUpdate
from factdesk.services.desk import Desk

__all__ = ["UNSET", "ClaimUpdate", "Desk"]
