"""Values: errors, dates, durations, IDs, and the small tools every layer uses."""
