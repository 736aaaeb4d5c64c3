"""`python -m claimset` runs the CLI."""

from .cli import main

main()
