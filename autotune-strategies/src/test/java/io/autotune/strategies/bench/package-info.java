/**
 * Not API and not shipped (test sources, packed in the strategies test-jar for autotune-examples):
 * benchmark functions (Branin, Hartmann6, a serving simulation) and the harness that runs
 * strategies on them. Single-threaded use.
 */
package io.autotune.strategies.bench;
