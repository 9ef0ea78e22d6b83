"""The development suite of the strategies benchmark (minimise): standard test functions of 2-10
dimensions from the literature, in the shape of shared/bench/functions.py (SPACES, functions,
OPTIMA), for porting to Java (io.autotune.strategies.bench.BenchmarkFunction) and for Optuna
references (optuna_dev_ref.py).

Space entries: ("float", lo, hi, log) | ("int", lo, hi, log) | ("cat", [values]).
Sources: Surjanovic & Bingham, Virtual Library of Simulation Experiments (VLSE,
https://www.sfu.ca/~ssurjano/optimization.html) for the formulas, domains and optima unless noted.

Noisy functions (NOISY) are observed as value * (1 + 0.05 z), z a standard normal drawn from
(seed, trial) by noise_normal below (the same bits in Java); simple regret is measured on the
noiseless value.
"""
import math

def ackley(x, a=20.0, b=0.2, c=2 * math.pi):  # VLSE; optimum 0 at x = 0
    d = len(x)
    s1 = sum(v * v for v in x)
    s2 = sum(math.cos(c * v) for v in x)
    return -a * math.exp(-b * math.sqrt(s1 / d)) - math.exp(s2 / d) + a + math.e

def rastrigin(x):  # VLSE; optimum 0 at x = 0
    return 10 * len(x) + sum(v * v - 10 * math.cos(2 * math.pi * v) for v in x)

def levy(x):  # VLSE; optimum 0 at x = 1
    w = [1 + (v - 1) / 4 for v in x]
    total = math.sin(math.pi * w[0]) ** 2
    for wi in w[:-1]:
        total += (wi - 1) ** 2 * (1 + 10 * math.sin(math.pi * wi + 1) ** 2)
    return total + (w[-1] - 1) ** 2 * (1 + math.sin(2 * math.pi * w[-1]) ** 2)

def rosenbrock(x):  # VLSE (domain [-5, 10]); optimum 0 at x = 1
    return sum(100 * (x[i + 1] - x[i] ** 2) ** 2 + (x[i] - 1) ** 2 for i in range(len(x) - 1))

def styblinski_tang(x):  # VLSE; optimum -39.16616570377142 d at x = -2.903534...
    return sum(v ** 4 - 16 * v * v + 5 * v for v in x) / 2

def michalewicz(x, m=10):  # VLSE; d = 5: optimum -4.687658
    return -sum(math.sin(v) * math.sin((i + 1) * v * v / math.pi) ** (2 * m) for i, v in enumerate(x))

H3_A = [[3.0, 10, 30], [0.1, 10, 35], [3.0, 10, 30], [0.1, 10, 35]]
H3_P = [[3689, 1170, 2673], [4699, 4387, 7470], [1091, 8732, 5547], [381, 5743, 8828]]
H3_ALPHA = [1.0, 1.2, 3.0, 3.2]

def hartmann3(x):  # VLSE; optimum -3.86278 at (0.114614, 0.555649, 0.852547)
    return -sum(H3_ALPHA[i] * math.exp(-sum(H3_A[i][j] * (x[j] - H3_P[i][j] * 1e-4) ** 2 for j in range(3)))
                for i in range(4))

H6_A = [[10, 3, 17, 3.5, 1.7, 8], [0.05, 10, 17, 0.1, 8, 14], [3, 3.5, 1.7, 10, 17, 8], [17, 8, 0.05, 10, 0.1, 14]]
H6_P = [[1312, 1696, 5569, 124, 8283, 5886], [2329, 4135, 8307, 3736, 1004, 9991],
        [2348, 1451, 3522, 2883, 3047, 6650], [4047, 8828, 8732, 5743, 1091, 381]]
H6_ALPHA = [1.0, 1.2, 3.0, 3.2]

def hartmann6(x):  # as shared/bench/functions.py; optimum -3.32237
    return -sum(H6_ALPHA[i] * math.exp(-sum(H6_A[i][j] * (x[j] - H6_P[i][j] * 1e-4) ** 2 for j in range(6)))
                for i in range(4))

def six_hump_camel(x):  # VLSE; optimum -1.0316284534898774 at (+-0.0898, -+0.7126)
    x1, x2 = x
    return (4 - 2.1 * x1 * x1 + x1 ** 4 / 3) * x1 * x1 + x1 * x2 + (-4 + 4 * x2 * x2) * x2 * x2

def goldstein_price_log(x):  # ln of VLSE's Goldstein-Price; optimum ln 3 at (0, -1)
    x1, x2 = x
    a = 1 + (x1 + x2 + 1) ** 2 * (19 - 14 * x1 + 3 * x1 * x1 - 14 * x2 + 6 * x1 * x2 + 3 * x2 * x2)
    b = 30 + (2 * x1 - 3 * x2) ** 2 * (18 - 32 * x1 + 12 * x1 * x1 + 48 * x2 - 36 * x1 * x2 + 27 * x2 * x2)
    return math.log(a * b)

SHEKEL_BETA = [0.1, 0.2, 0.2, 0.4, 0.4, 0.6, 0.3, 0.7, 0.5, 0.5]
SHEKEL_C = [[4.0, 1, 8, 6, 3, 2, 5, 8, 6, 7], [4.0, 1, 8, 6, 7, 9, 3, 1, 2, 3.6],
            [4.0, 1, 8, 6, 3, 2, 5, 8, 6, 7], [4.0, 1, 8, 6, 7, 9, 3, 1, 2, 3.6]]

def shekel10(x):  # VLSE, m = 10; optimum -10.5364 near x = 4
    return -sum(1 / (sum((x[j] - SHEKEL_C[j][i]) ** 2 for j in range(4)) + SHEKEL_BETA[i]) for i in range(10))

def step(x):  # De Jong (1975) F3, the step function: plateaus of width 1; optimum -5 d on [-5.12, -5)
    return float(sum(math.floor(v) for v in x))  # (a corner of the box)

def yao_step(x):  # Yao, Liu & Lin (1999) f6, the step function; optimum 0 on [-0.5, 0.5)^d
    return float(sum(math.floor(v + 0.5) ** 2 for v in x))

# A mixed space: Ackley whose optimum moves with a categorical choice (shift) and which adds a
# per-category bias; two of the five coordinates are integers. Optimum 0 at shift "b", x = 5.
ACKLEY_MIXED_SHIFT = {"a": 0.0, "b": 5.0, "c": -8.0, "d": 12.0}
ACKLEY_MIXED_BIAS = {"a": 0.5, "b": 0.0, "c": 1.0, "d": 2.0}

def ackley_mixed(p):
    c = p["shift"]
    return ackley([p[f"x{i}"] - ACKLEY_MIXED_SHIFT[c] for i in range(5)]) + ACKLEY_MIXED_BIAS[c]

def _vector(fn, d):
    return lambda p: fn([p[f"x{i}"] for i in range(d)])

def _box(d, lo, hi):
    return {f"x{i}": ("float", lo, hi, False) for i in range(d)}

FUNCS = {
    "ackley5": _vector(ackley, 5),
    "rastrigin4": _vector(rastrigin, 4),
    "levy6": _vector(levy, 6),
    "rosenbrock4": _vector(rosenbrock, 4),
    "styblinski_tang8": _vector(styblinski_tang, 8),
    "michalewicz5": _vector(michalewicz, 5),
    "hartmann3": _vector(hartmann3, 3),
    "six_hump_camel": _vector(six_hump_camel, 2),
    "goldstein_price_log": _vector(goldstein_price_log, 2),
    "shekel10": _vector(shekel10, 4),
    "dejong_step5": _vector(step, 5),
    "yao_step5": _vector(yao_step, 5),
    "ackley_mixed": ackley_mixed,
    "hartmann6_noisy": _vector(hartmann6, 6),
    "styblinski_tang8_noisy": _vector(styblinski_tang, 8),
}

SPACES = {
    "ackley5": _box(5, -32.768, 32.768),
    "rastrigin4": _box(4, -5.12, 5.12),
    "levy6": _box(6, -10, 10),
    "rosenbrock4": _box(4, -5, 10),
    "styblinski_tang8": _box(8, -5, 5),
    "michalewicz5": _box(5, 0, math.pi),
    "hartmann3": _box(3, 0, 1),
    "six_hump_camel": {"x0": ("float", -3, 3, False), "x1": ("float", -2, 2, False)},
    "goldstein_price_log": _box(2, -2, 2),
    "shekel10": _box(4, 0, 10),
    "dejong_step5": _box(5, -5.12, 5.12),
    "yao_step5": _box(5, -100, 100),
    "ackley_mixed": {**_box(3, -32.768, 32.768), "x3": ("int", -32, 32, False), "x4": ("int", -32, 32, False),
                     "shift": ("cat", ["a", "b", "c", "d"])},
    "hartmann6_noisy": _box(6, 0, 1),
    "styblinski_tang8_noisy": _box(8, -5, 5),
}

# Known optima: VLSE's, refined to full precision by a local search from VLSE's minimiser where
# VLSE gives fewer digits (check_optima.py); hartmann6_noisy keeps shared/bench's -3.32237.
OPTIMA = {
    "ackley5": 0.0,
    "rastrigin4": 0.0,
    "levy6": 0.0,
    "rosenbrock4": 0.0,
    "styblinski_tang8": -313.32932563017124,
    "michalewicz5": -4.6876581790881495,
    "hartmann3": -3.862779787332663,
    "six_hump_camel": -1.0316284534898774,
    "goldstein_price_log": math.log(3.0),
    "shekel10": -10.536443153483532,
    "dejong_step5": -30.0,
    "yao_step5": 0.0,
    "ackley_mixed": 0.0,
    "hartmann6_noisy": -3.32237,
    "styblinski_tang8_noisy": -313.32932563017124,
}

NOISY = {"hartmann6_noisy": 0.05, "styblinski_tang8_noisy": 0.05}

MASK = (1 << 64) - 1

def _mix(z):  # SplitMix64's output function, on the state advanced by its golden-ratio increment
    z = (z + 0x9E3779B97F4A7C15) & MASK
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
    return z ^ (z >> 31)

def noise_normal(seed, trial):
    """A standard normal from (seed, trial number 0, 1, ...), by Box-Muller on two SplitMix64 words."""
    a = _mix(_mix(seed & MASK) ^ trial)
    b = _mix(a)
    u1 = ((a >> 11) + 1) / 2.0 ** 53
    u2 = (b >> 11) / 2.0 ** 53
    return math.sqrt(-2 * math.log(u1)) * math.cos(2 * math.pi * u2)

def observe(name, p, seed, trial):
    """(value told to the optimiser, noiseless value for regret)."""
    value = FUNCS[name](p)
    noise = NOISY.get(name, 0.0)
    return (value * (1 + noise * noise_normal(seed, trial)) if noise else value), value
