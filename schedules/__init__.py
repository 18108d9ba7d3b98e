"""Scheduled jobs (APScheduler). They call core functions with an injected `now`."""
