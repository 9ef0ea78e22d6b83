"""Checks OPTIMA in functions_dev.py: refines each function's known minimiser (from VLSE) by a
shrinking-step coordinate search and prints the value found next to the stated optimum.
usage: python3 check_optima.py"""
import math
from functions_dev import FUNCS, OPTIMA

STARTS = {
    "ackley5": [0.0] * 5, "rastrigin4": [0.0] * 4, "levy6": [1.0] * 6, "rosenbrock4": [1.0] * 4,
    "styblinski_tang8": [-2.903534] * 8, "michalewicz5": [2.202906, 1.570796, 1.284992, 1.923058, 1.720470],
    "hartmann3": [0.114614, 0.555649, 0.852547], "six_hump_camel": [0.0898, -0.7126],
    "goldstein_price_log": [0.0, -1.0], "shekel10": [4.0] * 4, "dejong_step5": [-5.1] * 5, "yao_step5": [0.0] * 5,
    "hartmann6_noisy": [0.20169, 0.150011, 0.476874, 0.275332, 0.311652, 0.6573],
    "styblinski_tang8_noisy": [-2.903534] * 8,
}

def refine(f, x):
    best, step = f(x), 1e-2
    while step > 1e-12:
        improved = False
        for i in range(len(x)):
            for s in (step, -step):
                y = list(x); y[i] += s
                v = f(y)
                if v < best:
                    best, x, improved = v, y, True
        if not improved:
            step /= 2
    return best, x

for name, start in STARTS.items():
    f = lambda x, n=name: FUNCS[n]({f"x{i}": v for i, v in enumerate(x)})
    best, x = refine(f, start)
    print(f"{name:24s} found {best!r:24s} stated {OPTIMA[name]!r}")
print(f"{'ackley_mixed':24s} found {FUNCS['ackley_mixed'](dict(x0=5.0, x1=5.0, x2=5.0, x3=5, x4=5, shift='b'))!r}")
