"""The debrief screen: timeline, path, contrasts, comparison and questions for a chosen team and signal."""
