#!/usr/bin/env python3
"""Distinct searches for bench/search_benchmark.sh, URL-encoded, one a line, from the national
dataset's projects (de_an.csv), as a user types them (with diacritics; some in capitals).

  queries.py <de_an.csv> names <count>   2-3 consecutive words of a project's name, or its code
  queries.py <de_an.csv> words <count>   one word of a name (short, common words: the worst case)
  --plain after them: as typed, not URL-encoded (for build-bench/bench/bench_search)

Deterministic (seeded); no two searches fold to the same text, so the server's list cache never
holds the answer of a later one."""
import csv
import random
import sys
import unicodedata
import urllib.parse


def folded(s):
    s = unicodedata.normalize("NFD", s.lower()).replace("đ", "d")
    return "".join(c for c in s if not unicodedata.combining(c))


def main():
    path, kind, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    plain = sys.argv[4:] == ["--plain"]
    rows = list(csv.DictReader(open(path, encoding="utf-8")))
    rng = random.Random(20261203)
    seen, out = set(), []
    for _ in range(min(count * 50, 300000)):
        if len(out) >= count:
            break
        row = rng.choice(rows)
        words = row["ten"].replace(",", " ").split()
        if kind == "words":
            q = rng.choice(words)
        elif rng.random() < 0.2:
            q = row["ma"]
        else:
            n = rng.choice((2, 3))
            start = rng.randrange(0, max(1, len(words) - n + 1))
            q = " ".join(words[start:start + n])
            if rng.random() < 0.1:
                q = q.upper()
        if folded(q) in seen:
            continue
        seen.add(folded(q))
        out.append(q if plain else urllib.parse.quote(q))
    print("\n".join(out))


main()
