// Parameter importance (api/tasks/{id}/importance): one bar per parameter and objective, the share
// of the objective's variance the parameter explains alone. The server computes it; see
// docs/dashboard.md for the method.
import { el } from './format.js';

/** The bars for each objective, most important parameter first. */
export function importanceBars(importance) {
  return el('div', { id: 'importance' },
    importance.objectives.map(o => el('div', { class: 'importance-objective' },
      el('h3', {}, `${o.metric} (${o.experiments} feasible experiment${o.experiments === 1 ? '' : 's'})`),
      o.note ? el('p', { class: 'empty' }, `Not computed: ${o.note}.`)
        : el('table', { class: 'importance' }, o.parameters.map(bar)))),
    el('p', { class: 'muted small' }, `Share of the variance of each objective's ranks that a parameter explains on its own (${importance.method}).`));
}

function bar(p) {
  const fill = el('div', { class: 'meter-fill' });
  fill.style.width = `${Math.round(p.importance * 1000) / 10}%`;
  return el('tr', { 'data-parameter': p.name, 'data-importance': p.importance },
    el('th', {}, p.name),
    el('td', { class: 'importance-bar' }, el('div', { class: 'meter wide' }, fill)),
    el('td', { class: 'num' }, `${(p.importance * 100).toFixed(1)} %`));
}
