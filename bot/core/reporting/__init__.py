"""Evidence for the Audit Committee: the month's assurance, as a view model the edges draw."""
