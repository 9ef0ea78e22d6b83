// A value axis that one outlier cannot flatten: the range covers the values that lie within a few
// robust deviations of the median; the page marks the values outside it at the chart's edge.

/** How many robust deviations from the median a value may lie and still set the axis. */
const FENCE = 5;

/**
 * The axis for {@code values}: {lo, hi, step} on round numbers, covering every value within
 * FENCE scaled median absolute deviations of the median (the smallest non-zero deviation when more
 * than half the values are equal), and only those.
 */
export function robustAxis(values) {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  const middle = median(sorted);
  const deviations = sorted.map(v => Math.abs(v - middle)).sort((a, b) => a - b);
  const spread = 1.4826 * median(deviations) || deviations.find(d => d > 0) || 0;
  const kept = sorted.filter(v => Math.abs(v - middle) <= FENCE * spread);
  let lo = kept[0], hi = kept[kept.length - 1];
  if (lo === hi) { lo -= Math.abs(lo) * 0.1 || 1; hi += Math.abs(hi) * 0.1 || 1; }
  const step = niceStep((hi - lo) / 4);
  return { lo: Math.floor(lo / step) * step, hi: Math.ceil(hi / step) * step, step };
}

function median(sorted) {
  const n = sorted.length;
  return n % 2 === 1 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
}

/** A round step (1, 2, 2.5 or 5 times a power of ten) near {@code rough}. */
function niceStep(rough) {
  const power = 10 ** Math.floor(Math.log10(rough));
  const fraction = rough / power;
  return power * (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10);
}
