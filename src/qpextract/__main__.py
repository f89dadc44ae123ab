"""``python -m qpextract`` is the ``qpextract`` command."""

from qpextract.cli import main

main()
