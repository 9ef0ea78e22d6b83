"""Run Optuna 3.1 (Debian python3-optuna) samplers on functions_dev.py; print JSON lines, as
shared/bench/optuna_ref.py does for the public suite.
usage: /usr/bin/python3 optuna_dev_ref.py FUNC SAMPLER SEEDS TRIALS
SAMPLER: tpe | tpe-mv | random. A noisy function is told its noisy value (noise from the seed and
the trial number, 0, 1, ...); the curve is the best noiseless value of the trials so far."""
import json, sys, time, optuna
from functions_dev import SPACES, observe
optuna.logging.set_verbosity(optuna.logging.ERROR)
name, sampler_name, seeds, trials = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
space = SPACES[name]
for seed in range(seeds):
    if sampler_name == "tpe":
        sampler = optuna.samplers.TPESampler(seed=seed)
    elif sampler_name == "tpe-mv":
        sampler = optuna.samplers.TPESampler(seed=seed, multivariate=True, group=True)
    else:
        sampler = optuna.samplers.RandomSampler(seed=seed)
    study = optuna.create_study(direction="minimize", sampler=sampler)
    best, curve, ask_ms = float("inf"), [], []
    for n in range(trials):
        t0 = time.perf_counter()
        tr = study.ask()
        p = {}
        for k, spec in space.items():
            if spec[0] == "float":
                p[k] = tr.suggest_float(k, spec[1], spec[2], log=spec[3])
            elif spec[0] == "int":
                p[k] = tr.suggest_int(k, spec[1], spec[2], log=spec[3])
            else:
                p[k] = tr.suggest_categorical(k, spec[1])
        ask_ms.append((time.perf_counter() - t0) * 1000)
        told, value = observe(name, p, seed, n)
        study.tell(tr, told)
        best = min(best, value)
        curve.append(best)
    print(json.dumps({"func": name, "sampler": sampler_name, "seed": seed, "curve": curve,
                      "ask_ms_median": sorted(ask_ms)[len(ask_ms) // 2], "ask_ms_last10": sum(ask_ms[-10:]) / 10}))
