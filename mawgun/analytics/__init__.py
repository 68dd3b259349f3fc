"""Stage: analytics."""
