"""``python -m rightsdata``: the command line."""

from rightsdata._cli.main import main

raise SystemExit(main())
