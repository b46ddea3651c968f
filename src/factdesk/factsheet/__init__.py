"""Fact sheets: claims with their quotes and verdicts as PDF, CSV, ClaimReview JSON-LD, Markdown."""
