// Parallel coordinates: one vertical axis per parameter and one for the chosen metric, one line per
// experiment that reported it. Dragging along an axis brushes a range; the experiments inside every
// brushed range are the selection, which filters the experiment table. The lines are drawn as a
// few paths (not one element per experiment), so that 10,000 experiments stay quick.
import { el, svg, formatNumber } from './format.js';
import { robustAxis } from './scale.js';

const HEIGHT = 300, TOP = 28, BOTTOM = 36, AXIS_GAP = 150, SIDE = 60;

/**
 * The axes of {@code parameters} (from api/tasks/{id}) and {@code metric}: each maps an experiment
 * to a position from 0 (bottom) to 1 (top), or null when it has no value there.
 */
export function axesOf(experiments, parameters, metric) {
  const axes = parameters.map(p => parameterAxis(experiments, p));
  axes.push(metricAxis(experiments, metric));
  return axes;
}

function parameterAxis(experiments, p) {
  const values = experiments.map(e => e.parameters[p.name]).filter(v => v !== undefined && v !== null);
  if (p.type === 'choice' || values.some(v => typeof v !== 'number')) {
    const categories = [...new Set(values.map(String))].sort();
    const at = new Map(categories.map((c, i) => [c, categories.length === 1 ? 0.5 : i / (categories.length - 1)]));
    return { name: p.name, kind: 'parameter', position: e => at.get(String(e.parameters[p.name])) ?? null,
      labels: categories.map(c => [at.get(c), c]) };
  }
  const log = p.range.endsWith('(log)') && values.every(v => v > 0);
  const f = log ? Math.log : v => v;
  const lo = Math.min(...values.map(f)), hi = Math.max(...values.map(f));
  const span = hi - lo || 1;
  return { name: p.name, kind: 'parameter',
    position: e => typeof e.parameters[p.name] === 'number' ? (f(e.parameters[p.name]) - lo) / span : null,
    labels: values.length ? [[0, formatNumber(Math.min(...values))], [1, formatNumber(Math.max(...values))]] : [] };
}

function metricAxis(experiments, metric) {
  const values = experiments.map(e => valueOf(e, metric)).filter(Number.isFinite);
  if (values.length === 0) return { name: metric, kind: 'metric', position: () => null, labels: [] };
  const { lo, hi } = robustAxis(values);
  const span = hi - lo || 1;
  return { name: metric, kind: 'metric',
    position: e => { const v = valueOf(e, metric); return Number.isFinite(v) ? Math.min(1, Math.max(0, (v - lo) / span)) : null; },
    labels: [[0, formatNumber(lo)], [1, formatNumber(hi)]] };
}

function valueOf(e, metric) {
  return e.status === 'SUCCEEDED' && e.metrics ? e.metrics[metric] : undefined;
}

/**
 * The experiments inside every brushed range ({axis name: [from, to]} in positions); all of them
 * when nothing is brushed. One without a value on a brushed axis is outside.
 */
export function selection(experiments, axes, brushes) {
  const active = axes.filter(a => brushes[a.name]);
  return experiments.filter(e => active.every(a => {
    const p = a.position(e);
    return p !== null && p >= brushes[a.name][0] && p <= brushes[a.name][1];
  }));
}

/** The chart; {@code brush(name, range or null)} is called when a brush is drawn or cleared. */
export function parallelPlot(experiments, axes, brushes, selected, brush) {
  const width = SIDE * 2 + AXIS_GAP * (axes.length - 1);
  const plotBottom = HEIGHT - BOTTOM;
  const x = i => SIDE + i * AXIS_GAP;
  const y = p => plotBottom - p * (plotBottom - TOP);
  const chart = svg('svg', { class: 'parallel', id: 'parallel-plot', viewBox: `0 0 ${width} ${HEIGHT}`,
    width: '100%', 'data-plot-top': TOP, 'data-plot-bottom': plotBottom });
  chart.style.maxWidth = `${Math.round(width * 1.25)}px`; // the text keeps its size on wide screens
  const anyBrush = Object.keys(brushes).length > 0;
  const paths = { dim: [], feasible: [], infeasible: [] };
  for (const e of experiments) {
    const positions = axes.map(a => a.position(e));
    if (positions[positions.length - 1] === null) continue; // no value of the metric: no line
    const d = positions.map((p, i) => p === null ? null : `${i === 0 ? 'M' : 'L'}${x(i)},${y(p).toFixed(1)}`);
    if (d.includes(null)) continue;
    const kind = anyBrush && !selected.has(e.number) ? 'dim' : e.feasible === false ? 'infeasible' : 'feasible';
    paths[kind].push(d.join(''));
  }
  for (const [kind, d] of Object.entries(paths)) {
    chart.append(svg('path', { class: `pc-lines ${kind}`, d: d.join(' ') || 'M0,0', 'data-lines': d.length }));
  }
  axes.forEach((a, i) => chart.append(axis(a, i, x(i), y, plotBottom, brushes[a.name], brush)));
  return chart;
}

function axis(a, i, ax, y, plotBottom, range, brush) {
  const group = svg('g', { class: `pc-axis ${a.kind}`, 'data-axis': a.name });
  group.append(svg('line', { class: 'pc-axis-line', x1: ax, x2: ax, y1: y(1), y2: y(0) }),
    svg('text', { class: 'axis-title', x: ax, y: TOP - 10, 'text-anchor': 'middle' }, a.name));
  for (const [p, label] of a.labels) {
    group.append(svg('text', { class: 'tick-label', x: ax + 6, y: y(p) + 4 }, label));
  }
  if (range) {
    group.append(svg('rect', { class: 'pc-brush', x: ax - 8, width: 16, y: y(range[1]), height: Math.max(y(range[0]) - y(range[1]), 1) }));
  }
  const target = svg('rect', { class: 'pc-brush-target', x: ax - 14, width: 28, y: y(1) - 4, height: y(0) - y(1) + 8,
    'data-axis': a.name });
  group.append(target);
  target.addEventListener('mousedown', event => startBrush(event, target, a.name, y, plotBottom, brush));
  return group;
}

/** Drags out a range on an axis; a click without a drag clears the axis's brush. */
function startBrush(event, target, name, y, plotBottom, brush) {
  event.preventDefault();
  const chart = target.ownerSVGElement;
  const toPosition = clientY => {
    const box = chart.getBoundingClientRect();
    const scale = chart.viewBox.baseVal.height / box.height;
    const svgY = (clientY - box.top) * scale;
    return Math.min(1, Math.max(0, (plotBottom - svgY) / (plotBottom - y(1))));
  };
  const from = toPosition(event.clientY);
  const shade = svg('rect', { class: 'pc-brush dragging', x: Number(target.getAttribute('x')) + 6, width: 16, y: y(from), height: 1 });
  target.parentNode.insertBefore(shade, target);
  let to = from;
  const move = e => {
    to = toPosition(e.clientY);
    shade.setAttribute('y', y(Math.max(from, to)));
    shade.setAttribute('height', Math.max(Math.abs(y(from) - y(to)), 1));
  };
  const up = () => {
    window.removeEventListener('mousemove', move);
    window.removeEventListener('mouseup', up);
    dragging = false;
    brush(name, Math.abs(to - from) < 0.01 ? null : [Math.min(from, to), Math.max(from, to)]);
  };
  dragging = true;
  window.addEventListener('mousemove', move);
  window.addEventListener('mouseup', up);
}

let dragging = false;

/** Whether a brush is being drawn (the page then holds its refresh). */
export function brushing() {
  return dragging;
}

/** The metric selector above the chart. */
export function metricSelect(names, metric, change) {
  const select = el('select', { id: 'parallel-metric', 'aria-label': 'metric' },
    names.map(n => el('option', { value: n, selected: n === metric ? 'selected' : null }, n)));
  select.addEventListener('change', () => change(select.value));
  return el('label', {}, 'metric: ', select);
}
