"""The monthly assurance report rendered for people: an HTML page with charts, and a PDF."""
