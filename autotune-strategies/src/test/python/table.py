"""The development-suite table of docs/strategies.md: median simple regret at 20/30/60 of Optuna's
tpe-mv and autotune's bayesian, their ratio at 20 and 30, and the issue's goals (bayesian at most
0.5x tpe-mv at 30 and 0.8x at 20), from JSON lines of optuna_dev_ref.py and of the bench command.
usage: /usr/bin/python3 table.py OPTUNA.jsonl AUTOTUNE.jsonl"""
import json, sys
from functions_dev import OPTIMA

def median(v):
    v = sorted(v); n = len(v)
    return v[n // 2] if n % 2 else (v[n // 2 - 1] + v[n // 2]) / 2

def regrets(path, sampler):
    runs = {}
    with open(path) as f:
        for line in f:
            if line.startswith("{"):
                r = json.loads(line)
                if r["sampler"] == sampler:
                    runs.setdefault(r["func"], []).append(r["curve"])
    return {func: {k: median([c[k - 1] - OPTIMA[func] for c in cs]) for k in (20, 30, 60)}
            for func, cs in runs.items()}

def ratio(b, t):
    if t == 0:
        return "n/a" if b == 0 else "inf"
    return f"{b / t:.2f}"

tpe_mv, bayes = regrets(sys.argv[1], "tpe-mv"), regrets(sys.argv[2], "bayesian")
print("| function | tpe-mv @20 | @30 | @60 | bayesian @20 | @30 | @60 | ratio @20 | ratio @30 | goals missed |")
print("|---|---|---|---|---|---|---|---|---|---|")
for func in OPTIMA:
    if func not in tpe_mv or func not in bayes:
        continue
    t, b = tpe_mv[func], bayes[func]
    r20, r30 = ratio(b[20], t[20]), ratio(b[30], t[30])
    missed = []
    if r20 != "n/a" and (r20 == "inf" or float(r20) > 0.8):
        missed.append("@20 > 0.8x")
    if r30 != "n/a" and (r30 == "inf" or float(r30) > 0.5):
        missed.append("@30 > 0.5x")
    cells = [f"{t[k]:.4g}" for k in (20, 30, 60)] + [f"{b[k]:.4g}" for k in (20, 30, 60)]
    print(f"| {func} | " + " | ".join(cells) + f" | {r20} | {r30} | {', '.join(missed) or '-'} |")
