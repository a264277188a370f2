"""``python -m rightsdata``: the command line."""

from rightsdata.cli import main

raise SystemExit(main())
