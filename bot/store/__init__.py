"""Persistence: SQLModel tables, queries and migrations. No chat or HTTP imports here."""
