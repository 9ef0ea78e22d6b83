package io.autotune.worker;

import java.time.Duration;

/** A worker's settings, validated by {@link WorkerBuilder}. */
record WorkerSettings(
    Claims claims,
    int slots,
    Duration leaseTtl,
    Duration pollInterval,
    Duration heartbeatInterval,
    Duration killGrace) {}
