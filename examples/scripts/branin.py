#!/usr/bin/env python3
"""An experiment for the `command` runner: reads its parameters (here from the environment; they
also come as --name value arguments and as JSON on stdin) and prints its metrics as a JSON object
on the last line of stdout. Branin's function, whose minimum is 0.397887."""
import json, math, os, time

p = json.loads(os.environ["AUTOTUNE_PARAMS"])
x, y = p["x"], p["y"]
b, c, t = 5.1 / (4 * math.pi ** 2), 5 / math.pi, 1 / (8 * math.pi)
value = (y - b * x * x + c * x - 6) ** 2 + 10 * (1 - t) * math.cos(x) + 10
time.sleep(0.05)  # stands in for minutes of benchmarking
print(json.dumps({"value": value, "x_plus_y": x + y}))
