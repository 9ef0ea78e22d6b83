// The experiment timeline: one bar per experiment on a shared time axis, drawn as SVG.
// The ticks and their labels come from the server (api/experiment-timeline), which computed
// them in the display zone.
import { el, svg, formatTime, formatDuration, formatNumber, statusClass, placeTooltip } from './format.js';

const LABEL_WIDTH = 190;
const RIGHT_PAD = 24;
const AXIS_HEIGHT = 42;
const ROW = 26;
const BAR = 16;

/** Draws {@code timeline} into {@code container}; {@code tooltip} is the shared tooltip element. */
export function drawTimeline(container, timeline, tooltip) {
  const bars = timeline.experiments;
  if (bars.length === 0) {
    container.replaceChildren(el('p', { class: 'empty' }, `No experiments in the last ${timeline.hours} h.`));
    return;
  }
  const width = Math.max(container.clientWidth, 480);
  const plotWidth = width - LABEL_WIDTH - RIGHT_PAD;
  const height = AXIS_HEIGHT + bars.length * ROW + 8;
  const start = Date.parse(timeline.axis_start);
  const end = Date.parse(timeline.axis_end);
  const x = t => LABEL_WIDTH + (t - start) / (end - start) * plotWidth;

  const chart = svg('svg', {
    class: 'gantt', width, height, viewBox: `0 0 ${width} ${height}`,
    'data-plot-left': LABEL_WIDTH, 'data-plot-width': plotWidth,
    'data-axis-start': timeline.axis_start, 'data-axis-end': timeline.axis_end,
  });
  chart.append(rowStripes(bars.length, width));
  chart.append(axis(timeline, x, height));
  chart.append(nowLine(timeline, x, height));
  const now = Math.min(Date.parse(timeline.timestamp), end);
  bars.forEach((bar, row) => chart.append(barRow(bar, row, x, start, now, end, tooltip)));
  const left = timeline.total_experiments - bars.length;
  container.replaceChildren(...(left > 0 ? [omittedNote(bars.length, timeline)] : []), chart);
}

/** Says how many experiments of the window are not drawn (the server caps the bars). */
function omittedNote(shown, timeline) {
  return el('p', { class: 'note timeline-note' },
    `Showing ${shown} of the ${timeline.total_experiments} experiments of the last ` +
    `${timeline.hours} h: the running ones and the latest started.`);
}

function rowStripes(rows, width) {
  const group = svg('g', { class: 'stripes' });
  for (let row = 0; row < rows; row += 2) {
    group.append(svg('rect', { x: 0, y: AXIS_HEIGHT + row * ROW, width, height: ROW }));
  }
  return group;
}

function axis(timeline, x, height) {
  const group = svg('g', { class: 'axis' });
  group.append(svg('line', { class: 'axis-line', x1: LABEL_WIDTH, x2: x(Date.parse(timeline.axis_end)),
    y1: AXIS_HEIGHT, y2: AXIS_HEIGHT }));
  for (const tick of timeline.ticks) {
    const at = x(Date.parse(tick.at));
    group.append(svg('line', { class: 'grid', x1: at, x2: at, y1: AXIS_HEIGHT, y2: height - 8 }));
    group.append(svg('line', { class: 'tick', x1: at, x2: at, y1: AXIS_HEIGHT - 6, y2: AXIS_HEIGHT }));
    group.append(svg('text', { class: 'tick-label', x: at, y: AXIS_HEIGHT - 10, 'text-anchor': 'middle',
      'data-at': tick.at }, tick.label));
    if (tick.date_label) {
      group.append(svg('text', { class: 'date-label', x: at, y: 12, 'text-anchor': 'middle' }, tick.date_label));
    }
  }
  return group;
}

function nowLine(timeline, x, height) {
  const now = Date.parse(timeline.timestamp);
  if (!timeline.experiments.some(b => b.running)) return svg('g');
  const at = x(now);
  return svg('line', { class: 'now', x1: at, x2: at, y1: AXIS_HEIGHT, y2: height - 8 });
}

function barRow(bar, row, x, start, now, end, tooltip) {
  const top = AXIS_HEIGHT + row * ROW;
  const from = Math.max(Date.parse(bar.start), start);
  const to = bar.running ? now : Math.min(Date.parse(bar.end), end);
  const left = x(from);
  const barWidth = Math.max(x(to) - left, 2);
  const group = svg('g', { class: 'row' });
  const label = `${bar.task_name} #${bar.number}`;
  group.append(svg('text', { class: 'bar-label', x: LABEL_WIDTH - 10, y: top + ROW / 2 + 4,
    'text-anchor': 'end' }, svg('title', {}, label), truncate(label, 26)));
  const rect = svg('rect', {
    class: `bar ${statusClass(bar.status)}${bar.running ? ' running' : ''}`,
    x: left.toFixed(2), y: top + (ROW - BAR) / 2, width: barWidth.toFixed(2), height: BAR, rx: 3,
    'data-task': bar.task_id, 'data-number': bar.number, 'data-status': bar.status,
    'data-start': bar.start, 'data-end': bar.end || '', 'data-label': label,
  });
  group.append(rect);
  const duration = formatDuration(bar.duration_seconds);
  if (barWidth > duration.length * 6.5 + 10) {
    group.append(svg('text', { class: 'bar-text', x: left + barWidth / 2, y: top + ROW / 2 + 4,
      'text-anchor': 'middle' }, duration));
  }
  group.addEventListener('mousemove', event => showTooltip(tooltip, bar, label, event));
  group.addEventListener('mouseleave', () => { tooltip.hidden = true; });
  return group;
}

function truncate(text, length) {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}

function showTooltip(tooltip, bar, label, event) {
  const rows = [
    ['Status', bar.status],
    ['Start', formatTime(bar.start)],
    ['End', bar.running ? 'running' : formatTime(bar.end)],
    ['Duration', formatDuration(bar.duration_seconds)],
    ['Score', formatNumber(bar.score)],
  ];
  if (bar.error) rows.push(['Error', bar.error]);
  for (const [name, value] of Object.entries(bar.parameters || {})) rows.push([name, String(value)]);
  placeTooltip(tooltip, label, rows, event);
}
