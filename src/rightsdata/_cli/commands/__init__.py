"""The commands, a module each (``events`` and ``timeline`` together, as they share their
checks of IDs): a command's ``_cmd_`` function runs it on the parsed arguments and returns
the exit code."""
