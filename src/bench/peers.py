#!/usr/bin/env python3
"""Peer engines for the benchmark suite (called by opensearch.sh and sqlite.sh; standard library only).

  peers.py os-bulk INPUT OUTDIR [--chunk N]     bulk NDJSON files for OpenSearch (untimed prep)
  peers.py os-requests QUERIES VARIANT KINDS [--mapping english|exact]
                                                wrk request lines: POST /papers/_search {body}
  peers.py sqlite INPUT DB QUERIES [--passes N] [--results FILE --run LABEL]
                                                load into SQLite FTS5 (timed) and time the mix

Every engine gets the same papers: title, abstract, authors, categories (and their archives), year,
read from the arXiv-json corpus (white space collapsed; no LaTeX normalization, which Abstracta does).
"""
import argparse
import gzip
import json
import os
import sqlite3
import sys
import time

INDEX = "papers"
FIELDS = ["title^2", "abstract", "authors"]


def papers(path):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            r = json.loads(line)
            cats = [c for c in (r.get("categories") or "").split() if c]
            if r.get("authors_parsed"):
                authors = [" ".join(p for p in (a[1] if len(a) > 1 else "", a[0]) if p).strip()
                           for a in r["authors_parsed"] if a]
            else:
                authors = [a.strip() for a in (r.get("authors") or "").split(",") if a.strip()]
            year = None
            if r.get("update_date"):
                year = int(r["update_date"][:4])
            yield {
                "id": r["id"],
                "title": " ".join((r.get("title") or "").split()),
                "abstract": " ".join((r.get("abstract") or "").split()),
                "authors": [a for a in authors if a],
                "categories": cats,
                "archives": sorted({c.split(".")[0] for c in cats}),
                "year": year,
            }


def queries(path):
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            kind, subject, q = line.rstrip("\n").split("\t", 2)
            yield kind, subject, q


# ---- OpenSearch -------------------------------------------------------------------------------

def os_bulk(args):
    os.makedirs(args.outdir, exist_ok=True)
    n, chunk, out = 0, 0, None
    for p in papers(args.input):
        if n % args.chunk == 0:
            if out:
                out.close()
            out = open(os.path.join(args.outdir, "bulk-%05d.ndjson" % chunk), "w", encoding="utf-8")
            chunk += 1
        out.write(json.dumps({"index": {"_index": INDEX, "_id": p["id"]}}) + "\n")
        out.write(json.dumps(p) + "\n")
        n += 1
    if out:
        out.close()
    print(n)


# With --mapping exact, title and abstract also have an unstemmed "exact" subfield, as Abstracta
# keeps exact words beside the stems: quoted phrases go there, as Abstracta's do.
EXACT_FIELDS = ["title.exact^2", "abstract.exact", "authors"]


def os_query(kind, q, exact=False):
    if kind in ("one", "two", "three"):
        # Every word required, each in any of the fields: Abstracta's keyword default since the
        # query-meaning work (before it, any word: multi_match's default OR).
        return {"multi_match": {"query": q, "fields": FIELDS, "type": "cross_fields",
                                "operator": "and"}}
    if kind == "phrase":
        return {"multi_match": {"query": q.strip('"'), "fields": EXACT_FIELDS if exact else FIELDS,
                                "type": "phrase"}}
    if kind == "field" and q.startswith("title:"):
        return {"match": {"title": q[len("title:"):]}}
    if kind == "field" and q.startswith("author:"):
        return {"match_phrase": {"authors": q[len("author:"):].strip('"')}}
    # prefix (word*) and fuzzy (word~): the same Lucene syntax in query_string
    return {"query_string": {"query": q, "fields": FIELDS}}


AGGS = {
    "subject": {"terms": {"field": "archives", "size": 10}},
    "category": {"terms": {"field": "categories", "size": 10}},
    "year": {"terms": {"field": "year", "size": 50}},
    "author": {"terms": {"field": "authors.raw", "size": 10}},
}


def os_body(kind, subject, q, variant, exact=False):
    query = os_query(kind, q, exact)
    if variant == "filter":
        query = {"bool": {"must": query, "filter": {"term": {"archives": subject}}}}
    body = {"size": 10, "track_total_hits": True, "query": query,
            "_source": ["title", "authors", "categories", "year"],
            # Abstracta returns title and abstract snippets with every hit
            "highlight": {"fields": {"title": {}, "abstract": {"fragment_size": 200,
                                                               "number_of_fragments": 1}}}}
    if variant != "none":
        body["aggs"] = AGGS
    return body


def os_requests(args):
    variants = ["none", "all", "filter"] if args.variant == "mix" else [args.variant]
    kinds = args.kinds.split("|")
    for kind, subject, q in queries(args.queries):
        if args.kinds != ".*" and kind not in kinds:
            continue
        for v in variants:
            body = os_body(kind, subject, q, v, args.mapping == "exact")
            print("POST /%s/_search %s" % (INDEX, json.dumps(body, separators=(",", ":"))))


# ---- SQLite FTS5 ------------------------------------------------------------------------------

def fts_query(kind, q):
    if kind in ("one", "two", "three"):
        return " ".join('"%s"' % w for w in q.split())  # implicit AND: every word, as Abstracta
    if kind == "phrase":
        return q
    if kind == "field" and q.startswith("title:"):
        return 'title : "%s"' % q[len("title:"):]
    if kind == "field" and q.startswith("author:"):
        return 'authors : "%s"' % q[len("author:"):].strip('"').replace('"', "")
    if kind == "prefix":
        return q  # word* is FTS5 prefix syntax
    return None  # fuzzy: FTS5 has none


def percentile(sorted_ms, p):
    if not sorted_ms:
        return float("nan")
    k = max(0, min(len(sorted_ms) - 1, int(-(-p * len(sorted_ms) // 100)) - 1))
    return sorted_ms[k]


def sqlite_bench(args):
    if os.path.exists(args.db):
        os.remove(args.db)
    docs = list(papers(args.input))  # parsed up front: the timing is loading only
    db = sqlite3.connect(args.db)
    db.execute("CREATE VIRTUAL TABLE papers USING fts5(title, abstract, authors, archives UNINDEXED,"
               " category UNINDEXED, year UNINDEXED, tokenize='porter unicode61 remove_diacritics 2')")
    t0 = time.perf_counter()
    with db:
        db.executemany("INSERT INTO papers VALUES (?, ?, ?, ?, ?, ?)",
                       ((d["title"], d["abstract"], "; ".join(d["authors"]),
                         " ".join(d["archives"]), d["categories"][0] if d["categories"] else "",
                         d["year"]) for d in docs))
    db.execute("INSERT INTO papers(papers) VALUES ('optimize')")
    db.commit()
    load_s = time.perf_counter() - t0
    size_mb = os.path.getsize(args.db) / 1e6
    rows = [{"engine": "sqlite-fts5", "what": "load", "docs": len(docs), "seconds": load_s,
             "docsPerSec": len(docs) / load_s, "dbMB": size_mb}]

    hits_sql = ("SELECT rowid, title, snippet(papers, 1, '<mark>', '</mark>', '…', 24) FROM papers"
                " WHERE papers MATCH ?{f} ORDER BY bm25(papers, 2.0, 1.0, 1.0) LIMIT 10")
    count_sql = "SELECT count(*) FROM papers WHERE papers MATCH ?{f}"
    facet_sql = "SELECT {col}, count(*) FROM papers WHERE papers MATCH ?{f} GROUP BY {col}"
    filt = " AND instr(' ' || archives || ' ', ' ' || ? || ' ') > 0"

    def run(kind, subject, q, variant):
        f = filt if variant == "filter" else ""
        params = (q, subject) if variant == "filter" else (q,)
        db.execute(hits_sql.format(f=f), params).fetchall()
        db.execute(count_sql.format(f=f), params).fetchone()
        if variant != "none":
            for col in ("category", "year"):
                db.execute(facet_sql.format(col=col, f=f), params).fetchall()

    mix = [(k, s, fts_query(k, q)) for k, s, q in queries(args.queries)]
    skipped = sorted({k for k, s, q in mix if q is None})
    mix = [m for m in mix if m[2] is not None]
    kinds = []
    for k, _, _ in mix:
        if k not in kinds:
            kinds.append(k)
    for variant, label in (("none", "none"), ("all", "all"), ("filter", "filter+all")):
        for kind in kinds + ["mix"]:
            sel = [m for m in mix if kind == "mix" or m[0] == kind]
            for _ in range(args.warmup):
                for k, s, q in sel:
                    run(k, s, q, variant)
            ms = []
            for _ in range(args.passes):
                for k, s, q in sel:
                    t = time.perf_counter()
                    run(k, s, q, variant)
                    ms.append((time.perf_counter() - t) * 1000)
            ms.sort()
            rows.append({"engine": "sqlite-fts5", "what": "query", "docs": len(docs), "kind": kind,
                         "facets": label, "n": len(ms), "p50ms": percentile(ms, 50),
                         "p95ms": percentile(ms, 95), "p99ms": percentile(ms, 99),
                         "qps": len(ms) / (sum(ms) / 1000)})
    db.close()
    os.remove(args.db)
    if args.results:
        with open(args.results, "a", encoding="utf-8") as out:
            for r in rows:
                out.write(json.dumps(dict({"bench": "peer-sqlite", "run": args.run}, **r)) + "\n")
    print("SQLite %s FTS5 (porter unicode61), python3 sqlite3, 1 client; %s not supported (skipped)"
          % (sqlite3.sqlite_version, ", ".join(skipped) or "nothing"))
    print("load: %d docs in %.1f s = %.0f docs/s, %.0f MB database" % (len(docs), load_s,
                                                                       len(docs) / load_s, size_mb))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    b = sub.add_parser("os-bulk")
    b.add_argument("input")
    b.add_argument("outdir")
    b.add_argument("--chunk", type=int, default=5000)
    b.set_defaults(fn=os_bulk)
    r = sub.add_parser("os-requests")
    r.add_argument("queries")
    r.add_argument("variant", choices=["none", "all", "filter", "mix"])
    r.add_argument("kinds", help="'.*' or kinds joined by |")
    r.add_argument("--mapping", choices=["english", "exact"], default="english")
    r.set_defaults(fn=os_requests)
    s = sub.add_parser("sqlite")
    s.add_argument("input")
    s.add_argument("db")
    s.add_argument("queries")
    s.add_argument("--passes", type=int, default=10)
    s.add_argument("--warmup", type=int, default=2)
    s.add_argument("--results")
    s.add_argument("--run", default="")
    s.set_defaults(fn=sqlite_bench)
    args = ap.parse_args()
    args.fn(args)


if __name__ == "__main__":
    sys.exit(main())
