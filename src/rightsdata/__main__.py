"""``python -m rightsdata``: the command line."""

import sys

try:
    from rightsdata._cli.main import main
except KeyboardInterrupt:  # (Ctrl-C while it starts: said as main says it, no traceback)
    if sys.stderr is not None:
        print("rightsdata: interrupted", file=sys.stderr)
    raise SystemExit(130) from None

raise SystemExit(main())
