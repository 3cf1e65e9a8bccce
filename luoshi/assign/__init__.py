"""Owners learned from the office's own past assignments (see learned.py, history.py)."""
