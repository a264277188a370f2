"""The parts of :mod:`rightsdata.testing` that are no strategy of their own: what a draw over
a base dataset needs of it, and the repairs that keep the records drawn valid over it."""
