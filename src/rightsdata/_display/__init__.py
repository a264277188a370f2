"""Display: words for values, HTML cards, timeline marks, plots."""
