"""The aligner a researcher would script with Python's standard library.

usage: difflib_baseline.py CLAUSES.json [REPEATS]
CLAUSES.json: {"earlier": [[notation, text], ...], "later": [[notation, text], ...]}

Each later clause is paired with the earlier clause of highest
difflib.SequenceMatcher ratio, best pairs first and each clause at most once,
when the ratio reaches 0.6 (difflib's own cutoff for a close match, as in
get_close_matches); a pair whose texts are the same letters and digits is
carried-over, any other revised; a later clause left over is new, an earlier
one dropped. Prints the alignment as TSV (earlier, later, change) and, on
stderr, the seconds the alignment took (best of REPEATS runs).
"""
import difflib
import json
import re
import sys
import time

CUTOFF = 0.6


def squash(text):
    return re.sub(r"[\W_]+", "", text).lower()


def align(earlier, later):
    scores = []
    for j, (_, b) in enumerate(later):
        matcher = difflib.SequenceMatcher(None, b=b, autojunk=False)
        for i, (_, a) in enumerate(earlier):
            matcher.set_seq1(a)
            if matcher.real_quick_ratio() < CUTOFF or matcher.quick_ratio() < CUTOFF:
                continue
            r = matcher.ratio()
            if r >= CUTOFF:
                scores.append((r, i, j))
    scores.sort(key=lambda t: (-t[0], t[1], t[2]))
    used_a, used_b, pairs = set(), set(), {}
    for r, i, j in scores:
        if i not in used_a and j not in used_b:
            used_a.add(i)
            used_b.add(j)
            pairs[j] = i
    rows = []
    for j, (nb, b) in enumerate(later):
        if j in pairs:
            na, a = earlier[pairs[j]]
            rows.append((na, nb, "carried-over" if squash(a) == squash(b) else "revised"))
        else:
            rows.append(("", nb, "new"))
    for i, (na, _) in enumerate(earlier):
        if i not in used_a:
            rows.append((na, "", "dropped"))
    return rows


def main(path, repeats):
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    best = None
    for _ in range(repeats):
        t = time.perf_counter()
        rows = align(data["earlier"], data["later"])
        took = time.perf_counter() - t
        best = took if best is None else min(best, took)
    print("earlier\tlater\tchange")
    for row in rows:
        print("\t".join(row))
    print(f"{best:.6f}", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 1)
