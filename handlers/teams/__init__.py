"""Microsoft Teams edge, on the Microsoft 365 Agents SDK. Only this folder may import the SDK (a
test enforces it), so it can change without touching the core."""
