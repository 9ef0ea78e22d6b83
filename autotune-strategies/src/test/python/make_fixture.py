"""Writes the fixture that BenchmarkFunctionDevSuiteTest checks the Java port against: values of
functions_dev.py at a few points per function (the minimiser where simple, the centre of the space,
three seeded random points), the noise normals and the noisy observations.
usage (from this folder): /usr/bin/python3 make_fixture.py > ../resources/io/autotune/strategies/bench/functions_dev_values.tsv"""
import math, random
from functions_dev import FUNCS, SPACES, NOISY, noise_normal, observe

rng = random.Random(14)

def draw(spec):
    if spec[0] == "float":
        return rng.uniform(spec[1], spec[2])
    if spec[0] == "int":
        return rng.randint(spec[1], spec[2])
    return rng.choice(spec[1])

def centre(spec):
    if spec[0] == "float":
        return (spec[1] + spec[2]) / 2
    if spec[0] == "int":
        return (spec[1] + spec[2]) // 2
    return spec[1][0]

def params(p):
    return ",".join(f"{k}={v!r}" if not isinstance(v, str) else f"{k}={v}" for k, v in p.items())

print("# kind\tfunc or seed\tparameters or trial\texpected (repr), written by make_fixture.py")
for name, space in SPACES.items():
    points = [{k: centre(s) for k, s in space.items()}] + [{k: draw(s) for k, s in space.items()} for _ in range(3)]
    for p in points:
        print(f"value\t{name}\t{params(p)}\t{FUNCS[name](p)!r}")
    if name in NOISY:
        for seed, trial in [(0, 0), (3, 17), (29, 59)]:
            told, _ = observe(name, points[1], seed, trial)
            print(f"observed\t{name}\t{params(points[1])}\t{told!r}\t{seed}\t{trial}")
for seed, trial in [(0, 0), (0, 1), (1, 0), (7, 42), (29, 59), (2 ** 40 + 7, 3), (2 ** 63 - 1, 123456)]:
    print(f"noise\t{seed}\t{trial}\t{noise_normal(seed, trial)!r}")
