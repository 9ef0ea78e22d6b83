// The trade-off plot: any two metrics of the succeeded experiments against each other, feasible
// points filled, infeasible ones hollow red, and the Pareto front of the feasible points for these
// two metrics as a step line. Hovering a point shows its configuration; a click opens it.
import { el, svg, formatNumber, placeTooltip, MANY_POINTS, dotPath, nearest, pointerIn } from './format.js';
import { robustAxis } from './scale.js';

const WIDTH = 640, HEIGHT = 380, LEFT = 72, RIGHT = 30, TOP = 14, BOTTOM = 52;

/** The metrics the experiments report: objectives first, then constraints, then the rest by name. */
export function metricNames(experiments, t) {
  const names = new Set([...t.objectives.map(o => o.metric), ...t.constraints.map(c => c.metric)]);
  const others = new Set();
  for (const e of experiments) for (const name of Object.keys(e.metrics || {})) others.add(name);
  return [...names, ...[...others].filter(n => !names.has(n)).sort()];
}

/** The direction of a metric: its objective's, else minimise (latencies, memory, cost). */
export function directionOf(metric, t) {
  const o = t.objectives.find(x => x.metric === metric);
  return o ? o.direction : 'MINIMIZE';
}

/**
 * The plot of {@code view.x} against {@code view.y} with selectors that call {@code change(view)};
 * {@code selected} (a Set of numbers, or null) dims the points outside it.
 */
export function paretoPlot(experiments, t, view, change, tooltip, selected, taskLink) {
  const names = metricNames(experiments, t);
  const controls = el('div', { class: 'plot-controls' },
    axisControl('x', names, view, t, change), axisControl('y', names, view, t, change));
  const points = experiments.filter(e => e.status === 'SUCCEEDED' && e.metrics
    && Number.isFinite(e.metrics[view.x]) && Number.isFinite(e.metrics[view.y]));
  if (points.length === 0) {
    return el('div', {}, controls, el('p', { class: 'empty' }, `No experiment reported both ${view.x} and ${view.y}.`));
  }
  const front = frontOf(points.filter(e => e.feasible !== false), view);
  return el('div', {}, controls, chart(points, front, view, tooltip, selected, taskLink),
    el('p', { class: 'muted small' },
      `● feasible, ○ broke a constraint; line and ◆: the Pareto front of the feasible experiments for `
      + `${view.x} (${word(view.xDir)}) and ${view.y} (${word(view.yDir)}): ${front.length} of ${points.length}. `
      + 'Hover a point for its configuration, click it to open it.'));
}

function word(direction) {
  return direction === 'MAXIMIZE' ? 'higher is better' : 'lower is better';
}

function axisControl(axis, names, view, t, change) {
  const metric = el('select', { id: `pareto-${axis}`, 'aria-label': `${axis} metric` },
    names.map(n => el('option', { value: n, selected: n === view[axis] ? 'selected' : null }, n)));
  const direction = el('select', { id: `pareto-${axis}-direction`, 'aria-label': `${axis} direction` },
    [['MAXIMIZE', 'max'], ['MINIMIZE', 'min']].map(([v, label]) =>
      el('option', { value: v, selected: v === view[`${axis}Dir`] ? 'selected' : null }, label)));
  metric.addEventListener('change', () =>
    change({ ...view, [axis]: metric.value, [`${axis}Dir`]: directionOf(metric.value, t) }));
  direction.addEventListener('change', () => change({ ...view, [`${axis}Dir`]: direction.value }));
  return el('label', {}, `${axis}: `, metric, ' ', direction);
}

/** The points no other point beats in both metrics, best x first: one sort and a sweep. */
export function frontOf(points, view) {
  const sx = view.xDir === 'MAXIMIZE' ? -1 : 1, sy = view.yDir === 'MAXIMIZE' ? -1 : 1;
  const sorted = points.map(e => ({ e, x: sx * e.metrics[view.x], y: sy * e.metrics[view.y] }))
    .sort((a, b) => a.x - b.x || a.y - b.y);
  const front = [];
  let bestY = Infinity;
  for (const p of sorted) {
    if (p.y < bestY || (front.length && p.x === front[front.length - 1].x && p.y === bestY)) {
      front.push(p);
      bestY = p.y;
    }
  }
  return front.map(p => p.e);
}

function chart(points, front, view, tooltip, selected, taskLink) {
  const xs = robustAxis(points.map(e => e.metrics[view.x]));
  const ys = robustAxis(points.map(e => e.metrics[view.y]));
  const plotRight = WIDTH - RIGHT, plotBottom = HEIGHT - BOTTOM;
  const clamp = (v, a) => Math.min(a.hi, Math.max(a.lo, v));
  const x = v => LEFT + (clamp(v, xs) - xs.lo) / (xs.hi - xs.lo) * (plotRight - LEFT);
  const y = v => TOP + (ys.hi - clamp(v, ys)) / (ys.hi - ys.lo) * (plotBottom - TOP);
  const chartSvg = svg('svg', { class: 'pareto', id: 'pareto-plot', viewBox: `0 0 ${WIDTH} ${HEIGHT}`, width: '100%',
    'data-points': points.length });
  for (let v = xs.lo; v <= xs.hi + xs.step / 2; v += xs.step) {
    chartSvg.append(svg('line', { class: 'grid', x1: x(v), x2: x(v), y1: TOP, y2: plotBottom }),
      svg('text', { class: 'tick-label', x: x(v), y: plotBottom + 16, 'text-anchor': 'middle' }, formatNumber(Number(v.toPrecision(12)))));
  }
  for (let v = ys.lo; v <= ys.hi + ys.step / 2; v += ys.step) {
    chartSvg.append(svg('line', { class: 'grid', x1: LEFT, x2: plotRight, y1: y(v), y2: y(v) }),
      svg('text', { class: 'tick-label', x: LEFT - 6, y: y(v) + 4, 'text-anchor': 'end' }, formatNumber(Number(v.toPrecision(12)))));
  }
  chartSvg.append(svg('text', { class: 'axis-title', x: (LEFT + plotRight) / 2, y: HEIGHT - 8, 'text-anchor': 'middle' }, view.x),
    svg('text', { class: 'axis-title', x: 14, y: (TOP + plotBottom) / 2, 'text-anchor': 'middle',
      transform: `rotate(-90 14 ${(TOP + plotBottom) / 2})` }, view.y));
  const onFront = new Set(front.map(e => e.number));
  const off = e => e.metrics[view.x] !== clamp(e.metrics[view.x], xs) || e.metrics[view.y] !== clamp(e.metrics[view.y], ys);
  const classOf = e => ['pt', e.feasible === false ? 'infeasible' : 'feasible', onFront.has(e.number) ? 'front' : null,
    off(e) ? 'off-scale' : null, selected && !selected.has(e.number) ? 'dimmed' : null].filter(c => c).join(' ');
  const many = points.length > MANY_POINTS;
  const xy = points.map(e => [x(e.metrics[view.x]), y(e.metrics[view.y])]);
  if (many) {
    // one path per kind; the front's few points stay elements, drawn on top
    const kinds = new Map();
    points.forEach((e, i) => {
      if (onFront.has(e.number)) return;
      const cls = classOf(e);
      if (!kinds.has(cls)) kinds.set(cls, []);
      kinds.get(cls).push(xy[i]);
    });
    for (const [cls, at] of kinds) chartSvg.append(svg('path', { class: `${cls} dots`, d: dotPath(at, 3), 'data-dots': at.length }));
  }
  points.forEach((e, i) => {
    if (many && !onFront.has(e.number)) return;
    chartSvg.append(svg('circle', { class: classOf(e), cx: xy[i][0].toFixed(1), cy: xy[i][1].toFixed(1),
      r: onFront.has(e.number) ? 5 : 3.5, 'data-number': e.number }));
  });
  chartSvg.append(svg('polyline', { class: 'front-line', points: front.map((e, i) => {
    const here = `${x(e.metrics[view.x]).toFixed(1)},${y(e.metrics[view.y]).toFixed(1)}`;
    return i === 0 ? here : `${x(e.metrics[view.x]).toFixed(1)},${y(front[i - 1].metrics[view.y]).toFixed(1)} ${here}`;
  }).join(' ') }));
  const byNumber = new Map(points.map(e => [e.number, e]));
  const under = event => {
    const target = event.target.closest ? event.target.closest('[data-number]') : null;
    if (target) return byNumber.get(Number(target.getAttribute('data-number')));
    if (!many) return null;
    const [px, py] = pointerIn(chartSvg, event);
    const i = nearest(xy, px, py, 6);
    return i < 0 ? null : points[i];
  };
  chartSvg.addEventListener('mousemove', event => {
    const e = under(event);
    if (!e) { tooltip.hidden = true; return; }
    placeTooltip(tooltip, `#${e.number}${onFront.has(e.number) ? ' ◆ Pareto' : ''}${e.feasible === false ? ' (infeasible)' : ''}`,
      [[view.x, formatNumber(e.metrics[view.x])], [view.y, formatNumber(e.metrics[view.y])],
        ...Object.entries(e.parameters).map(([k, v]) => [k, String(v)])], event);
  });
  chartSvg.addEventListener('mouseleave', () => { tooltip.hidden = true; });
  chartSvg.addEventListener('click', event => {
    const e = under(event);
    if (e) location.hash = taskLink(e.number);
  });
  return chartSvg;
}
