"""The durable outbox: side effects stored in the same transaction as the change that causes them."""
