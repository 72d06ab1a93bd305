"""Rebuild quotex's Persian model set from ../shared/data with Stanza's trainers.

    python -m quotex.training all            # the full set into quotex/models/fa
    python -m quotex.training all --steps 20 --limit 60 --out /tmp/fa   # smoke run
"""
