// Which of the given council codes have no Council node (the council reference graph is loaded first).
UNWIND $codes AS code
WITH code
WHERE NOT EXISTS { MATCH (:Council {code: code}) }
RETURN collect(code) AS missing
