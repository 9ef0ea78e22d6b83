"""Median simple regret at 10/20/30/40/60 of JSON lines (optuna_dev_ref.py's or the bench
command's), one line per (func, sampler), in shared/bench/README.md's format.
usage: /usr/bin/python3 summarize.py < runs.jsonl"""
import json, sys
from functions_dev import OPTIMA

def median(v):
    v = sorted(v); n = len(v)
    return v[n // 2] if n % 2 else (v[n // 2 - 1] + v[n // 2]) / 2

runs = {}
for line in sys.stdin:
    if line.startswith("{"):
        r = json.loads(line)
        runs.setdefault((r["func"], r["sampler"]), []).append(r)
for (func, sampler), rs in runs.items():
    parts = [f"@{k}:{median([r['curve'][k - 1] - OPTIMA[func] for r in rs]):.4g}" for k in (10, 20, 30, 40, 60)]
    ask = median([r["ask_ms_last10"] for r in rs])
    print(f"{func:22s} {sampler:8s} {' '.join(parts)}  ask_ms(last10)={ask:.2f}  seeds={len(rs)}")
