"""The bottom layer, which every package may import and which imports nothing of ours: settings,
errors, the vocabularies and the typed models of everything the graph stores."""
