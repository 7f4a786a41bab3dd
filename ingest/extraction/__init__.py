"""Evidence extraction: councils, interventions, outcomes and enablers found in a document's
text, each kept with the sentence it came from."""
