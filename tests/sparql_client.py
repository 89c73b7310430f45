"""Queries a poakg endpoint with rdflib's SPARQLStore, an independent SPARQL
1.1 Protocol client, and checks the clause counts per pillar.

usage: sparql_client.py ENDPOINT
"""
import sys

from rdflib import Graph
from rdflib.plugins.stores.sparqlstore import SPARQLStore

QUERY = """
PREFIX poa: <https://w3id.org/poakg/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?n (COUNT(?c) AS ?clauses) WHERE {
  ?p a poa:Pillar ; skos:notation ?n .
  ?c a poa:Clause ; poa:inPillar ?p .
} GROUP BY ?n ORDER BY ?n
"""


def main(endpoint):
    graph = Graph(store=SPARQLStore(endpoint, returnFormat="json"))
    counts = [str(row.clauses) for row in graph.query(QUERY)]
    print("clauses per pillar: " + " ".join(counts))
    ask = graph.query("PREFIX poa: <https://w3id.org/poakg/ontology#> ASK { ?c a poa:Clause }")
    print(f"ask: {ask.askAnswer}")
    return 0 if counts == ["38", "37", "36", "12", "3"] and ask.askAnswer else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
