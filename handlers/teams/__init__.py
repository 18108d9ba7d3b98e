"""Microsoft Teams edge. Only this folder may import the Bot Framework SDK (a test enforces it),
so it can be replaced by the Microsoft 365 Agents SDK or the Teams SDK without touching the core."""
