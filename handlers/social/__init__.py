"""Social platform edges: webhooks in, API clients out."""
