// The view of one experiment (#/tasks/{id}/experiments/{n}): its run, configuration, objectives and
// constraints with their slack, the runner's metrics, the GPU summaries, the error and log tail.
import { el, show, formatTime, formatDuration, formatNumber, statusBadge } from './format.js';

/** Draws api/tasks/{id}/experiments/{n}. */
export function drawExperiment(d) {
  const e = d.experiment;
  const taskLink = `#/tasks/${encodeURIComponent(d.task_id)}`;
  show('task',
    el('div', { class: 'task-head' },
      el('h1', { id: 'experiment-title' }, `${d.task_name} #${e.number}`), statusBadge(e.status),
      e.pareto ? el('span', { class: 'badge feasible', title: 'on the Pareto front' }, '◆ Pareto') : null),
    el('p', {}, el('a', { href: taskLink, id: 'experiment-task' }, `← ${d.task_name}`)),
    el('div', { class: 'columns' },
      el('section', { class: 'panel' }, el('h2', {}, 'Run'), kv([
        ['Created', formatTime(e.created_at)], ['Started', formatTime(e.started_at)],
        ['Benchmarking from', formatTime(d.benchmarking_at)], ['Finished', formatTime(e.finished_at)],
        ['Duration', formatDuration(e.duration_seconds)],
        ['Deploying', formatDuration(d.deploying_seconds)], ['Benchmarking', formatDuration(d.benchmarking_seconds)],
        ['Worker', e.worker_id], ['GPUs', e.gpus.length ? e.gpus.join(', ') : '–']], 'experiment-run')),
      el('section', { class: 'panel' }, el('h2', {}, 'Configuration'),
        kv(Object.entries(e.parameters).map(([k, v]) => [k, String(v)]), 'experiment-configuration'))),
    el('div', { class: 'columns' },
      el('section', { class: 'panel' }, el('h2', {}, 'Objectives and constraints'), standing(d)),
      el('section', { class: 'panel' }, el('h2', {}, 'Metrics'),
        metricTable(Object.entries(d.runner_metrics), 'experiment-metrics'))),
    el('section', { class: 'panel' }, el('h2', {}, 'GPUs'), gpus(d)),
    e.error ? el('section', { class: 'panel' }, el('h2', {}, 'Error'),
      el('p', { class: 'error', id: 'experiment-error' }, d.error_message),
      d.log_tail ? el('h3', {}, 'Log tail') : null,
      d.log_tail ? el('pre', { class: 'log', id: 'log-tail' }, d.log_tail) : null) : null);
}

function kv(rows, id) {
  return el('table', { class: 'kv', id }, rows.map(([k, v]) => el('tr', {}, el('th', {}, k), el('td', {}, v))));
}

function metricTable(entries, id) {
  if (entries.length === 0) return el('p', { class: 'empty' }, 'None.');
  return kv(entries.map(([k, v]) => [k, formatNumber(v)]), id);
}

/** Raw objective values, feasibility, and each constraint: actual, threshold, slack. */
function standing(d) {
  const e = d.experiment;
  if (e.objectives === null) return el('p', { class: 'empty' }, 'Not measured: the experiment did not succeed.');
  return el('div', {},
    kv(Object.entries(e.objectives).map(([k, v]) => [k, formatNumber(v)]), 'experiment-objectives'),
    d.constraints.length === 0 ? null : el('table', { class: 'data', id: 'experiment-constraints' },
      el('thead', {}, el('tr', {}, ['Constraint', 'Actual', 'Threshold', 'Slack', ''].map(h => el('th', {}, h)))),
      el('tbody', {}, d.constraints.map(c => el('tr', { class: c.met === false ? 'infeasible' : null },
        el('td', {}, c.metric), el('td', { class: 'num' }, formatNumber(c.actual)),
        el('td', { class: 'num' }, `≤ ${formatNumber(c.threshold)}`),
        el('td', { class: 'num' }, c.slack === null ? '–' : `${c.slack > 0 ? '+' : ''}${Math.round(c.slack * 100)}%`),
        el('td', {}, el('span', { class: `badge ${c.met ? 'feasible' : 'infeasible'}` }, c.met ? 'met' : 'broken')))))));
}

/** The GPU summaries the tuning loop recorded: over the GPUs, then one row per GPU. */
function gpus(d) {
  const summary = Object.entries(d.gpu_summary);
  if (summary.length === 0) return el('p', { class: 'empty' }, 'No GPU samples were recorded for this experiment.');
  const columns = [...new Set(d.per_gpu.flatMap(g => Object.keys(g.metrics)))];
  return el('div', {},
    el('p', { class: 'muted small', id: 'gpu-summary' },
      summary.map(([k, v]) => `${k} ${formatNumber(v)}`).join(' · ')),
    columns.length === 0 ? null : el('table', { class: 'data', id: 'experiment-gpus' },
      el('thead', {}, el('tr', {}, el('th', {}, 'GPU'), columns.map(c => el('th', {}, c)))),
      el('tbody', {}, d.per_gpu.map(g => el('tr', {}, el('td', { class: 'num' }, g.index),
        columns.map(c => el('td', { class: 'num' }, formatNumber(g.metrics[c] ?? null))))))),
    el('p', { class: 'muted small' }, 'Means and maxima of the samples taken while the experiment ran; the samples themselves are not stored.'));
}
