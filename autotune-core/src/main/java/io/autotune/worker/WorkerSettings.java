package io.autotune.worker;

import java.time.Duration;

/** A worker's settings, validated by {@link WorkerBuilder}. */
record WorkerSettings(
    int slots,
    Duration leaseTtl,
    Duration pollInterval,
    Duration heartbeatInterval,
    Duration killGrace) {}
