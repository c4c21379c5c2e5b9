"""``python -m gongextract`` runs the command line."""

from .cli import main

main()
