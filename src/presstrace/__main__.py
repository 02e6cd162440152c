"""``python -m presstrace`` runs the CLI."""

from .cli import main

main()
