"""``python -m searchlib`` runs the ``searchlib`` command group."""

from .cli import main

main()
