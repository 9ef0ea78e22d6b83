/**
 * API: {@link io.autotune.strategies.bayes.BayesianStrategy} (a Gaussian process with expected
 * improvement and a feasibility model of failures). The rest of the package, the model behind it,
 * is package-private. The strategy is thread-safe.
 */
package io.autotune.strategies.bayes;
