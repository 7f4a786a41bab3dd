// One intervention from the catalogue, or nothing.
MATCH (i:Intervention {id: $intervention})
RETURN i {.*} AS intervention
