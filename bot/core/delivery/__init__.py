"""How the core asks for side effects and where they go: task kinds queued in the caller's
transaction, the configured desks, saved conversation references, and tasks that ran out of time.
The outbox (`bot.outbox`) carries the tasks out; nothing here imports it."""
