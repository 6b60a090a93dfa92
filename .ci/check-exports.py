#!/usr/bin/env python3
"""Opens exported subgraph files with independent readers and checks their node and edge counts.

Usage: check-exports.py DIR [--nodes N --edges M]

For every file in DIR: *.graphml (networkx.read_graphml), *.gexf (networkx.read_gexf), *.cyjs (json +
networkx.cytoscape_graph), *.zip (neo4j-admin CSV: Python's csv module), *.json ({nodes, edges}).
Expected counts come from --nodes/--edges or from a sidecar <stem>.counts.json ({"nodes": N, "edges": M}).
GraphML is also checked for declared attribute types (mentionCount read back as int). Needs networkx for
the graph formats; without it those files are reported as skipped and the script still checks the rest.
Exit status 1 on any failure, 0 otherwise; the last line reads "N passed, N failed".
"""
import argparse
import csv
import io
import json
import sys
import zipfile
from pathlib import Path

try:
    import networkx as nx
except ImportError:  # the product does not depend on networkx; CI may not have it
    nx = None


def expected_counts(path, args):
    if args.nodes is not None and args.edges is not None:
        return args.nodes, args.edges
    sidecar = path.with_name(path.name.split(".")[0] + ".counts.json")
    if sidecar.exists():
        counts = json.loads(sidecar.read_text(encoding="utf-8"))
        return counts["nodes"], counts["edges"]
    return None


def check_counts(path, nodes, edges, args):
    expected = expected_counts(path, args)
    if expected is None:
        return f"{nodes} nodes, {edges} edges (no expected counts given)"
    if (nodes, edges) != expected:
        raise AssertionError(f"read {nodes} nodes and {edges} edges, expected {expected[0]} and {expected[1]}")
    return f"{nodes} nodes, {edges} edges"


def check_graphml(path, args):
    graph = nx.read_graphml(path)
    if not graph.is_directed():
        raise AssertionError("graph is not directed")
    for node, data in graph.nodes(data=True):
        for name in ("mentionCount", "degree"):
            if name in data and not isinstance(data[name], int):
                raise AssertionError(f"node {node!r}: {name} read as {type(data[name]).__name__}, not int")
    for source, target, data in graph.edges(data=True):
        if "count" in data and not isinstance(data["count"], int):
            raise AssertionError(f"edge {source!r}->{target!r}: count is {type(data['count']).__name__}")
    return check_counts(path, graph.number_of_nodes(), graph.number_of_edges(), args)


def check_gexf(path, args):
    graph = nx.read_gexf(path, version="1.3")
    return check_counts(path, graph.number_of_nodes(), graph.number_of_edges(), args)


def check_cyjs(path, args):
    document = json.loads(path.read_text(encoding="utf-8"))
    for field in ("format_version", "elements", "data"):
        if field not in document:
            raise AssertionError(f"missing {field}")
    nodes = document["elements"]["nodes"]
    edges = document["elements"]["edges"]
    ids = {node["data"]["id"] for node in nodes}
    for edge in edges:
        data = edge["data"]
        if data["source"] not in ids or data["target"] not in ids:
            raise AssertionError(f"edge {data['id']!r} has an end that is not a node")
        if "interaction" not in data:
            raise AssertionError(f"edge {data['id']!r} has no interaction")
    if len(ids) != len(nodes):
        raise AssertionError("node ids are not unique")
    # networkx.cytoscape_graph is not used: it expects networkx's own "value" field, not Cytoscape's.
    return check_counts(path, len(nodes), len(edges), args)


def check_csv_zip(path, args):
    with zipfile.ZipFile(path) as archive:
        def rows(name):
            text = archive.read(name).decode("utf-8")
            return list(csv.reader(io.StringIO(text, newline=""), strict=True))

        nodes = rows("nodes.csv")
        relationships = rows("relationships.csv")
    if nodes[0][:3] != ["id:ID", "name", ":LABEL"]:
        raise AssertionError(f"nodes.csv header starts {nodes[0][:3]}")
    if relationships[0][:3] != [":START_ID", ":END_ID", ":TYPE"]:
        raise AssertionError(f"relationships.csv header starts {relationships[0][:3]}")
    ids = {row[0] for row in nodes[1:]}
    if len(ids) != len(nodes) - 1:
        raise AssertionError("nodes.csv ids are not unique")
    for name, table in (("nodes.csv", nodes), ("relationships.csv", relationships)):
        for row in table:
            if len(row) != len(table[0]):
                raise AssertionError(f"{name}: row has {len(row)} fields, header {len(table[0])}: {row}")
    for row in relationships[1:]:
        if row[0] not in ids or row[1] not in ids:
            raise AssertionError(f"relationship {row[:3]} has an end that is not in nodes.csv")
    return check_counts(path, len(nodes) - 1, len(relationships) - 1, args)


def check_json(path, args):
    document = json.loads(path.read_text(encoding="utf-8"))
    return check_counts(path, len(document["nodes"]), len(document["edges"]), args)


CHECKS = {
    ".graphml": (check_graphml, True),
    ".gexf": (check_gexf, True),
    ".cyjs": (check_cyjs, False),
    ".zip": (check_csv_zip, False),
    ".json": (check_json, False),
}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory", type=Path)
    parser.add_argument("--nodes", type=int)
    parser.add_argument("--edges", type=int)
    args = parser.parse_args()

    passed = failed = skipped = 0
    for path in sorted(args.directory.iterdir()):
        if path.name.endswith(".counts.json") or path.suffix not in CHECKS:
            continue
        check, needs_networkx = CHECKS[path.suffix]
        if needs_networkx and nx is None:
            print(f"SKIP {path.name}: networkx is not installed")
            skipped += 1
            continue
        try:
            print(f"ok   {path.name}: {check(path, args)}")
            passed += 1
        except Exception as error:  # report every file, then fail
            print(f"FAIL {path.name}: {type(error).__name__}: {error}")
            failed += 1
    if passed + failed == 0:
        print(f"check-exports: no export files in {args.directory}")
        failed = 1
    print(f"check-exports: {passed} passed, {failed} failed, {skipped} skipped")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
