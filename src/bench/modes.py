#!/usr/bin/env python3
"""One-client HTTP latency of each search mode, against a running `abstracta serve`.

Sends N queries of a BEIR queries file in each mode, one at a time over one keep-alive
connection, after a warm-up with other queries, and prints p50/p90/p99 per mode. The server keeps
the vectors of recent queries, so each mode that embeds is measured on queries no earlier mode
embedded: keyword and hybrid on the first N (keyword embeds nothing), semantic on the next N,
the default mode on the N after; the warm-up uses the 100 after those, R times in every mode (the
JIT compiles the search path in the first few hundred requests; a served engine runs warm).
Usage: modes.py BASE_URL QUERIES_JSONL [--limit N] [--params 'facets=none'] [--warmup-rounds R]
"""
import argparse
import http.client
import json
import statistics
import time
import urllib.parse


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("base")
    ap.add_argument("queries")
    ap.add_argument("--limit", type=int, default=300)
    ap.add_argument("--params", default="")
    ap.add_argument("--modes", default="keyword,hybrid,semantic,default")
    ap.add_argument("--warmup-rounds", type=int, default=3)
    a = ap.parse_args()
    texts = [json.loads(l)["text"] for l in open(a.queries, encoding="utf-8")]
    n = a.limit
    if len(texts) < 3 * n + 100:
        raise SystemExit(f"need {3 * n + 100} queries, the file has {len(texts)}")
    slices = {"keyword": texts[:n], "hybrid": texts[:n], "semantic": texts[n : 2 * n]}
    slices["default"] = texts[2 * n : 3 * n]
    warm = texts[3 * n : 3 * n + 100]
    url = urllib.parse.urlparse(a.base)
    conn = http.client.HTTPConnection(url.hostname, url.port, timeout=30)

    def get(q, mode):
        p = {"q": q}
        if mode != "default":
            p["mode"] = mode
        path = "/api/search?" + urllib.parse.urlencode(p) + ("&" + a.params if a.params else "")
        t0 = time.perf_counter()
        conn.request("GET", path)
        r = conn.getresponse()
        body = r.read()
        ms = (time.perf_counter() - t0) * 1000
        if r.status != 200:
            raise SystemExit(f"{r.status} for {path}: {body[:200]!r}")
        return ms, json.loads(body)["mode"]

    print(
        f"{n} queries a mode, after a warm-up of 100 others {a.warmup_rounds} times in every mode,"
        f" params '{a.params}'"
    )
    print(f"{'mode':10} {'ran as':24} {'p50 ms':>8} {'p90 ms':>8} {'p99 ms':>8}")
    modes = a.modes.split(",")
    for _ in range(a.warmup_rounds):
        for mode in modes:
            for q in warm:
                get(q, mode)
    for mode in modes:
        lat, ran = [], {}
        for q in slices[mode]:
            ms, m = get(q, mode)
            lat.append(ms)
            ran[m] = ran.get(m, 0) + 1
        lat.sort()
        pick = lambda f: lat[min(len(lat) - 1, int(f * len(lat)))]
        ran_s = ",".join(f"{k}:{v}" for k, v in sorted(ran.items()))
        print(f"{mode:10} {ran_s:24} {statistics.median(lat):8.2f} {pick(0.9):8.2f} {pick(0.99):8.2f}")


if __name__ == "__main__":
    main()
