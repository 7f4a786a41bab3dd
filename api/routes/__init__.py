"""One router per resource; each calls the same functions as the CLI."""
