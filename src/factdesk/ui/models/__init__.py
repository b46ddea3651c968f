"""Qt item models over the records the services return: one model per list or table."""
