"""Evidence Graph: the application shell (settings and the `evidence` command line)."""
