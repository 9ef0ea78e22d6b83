// Two or more tasks on one page (#/compare/ID,ID,...): their best-so-far curves on one chart, their
// Pareto fronts on another (for the first task's first two objectives), and a summary table.
import { el, svg, show, formatNumber, taskStatusBadge } from './format.js';
import { robustAxis } from './scale.js';
import { frontOf, directionOf } from './pareto.js';

const WIDTH = 720, HEIGHT = 340, LEFT = 72, RIGHT = 30, TOP = 14, BOTTOM = 48;
const SERIES = 6;

/** Draws {@code tasks}: a list of {detail, experiments} from api/tasks/{id} and .../experiments. */
export function drawComparison(tasks) {
  const first = tasks[0].detail.task;
  const metric = first.objectives[0].metric;
  const same = tasks.every(x => x.detail.task.objectives[0].metric === metric);
  show('task',
    el('div', { class: 'task-head' }, el('h1', { id: 'compare-title' }, `Comparing ${tasks.length} tasks`)),
    el('section', { class: 'panel' }, el('h2', {}, 'Tasks'), summary(tasks)),
    el('section', { class: 'panel' }, el('h2', {}, `Best so far: ${metric}`),
      same ? bestSoFar(tasks, first) : el('p', { class: 'empty' }, 'The tasks optimise different first objectives.')),
    el('section', { class: 'panel' }, el('h2', {}, 'Pareto fronts'), fronts(tasks, first)));
}

function swatch(i) {
  return el('span', { class: `series-swatch series-${i % SERIES}` });
}

function summary(tasks) {
  return el('table', { class: 'data', id: 'compare-table' },
    el('thead', {}, el('tr', {}, ['', 'Task', 'Status', 'Objectives', 'Experiments', 'Feasible', 'Best', 'Pareto front']
      .map(h => el('th', {}, h)))),
    el('tbody', {}, tasks.map(({ detail }, i) => {
      const t = detail.task;
      return el('tr', {}, el('td', {}, swatch(i)),
        el('td', {}, el('a', { href: `#/tasks/${encodeURIComponent(t.id)}` }, t.name)),
        el('td', {}, taskStatusBadge(t)),
        el('td', {}, t.objectives.map(o => `${o.direction === 'MAXIMIZE' ? 'max' : 'min'} ${o.metric}`).join(', ')),
        el('td', { class: 'num' }, `${t.finished} / ${t.max_experiments}`),
        el('td', { class: 'num' }, `${t.feasible} / ${t.succeeded}`),
        el('td', { class: 'num' }, t.best_number === null ? '–'
          : `${formatNumber(t.best_values[t.objectives[0].metric])} (#${t.best_number})`),
        el('td', { class: 'num' }, t.pareto_front.length));
    })));
}

/** One step line per task through its best feasible value so far, over the experiment number. */
function bestSoFar(tasks, first) {
  const values = tasks.flatMap(x => x.detail.best_so_far.map(p => p.best_value)).filter(Number.isFinite);
  if (values.length === 0) return el('p', { class: 'empty' }, 'No task has a feasible experiment yet.');
  const n = Math.max(2, ...tasks.map(x => x.detail.best_so_far.length));
  const ys = robustAxis(values);
  const x = number => LEFT + (number - 1) / (n - 1) * (WIDTH - LEFT - RIGHT);
  const chart = frame('compare-best', ys, 'experiment', first.objectives[0].metric,
    [1, Math.round(n / 2), n].map(v => [x(v), v]));
  const y = yScale(ys);
  tasks.forEach(({ detail }, i) => {
    const line = [];
    let previous = null;
    for (const p of detail.best_so_far.filter(q => q.best_value !== null)) {
      if (previous !== null) line.push(`${x(p.number).toFixed(1)},${y(previous).toFixed(1)}`);
      line.push(`${x(p.number).toFixed(1)},${y(p.best_value).toFixed(1)}`);
      previous = p.best_value;
    }
    const last = detail.best_so_far.length;
    if (previous !== null && last > 0) line.push(`${x(last).toFixed(1)},${y(previous).toFixed(1)}`);
    chart.append(svg('polyline', { class: `series series-${i % SERIES}`, points: line.join(' '),
      'data-task': detail.task.name }, svg('title', {}, detail.task.name)));
  });
  return el('div', {}, chart, legend(tasks),
    el('p', { class: 'muted small' }, `Each task's best feasible ${first.objectives[0].metric} so far (${directionOf(first.objectives[0].metric, first) === 'MAXIMIZE' ? 'higher' : 'lower'} is better).`));
}

/** Each task's own front of its feasible experiments for the first task's first two objectives. */
function fronts(tasks, first) {
  if (first.objectives.length < 2) {
    return el('p', { class: 'empty' }, `${first.name} has one objective: no front to compare.`);
  }
  const view = { x: first.objectives[0].metric, y: first.objectives[1].metric,
    xDir: first.objectives[0].direction, yDir: first.objectives[1].direction };
  const has = e => e.status === 'SUCCEEDED' && e.feasible !== false && e.metrics
    && Number.isFinite(e.metrics[view.x]) && Number.isFinite(e.metrics[view.y]);
  const perTask = tasks.map(x => frontOf(x.experiments.experiments.filter(has), view));
  const all = perTask.flat();
  if (all.length === 0) return el('p', { class: 'empty' }, `No feasible experiment reported ${view.x} and ${view.y}.`);
  const xs = robustAxis(all.map(e => e.metrics[view.x]));
  const ys = robustAxis(all.map(e => e.metrics[view.y]));
  const x = v => LEFT + (Math.min(xs.hi, Math.max(xs.lo, v)) - xs.lo) / (xs.hi - xs.lo) * (WIDTH - LEFT - RIGHT);
  const xTicks = [];
  for (let v = xs.lo; v <= xs.hi + xs.step / 2; v += xs.step) xTicks.push([x(v), formatNumber(Number(v.toPrecision(12)))]);
  const chart = frame('compare-fronts', ys, view.x, view.y, xTicks);
  const y = yScale(ys);
  perTask.forEach((front, i) => {
    const points = front.map((e, j) => {
      const here = `${x(e.metrics[view.x]).toFixed(1)},${y(e.metrics[view.y]).toFixed(1)}`;
      return j === 0 ? here : `${x(e.metrics[view.x]).toFixed(1)},${y(front[j - 1].metrics[view.y]).toFixed(1)} ${here}`;
    });
    chart.append(svg('polyline', { class: `series series-${i % SERIES}`, points: points.join(' ') }));
    for (const e of front) {
      chart.append(svg('circle', { class: `front-point series-${i % SERIES}`, cx: x(e.metrics[view.x]).toFixed(1),
        cy: y(e.metrics[view.y]).toFixed(1), r: 4, 'data-task': tasks[i].detail.task.name, 'data-number': e.number },
      svg('title', {}, `${tasks[i].detail.task.name} #${e.number}: ${view.x} ${formatNumber(e.metrics[view.x])}, ${view.y} ${formatNumber(e.metrics[view.y])}`)));
    }
  });
  return el('div', {}, chart, legend(tasks),
    el('p', { class: 'muted small' }, `Each task's Pareto front of its feasible experiments for ${view.x} (${view.xDir === 'MAXIMIZE' ? 'max' : 'min'}) and ${view.y} (${view.yDir === 'MAXIMIZE' ? 'max' : 'min'}).`));
}

function yScale(ys) {
  return v => TOP + (ys.hi - Math.min(ys.hi, Math.max(ys.lo, v))) / (ys.hi - ys.lo) * (HEIGHT - BOTTOM - TOP);
}

/** An empty chart with the y grid and labels, the x ticks ([position, label]) and axis titles. */
function frame(id, ys, xTitle, yTitle, xTicks) {
  const y = yScale(ys);
  const plotBottom = HEIGHT - BOTTOM;
  const chart = svg('svg', { class: 'compare', id, viewBox: `0 0 ${WIDTH} ${HEIGHT}`, width: '100%' });
  for (let v = ys.lo; v <= ys.hi + ys.step / 2; v += ys.step) {
    chart.append(svg('line', { class: 'grid', x1: LEFT, x2: WIDTH - RIGHT, y1: y(v), y2: y(v) }),
      svg('text', { class: 'tick-label', x: LEFT - 6, y: y(v) + 4, 'text-anchor': 'end' }, formatNumber(Number(v.toPrecision(12)))));
  }
  for (const [position, label] of xTicks) {
    chart.append(svg('text', { class: 'tick-label', x: position, y: plotBottom + 16, 'text-anchor': 'middle' }, label));
  }
  chart.append(svg('text', { class: 'axis-title', x: (LEFT + WIDTH - RIGHT) / 2, y: HEIGHT - 8, 'text-anchor': 'middle' }, xTitle),
    svg('text', { class: 'axis-title', x: 14, y: (TOP + plotBottom) / 2, 'text-anchor': 'middle',
      transform: `rotate(-90 14 ${(TOP + plotBottom) / 2})` }, yTitle));
  return chart;
}

function legend(tasks) {
  return el('p', { class: 'compare-legend' }, tasks.map(({ detail }, i) =>
    el('span', { class: 'legend-item' }, swatch(i), detail.task.name)));
}
