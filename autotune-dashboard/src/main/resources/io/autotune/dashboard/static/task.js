// The view of one task: its summary, best configuration, best-so-far curve and experiments. Values
// are the raw objective values the runner measured; the penalised score shows only where legacy
// penalty SLOs can move it.
import { el, svg, show, formatTime, formatDuration, formatNumber, formatParameters, statusBadge, taskStatusBadge,
  placeTooltip, MANY_POINTS, dotPath, nearest, pointerIn } from './format.js';
import { paretoPlot, metricNames, directionOf } from './pareto.js';
import { axesOf, selection, parallelPlot, metricSelect, brushing } from './parallel.js';
import { robustAxis } from './scale.js';
import { importanceBars } from './importance.js';

/** The most rows the experiment table shows; the CSV has them all. */
const MAX_ROWS = 200;

/** Per task: the Pareto plot's metrics, the parallel coordinates' metric and brushes. */
const views = new Map();
let last = null;

/** Draws the task view from api/tasks/{id}, .../experiments and .../importance. */
export function drawTask(detail, experiments, importance, download) {
  last = { detail, experiments: experiments.experiments, importance, download };
  render();
}

/** Whether the user is drawing a brush, when a refresh would get in the way. */
export function taskBusy() {
  return brushing();
}

function viewOf(t, experiments) {
  if (!views.has(t.id)) {
    const names = metricNames(experiments, t);
    const x = t.objectives[0].metric;
    const y = t.objectives.length > 1 ? t.objectives[1].metric : names.find(n => n !== x) || x;
    views.set(t.id, { x, y, xDir: directionOf(x, t), yDir: directionOf(y, t), metric: x, brushes: {} });
  }
  return views.get(t.id);
}

function render() {
  const { detail, experiments, importance, download } = last;
  const t = detail.task;
  const view = viewOf(t, experiments);
  const update = changes => { Object.assign(view, changes); render(); };
  const axes = axesOf(experiments, detail.parameters, view.metric);
  const chosen = selection(experiments, axes, view.brushes);
  const brushed = Object.keys(view.brushes).length > 0;
  const selected = brushed ? new Set(chosen.map(e => e.number)) : null;
  const link = number => `#/tasks/${encodeURIComponent(t.id)}/experiments/${number}`;
  const tooltip = document.getElementById('tooltip');
  show('task',
    el('div', { class: 'task-head' },
      el('h1', { id: 'task-name' }, t.name), taskStatusBadge(t)),
    el('p', { class: 'muted', id: 'task-goal' },
      `${goal(t)} · strategy ${t.strategy} · `
      + `${t.finished} of ${t.max_experiments} experiments finished · created ${formatTime(t.created_at)}`
      + (t.owner_dead ? ` · owner ${t.owner} dead, its lease expired ${formatTime(t.lease_expires_at)}` : '')),
    el('div', { class: 'columns' },
      el('section', { class: 'panel' }, el('h2', {}, 'Best configuration'), best(detail),
        confirmed(detail.confirmed, t), el('h3', {}, 'Search space'), space(detail.parameters)),
      el('section', { class: 'panel' }, el('h2', {}, 'Best so far'), curve(detail.best_so_far, t))),
    el('div', { class: 'columns' },
      el('section', { class: 'panel' }, el('h2', {}, 'Trade-off'),
        paretoPlot(experiments, t, view, v => update(v), tooltip, selected, link)),
      el('section', { class: 'panel' }, el('h2', {}, 'Parameter importance'), importanceBars(importance))),
    el('section', { class: 'panel' },
      el('div', { class: 'panel-head' }, el('h2', {}, 'Parallel coordinates'),
        metricSelect(metricNames(experiments, t), view.metric, metric => update({ metric, brushes: {} }))),
      el('div', { class: 'chart-scroll' }, parallelPlot(experiments, axes, view.brushes, selected || new Set(),
        (name, range) => {
          const brushes = { ...view.brushes };
          if (range) brushes[name] = range; else delete brushes[name];
          update({ brushes });
        })),
      el('p', { class: 'muted small' }, 'Drag along an axis to select a range; the table below shows the experiments inside every selected range. '
        + 'A click on an axis clears its range. Blue: feasible, red: broke a constraint.')),
    el('section', { class: 'panel' },
      el('div', { class: 'panel-head' }, el('h2', {}, 'Experiments'), exportButtons(download)),
      tableNote(experiments.length, chosen.length, brushed, () => update({ brushes: {} })),
      table(chosen.slice(0, MAX_ROWS), t),
      t.objectives.length > 1 ? el('p', { class: 'muted small' },
        '◆: on the Pareto front (feasible, and no feasible experiment is at least as good in every objective and better in one).') : null));
}

/** "Showing 12 of 200 experiments: inside the brushed ranges. [clear]", and the row cap. */
function tableNote(total, matching, brushed, clear) {
  if (!brushed && total <= MAX_ROWS) return null;
  const button = brushed ? el('button', { type: 'button', id: 'clear-brushes' }, 'clear the selection') : null;
  if (button) button.addEventListener('click', clear);
  return el('p', { class: 'note', id: 'table-note' },
    brushed ? `${matching} of ${total} experiments inside the selected ranges` : `${total} experiments`,
    matching > MAX_ROWS ? `; showing the first ${MAX_ROWS} (the CSV has them all)` : '',
    '. ', button);
}

/** CSV and JSON buttons that save the task's experiments (api/tasks/{id}/experiments.csv, .json). */
function exportButtons(download) {
  return el('div', { class: 'export' }, ['csv', 'json'].map(format => {
    const button = el('button', { type: 'button', id: `export-${format}`, title: `Save the experiments as ${format.toUpperCase()}` },
      format.toUpperCase());
    button.addEventListener('click', () => download(format));
    return button;
  }));
}

/** "maximise throughput, minimise tpot subject to ttft_p90 ≤ 0.2". */
function goal(t) {
  const objectives = t.objectives.map(o => `${o.direction === 'MAXIMIZE' ? 'maximise' : 'minimise'} ${o.metric}`);
  const constraints = t.constraints.map(c => `${c.metric} ≤ ${formatNumber(c.threshold)}`);
  return objectives.join(', ') + (constraints.length ? ` subject to ${constraints.join(', ')}` : '');
}

function best(detail) {
  const t = detail.task;
  const counts = el('p', { class: 'muted small', id: 'feasible-count' },
    t.constraints.length ? `${t.feasible} of ${t.succeeded} succeeded experiments met the constraints.` : '');
  if (t.best_number === null) {
    return el('div', {}, el('p', { class: 'empty' },
      t.succeeded > 0 ? 'No experiment has met the constraints yet.' : 'No experiment has succeeded yet.'), counts);
  }
  const first = t.objectives[0].metric;
  const others = t.objectives.slice(1).map(o => `, ${o.metric} ${formatNumber(t.best_values[o.metric])}`);
  return el('div', {},
    el('p', {}, 'Experiment ', el('strong', {}, `#${t.best_number}`), ` reached ${first} `,
      el('strong', { id: 'best-score' }, formatNumber(t.best_values[first])), ...others,
      t.penalty_slos ? ` (score ${formatNumber(t.best_score)} with the SLO penalty)` : ''),
    counts,
    t.objectives.length > 1
      ? el('p', { id: 'pareto-front' }, 'Pareto front: ', t.pareto_front.map(n => `#${n}`).join(', ')) : null,
    el('table', { class: 'kv' }, Object.entries(detail.best_configuration).map(([k, v]) =>
      el('tr', {}, el('th', {}, k), el('td', {}, String(v))))));
}

// the configurations that confirmation runs repeated, the pick first (optimization.confirm_best)
function confirmed(rows, t) {
  if (!rows || rows.length === 0) return null;
  const metric = t.objectives[0].metric;
  return el('div', { id: 'confirmed' },
    el('h3', {}, 'Confirmation runs'),
    el('table', {},
      el('tr', {}, ['configuration', 'runs', 'feasible', `${metric} mean`, '± 95 %'].map(h => el('th', {}, h))),
      rows.map(c => el('tr', {},
        el('td', {}, Object.entries(c.configuration).map(([k, v]) => `${k}=${v}`).join(', ')),
        el('td', { class: 'num' }, c.experiments.map(n => `#${n}`).join(' ')),
        el('td', { class: 'num' }, `${c.feasible_runs}/${c.experiments.length}`),
        el('td', { class: 'num' }, c.mean === null ? '-' : formatNumber(c.mean)),
        el('td', { class: 'num' }, c.half_width95 === null ? '-' : formatNumber(c.half_width95))))));
}

function space(parameters) {
  return el('table', { class: 'kv' }, parameters.map(p =>
    el('tr', {}, el('th', {}, p.name), el('td', {}, `${p.type} ${p.range}`))));
}

/**
 * The first objective's raw values as dots (hollow when infeasible), the best feasible value so far
 * as a step line, failures as crosses. The axis is robust: a value far outside the others is drawn
 * as a triangle at the edge, with its value in the tooltip, instead of squeezing them flat.
 */
function curve(points, t) {
  const measured = points.filter(p => p.value !== null);
  if (measured.length === 0) return el('p', { class: 'empty' }, 'No values yet.');
  const width = 520, height = 256, left = 64, right = 16, top = 14, bottom = 56;
  const { lo, hi, step } = robustAxis(measured.map(p => p.value));
  const plotBottom = height - bottom;
  const n = Math.max(points.length, 2);
  const x = number => left + (number - 1) / (n - 1) * (width - left - right);
  const y = value => top + (hi - Math.min(hi, Math.max(lo, value))) / (hi - lo) * (plotBottom - top);
  const chart = svg('svg', { class: 'curve', viewBox: `0 0 ${width} ${height}`, width: '100%',
    'data-plot-top': top, 'data-plot-bottom': plotBottom });
  for (let value = lo; value <= hi + step / 2; value += step) {
    chart.append(svg('line', { class: 'grid', x1: left, x2: width - right, y1: y(value), y2: y(value) }),
      svg('text', { class: 'tick-label', x: left - 6, y: y(value) + 4, 'text-anchor': 'end' }, formatNumber(Number(value.toPrecision(12)))));
  }
  for (const p of points) {
    if (points.length <= 20 || p.number % Math.ceil(points.length / 10) === 0) {
      chart.append(svg('text', { class: 'tick-label', x: x(p.number), y: plotBottom + 38, 'text-anchor': 'middle' }, p.number));
    }
  }
  chart.append(svg('text', { class: 'axis-title', x: (left + width - right) / 2, y: height - 2, 'text-anchor': 'middle' }, 'experiment'));
  chart.append(svg('line', { class: 'lane', x1: left, x2: width - right, y1: plotBottom + 20, y2: plotBottom + 20 }),
    svg('text', { class: 'lane-label', x: left - 6, y: plotBottom + 24, 'text-anchor': 'end' }, 'failed'));
  chart.append(svg('polyline', { class: 'best-line', points: steps(points, x, y) }));
  const off = [];
  const many = points.length > MANY_POINTS;
  const dots = new Map(), crosses = [], shown = [];
  for (const p of points) {
    if (p.value !== null && (p.value > hi || p.value < lo)) {
      off.push(p);
      chart.append(offScale(p, x(p.number), p.value > hi ? top : plotBottom, p.value > hi));
    } else if (p.value !== null) {
      const best = p.feasible && p.best_value === p.value;
      const cls = `dot${best ? ' best' : ''}${p.feasible ? '' : ' infeasible'}`;
      shown.push(p);
      if (many) {
        if (!dots.has(cls)) dots.set(cls, []);
        dots.get(cls).push([x(p.number), y(p.value)]);
        continue;
      }
      chart.append(svg('circle', { class: cls, cx: x(p.number), cy: y(p.value), r: 4, 'data-number': p.number },
        svg('title', {}, `#${p.number}: ${formatNumber(p.value)}${p.feasible ? '' : ' (infeasible)'}`)));
    } else if (p.status === 'FAILED' || p.status === 'TIMED_OUT') {
      const cx = x(p.number), cy = plotBottom + 20;
      const d = `M${cx - 3},${cy - 3}L${cx + 3},${cy + 3}M${cx - 3},${cy + 3}L${cx + 3},${cy - 3}`;
      if (many) { crosses.push(d); continue; }
      chart.append(svg('path', { class: 'cross', d }, svg('title', {}, `#${p.number}: ${p.status}`)));
    }
  }
  if (many) {
    // thousands of experiments: one path per kind, and the tooltip finds the dot under the pointer
    for (const [cls, at] of dots) chart.append(svg('path', { class: `${cls} dots`, d: dotPath(at, 2.5), 'data-dots': at.length }));
    chart.append(svg('path', { class: 'cross', d: crosses.join('') || 'M0,0' }));
    const xy = shown.map(p => [x(p.number), y(p.value)]);
    const tooltip = document.getElementById('tooltip');
    chart.addEventListener('mousemove', event => {
      const [px, py] = pointerIn(chart, event);
      const i = nearest(xy, px, py, 5);
      if (i < 0) { tooltip.hidden = true; return; }
      const p = shown[i];
      placeTooltip(tooltip, `#${p.number}${p.feasible ? '' : ' (infeasible)'}`, [[t.objectives[0].metric, formatNumber(p.value)]], event);
    });
    chart.addEventListener('mouseleave', () => { tooltip.hidden = true; });
  }
  const o = t.objectives[0];
  const legend = o.direction === 'MAXIMIZE' ? 'higher is better' : 'lower is better';
  return el('div', {}, chart,
    el('p', { class: 'muted small' }, `Dots: ${o.metric} as measured, hollow when a constraint was broken; `
      + `line: best feasible so far (${legend}); ×: failed.`),
    off.length ? el('p', { class: 'muted small', id: 'off-scale' },
      `▲▼: ${off.length} value${off.length === 1 ? '' : 's'} off the scale (`
      + off.map(p => `#${p.number} ${formatNumber(p.value)}`).join(', ') + ')') : null);
}

/** The step line through the best feasible value so far, clipped to the axis like the dots. */
function steps(points, x, y) {
  const line = [];
  let previous = null;
  for (const p of points.filter(q => q.best_value !== null)) {
    if (previous !== null) line.push(`${x(p.number).toFixed(1)},${y(previous).toFixed(1)}`);
    line.push(`${x(p.number).toFixed(1)},${y(p.best_value).toFixed(1)}`);
    previous = p.best_value;
  }
  return line.join(' ');
}

/** A triangle on the plot's edge, pointing the way the value lies. */
function offScale(p, cx, cy, above) {
  const d = above ? `M${cx},${cy - 5}L${cx + 5},${cy + 4}L${cx - 5},${cy + 4}Z`
    : `M${cx},${cy + 5}L${cx + 5},${cy - 4}L${cx - 5},${cy - 4}Z`;
  return svg('path', { class: `off-scale${p.feasible ? '' : ' infeasible'}`, d, 'data-number': p.number },
    svg('title', {}, `#${p.number}: ${formatNumber(p.value)}, off the scale${p.feasible ? '' : ' (infeasible)'}`));
}

function table(experiments, t) {
  if (experiments.length === 0) return el('p', { class: 'empty' }, 'No experiments yet.');
  const several = t.objectives.length > 1;
  const constrained = t.constraints.length > 0;
  const headers = ['#', 'Status', 'Started', 'Duration',
    ...t.objectives.map(o => `${o.metric} (${o.direction === 'MAXIMIZE' ? 'max' : 'min'})`),
    t.penalty_slos ? 'Score' : null, constrained ? 'Feasible' : null, constrained ? 'Slack' : null,
    'Parameters', 'Error'].filter(h => h !== null);
  return el('table', { class: 'data', id: 'experiments-table' },
    el('thead', {}, el('tr', {}, headers.map(h => el('th', {}, h)))),
    el('tbody', {}, experiments.map(e => el('tr', { class: rowClass(e, several) },
      el('td', { class: 'num' }, el('a', { href: `#/tasks/${encodeURIComponent(t.id)}/experiments/${e.number}`, class: 'experiment-link' }, e.number),
        several && e.pareto ? el('span', { class: 'pareto-mark', title: 'on the Pareto front' }, ' ◆') : null),
      el('td', {}, statusBadge(e.status)),
      el('td', {}, formatTime(e.started_at || e.created_at)), el('td', { class: 'num' }, formatDuration(e.duration_seconds)),
      t.objectives.map(o => el('td', { class: 'num value' }, formatNumber(e.objectives ? e.objectives[o.metric] : null))),
      t.penalty_slos ? el('td', { class: 'num' }, formatNumber(e.score)) : null,
      constrained ? el('td', {}, feasibility(e, t)) : null,
      constrained ? el('td', { class: 'slack' }, slack(e, t).join(', ')) : null,
      el('td', { class: 'params' }, formatParameters(e.parameters)),
      el('td', { class: 'error' }, e.error || '')))));
}

function rowClass(e, several) {
  return [e.feasible === false ? 'infeasible' : null, several && e.pareto ? 'pareto' : null]
    .filter(c => c !== null).join(' ') || null;
}

function feasibility(e, t) {
  if (e.feasible === null) return '–';
  return el('span', { class: `badge ${e.feasible ? 'feasible' : 'infeasible'}`, title: slack(e, t).join('\n') },
    e.feasible ? 'yes' : 'infeasible');
}

/** "ttft_p90 0.25 > 0.2 (slack −25%)" for each constraint, as the CLI says it. */
function slack(e, t) {
  if (e.slack === null) return [];
  return t.constraints.map(c => {
    const actual = e.metrics[c.metric];
    const percent = Math.round(e.slack[c.metric] * 100);
    return `${c.metric} ${formatNumber(actual)} ${actual > c.threshold ? '>' : '≤'} ${formatNumber(c.threshold)}`
      + ` (slack ${percent > 0 ? '+' : ''}${percent}%)`;
  });
}
