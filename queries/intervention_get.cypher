// One intervention (catalogue or emerging), or nothing.
MATCH (i:Intervention {id: $intervention})
RETURN i {.*} AS intervention
