// The view of one task: its summary, best configuration, best-so-far curve and experiments.
import { el, svg, show, formatTime, formatDuration, formatNumber, formatParameters, statusBadge, taskStatusBadge } from './format.js';

/** Draws the task view from api/tasks/{id} and api/tasks/{id}/experiments. */
export function drawTask(detail, experiments) {
  const t = detail.task;
  show('task',
    el('div', { class: 'task-head' },
      el('h1', { id: 'task-name' }, t.name), taskStatusBadge(t)),
    el('p', { class: 'muted' },
      `${t.direction === 'MAXIMIZE' ? 'maximise' : 'minimise'} ${t.metric} · strategy ${t.strategy} · `
      + `${t.finished} of ${t.max_experiments} experiments finished · created ${formatTime(t.created_at)}`
      + (t.owner_dead ? ` · owner ${t.owner} dead, its lease expired ${formatTime(t.lease_expires_at)}` : '')),
    el('div', { class: 'columns' },
      el('section', { class: 'panel' }, el('h2', {}, 'Best configuration'), best(detail),
        el('h3', {}, 'Search space'), space(detail.parameters)),
      el('section', { class: 'panel' }, el('h2', {}, 'Best so far'), curve(detail.best_so_far, t.direction))),
    el('section', { class: 'panel' }, el('h2', {}, 'Experiments'), table(experiments.experiments)));
}

function best(detail) {
  const t = detail.task;
  if (t.best_number === null) return el('p', { class: 'empty' }, 'No experiment has succeeded yet.');
  return el('div', {},
    el('p', {}, 'Experiment ', el('strong', {}, `#${t.best_number}`), ' scored ',
      el('strong', { id: 'best-score' }, formatNumber(t.best_score))),
    el('table', { class: 'kv' }, Object.entries(detail.best_configuration).map(([k, v]) =>
      el('tr', {}, el('th', {}, k), el('td', {}, String(v))))));
}

function space(parameters) {
  return el('table', { class: 'kv' }, parameters.map(p =>
    el('tr', {}, el('th', {}, p.name), el('td', {}, `${p.type} ${p.range}`))));
}

/** Scores of succeeded experiments as dots, the best so far as a step line, failures as crosses. */
function curve(points, direction) {
  const scored = points.filter(p => p.score !== null);
  if (scored.length === 0) return el('p', { class: 'empty' }, 'No scores yet.');
  const width = 520, height = 256, left = 64, right = 16, top = 14, bottom = 56;
  let lo = Math.min(...scored.map(p => p.score)), hi = Math.max(...scored.map(p => p.score));
  if (lo === hi) { lo -= Math.abs(lo) * 0.1 || 1; hi += Math.abs(hi) * 0.1 || 1; }
  const step = niceStep((hi - lo) / 4);
  lo = Math.floor(lo / step) * step;
  hi = Math.ceil(hi / step) * step;
  const n = Math.max(points.length, 2);
  const x = number => left + (number - 1) / (n - 1) * (width - left - right);
  const y = score => top + (hi - score) / (hi - lo) * (height - top - bottom);
  const chart = svg('svg', { class: 'curve', viewBox: `0 0 ${width} ${height}`, width: '100%' });
  for (let value = lo; value <= hi + step / 2; value += step) {
    chart.append(svg('line', { class: 'grid', x1: left, x2: width - right, y1: y(value), y2: y(value) }),
      svg('text', { class: 'tick-label', x: left - 6, y: y(value) + 4, 'text-anchor': 'end' }, formatNumber(Number(value.toPrecision(12)))));
  }
  for (const p of points) {
    if (points.length <= 20 || p.number % Math.ceil(points.length / 10) === 0) {
      chart.append(svg('text', { class: 'tick-label', x: x(p.number), y: height - bottom + 38, 'text-anchor': 'middle' }, p.number));
    }
  }
  chart.append(svg('text', { class: 'axis-title', x: (left + width - right) / 2, y: height - 2, 'text-anchor': 'middle' }, 'experiment'));
  chart.append(svg('line', { class: 'lane', x1: left, x2: width - right, y1: height - bottom + 20, y2: height - bottom + 20 }),
    svg('text', { class: 'lane-label', x: left - 6, y: height - bottom + 24, 'text-anchor': 'end' }, 'failed'));
  const steps = [];
  let previous = null;
  for (const p of points.filter(q => q.best !== null)) {
    if (previous !== null) steps.push(`${x(p.number).toFixed(1)},${y(previous).toFixed(1)}`);
    steps.push(`${x(p.number).toFixed(1)},${y(p.best).toFixed(1)}`);
    previous = p.best;
  }
  chart.append(svg('polyline', { class: 'best-line', points: steps.join(' ') }));
  for (const p of points) {
    if (p.score !== null) {
      chart.append(svg('circle', { class: p.score === p.best ? 'dot best' : 'dot', cx: x(p.number), cy: y(p.score), r: 4 },
        svg('title', {}, `#${p.number}: ${formatNumber(p.score)}`)));
    } else if (p.status === 'FAILED' || p.status === 'TIMED_OUT') {
      const cx = x(p.number), cy = height - bottom + 20;
      chart.append(svg('path', { class: 'cross', d: `M${cx - 3},${cy - 3}L${cx + 3},${cy + 3}M${cx - 3},${cy + 3}L${cx + 3},${cy - 3}` },
        svg('title', {}, `#${p.number}: ${p.status}`)));
    }
  }
  const legend = direction === 'MAXIMIZE' ? 'higher is better' : 'lower is better';
  return el('div', {}, chart, el('p', { class: 'muted small' }, `Dots: scores; line: best so far (${legend}); ×: failed.`));
}

/** A round step (1, 2, 2.5 or 5 times a power of ten) near {@code rough}. */
function niceStep(rough) {
  const power = 10 ** Math.floor(Math.log10(rough));
  const fraction = rough / power;
  return power * (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10);
}

function table(experiments) {
  if (experiments.length === 0) return el('p', { class: 'empty' }, 'No experiments yet.');
  return el('table', { class: 'data', id: 'experiments-table' },
    el('thead', {}, el('tr', {}, ['#', 'Status', 'Started', 'Duration', 'Score', 'Parameters', 'Error'].map(h => el('th', {}, h)))),
    el('tbody', {}, experiments.map(e => el('tr', {},
      el('td', { class: 'num' }, e.number), el('td', {}, statusBadge(e.status)),
      el('td', {}, formatTime(e.started_at || e.created_at)), el('td', { class: 'num' }, formatDuration(e.duration_seconds)),
      el('td', { class: 'num' }, formatNumber(e.score)), el('td', { class: 'params' }, formatParameters(e.parameters)),
      el('td', { class: 'error' }, e.error || '')))));
}
