"""``python -m arnews``: the ``arnews`` command (see :mod:`arnews.cli`).

Example:
    ``python -m arnews parse examples/pages --no-spans``
"""

from __future__ import annotations

import sys

from .cli import main

# Guarded: worker processes import the main module again, and must not run the command.
if __name__ == "__main__":
    sys.exit(main())
