// DOM building and formatting. Every string from the server goes into the page as text
// (textContent, attribute values), never as markup.

const SVG_NS = 'http://www.w3.org/2000/svg';

/** An HTML element with attributes and children (strings become text nodes). */
export function el(tag, attributes = {}, ...children) {
  return fill(document.createElement(tag), attributes, children);
}

/** An SVG element with attributes and children. */
export function svg(tag, attributes = {}, ...children) {
  return fill(document.createElementNS(SVG_NS, tag), attributes, children);
}

function fill(node, attributes, children) {
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== null && value !== undefined && value !== false) {
      node.setAttribute(name, String(value));
    }
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined && child !== false) {
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
  }
  return node;
}

/** Replaces the children of the element with id {@code id}. */
export function show(id, ...children) {
  document.getElementById(id).replaceChildren(...children.flat().filter(c => c !== null && c !== undefined));
}

let dateTime = formatter('UTC');
let timeOnly = timeFormatter('UTC');

/** Sets the display zone: times are shown in it, never in the browser's zone. */
export function setZone(name) {
  dateTime = formatter(name);
  timeOnly = timeFormatter(name);
}

function formatter(timeZone) {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone, year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
  });
}

function timeFormatter(timeZone) {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone, hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
  });
}

/** "2026-11-30 12:04:05" in the display zone; "–" for null. */
export function formatTime(iso) {
  if (!iso) return '–';
  const parts = Object.fromEntries(dateTime.formatToParts(new Date(iso)).map(p => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}`;
}

/** "12:04:05" in the display zone. */
export function formatClock(iso) {
  return iso ? timeOnly.format(new Date(iso)) : '–';
}

/** "1 h 02 m", "5 m 30 s", "42 s". */
export function formatDuration(seconds) {
  if (seconds === null || seconds === undefined) return '–';
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} m ${String(s % 60).padStart(2, '0')} s`;
  if (s < 86400) return `${Math.floor(s / 3600)} h ${String(Math.floor(s % 3600 / 60)).padStart(2, '0')} m`;
  return `${Math.floor(s / 86400)} d ${String(Math.floor(s % 86400 / 3600)).padStart(2, '0')} h`;
}

/** A whole number with separators, any other with four significant digits; "–" for null. */
export function formatNumber(value) {
  if (value === null || value === undefined) return '–';
  const abs = Math.abs(value);
  if (Number.isInteger(value) && abs < 1e15) return value.toLocaleString('en-US');
  return abs !== 0 && (abs >= 1e6 || abs < 1e-3) ? value.toExponential(3) : String(Number(value.toPrecision(4)));
}

/** "tp-size=2, schedule-policy=lpm". */
export function formatParameters(parameters) {
  return Object.entries(parameters || {}).map(([k, v]) => `${k}=${v}`).join(', ');
}

/** A coloured status badge. */
export function statusBadge(status) {
  return el('span', { class: `badge status-${String(status).toLowerCase()}` }, status);
}

/**
 * A task's status badge: "owner dead" for a task whose owner's lease expired (the store's
 * task.status stays RUNNING until another worker takes it over), with the expiry in its title.
 */
export function taskStatusBadge(t) {
  if (!t.owner_dead) return statusBadge(t.status);
  return el('span', { class: 'badge status-owner_dead', title: `lease expired ${formatTime(t.lease_expires_at)}` },
    'owner dead');
}

/** The colour class of an experiment status in the timeline. */
export function statusClass(status) {
  if (status === 'SUCCEEDED') return 'succeeded';
  if (status === 'FAILED' || status === 'TIMED_OUT') return 'failed';
  return 'other';
}

/** Fills the shared tooltip with a title and name/value rows, and places it by the pointer. */
export function placeTooltip(tooltip, title, rows, event) {
  tooltip.replaceChildren(
    el('div', { class: 'tooltip-title' }, title),
    el('table', {}, rows.map(([k, v]) => el('tr', {}, el('th', {}, k), el('td', {}, v)))));
  tooltip.hidden = false;
  const left = Math.min(event.clientX + 14, window.innerWidth - tooltip.offsetWidth - 8);
  const top = Math.min(event.clientY + 14, window.innerHeight - tooltip.offsetHeight - 8);
  tooltip.style.left = `${Math.max(left, 8)}px`;
  tooltip.style.top = `${Math.max(top, 8)}px`;
}

/**
 * Past this many points a chart draws its dots as one SVG path per kind instead of one element
 * each, and finds the point under the pointer by distance: 10,000 elements cost the browser more
 * than the numbers do.
 */
export const MANY_POINTS = 1000;

/** A path of small circles of radius {@code r} at {@code xy}, a list of [x, y]. */
export function dotPath(xy, r) {
  return xy.map(([x, y]) => `M${(x - r).toFixed(1)},${y.toFixed(1)}a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0`).join('');
}

/** The index of the point of {@code xy} nearest to (x, y) within {@code reach}, or -1. */
export function nearest(xy, x, y, reach) {
  let best = -1, bestDistance = reach * reach;
  for (let i = 0; i < xy.length; i++) {
    const dx = xy[i][0] - x, dy = xy[i][1] - y;
    const d = dx * dx + dy * dy;
    if (d <= bestDistance) { best = i; bestDistance = d; }
  }
  return best;
}

/** Where a pointer event falls in the coordinates of {@code chart}'s viewBox. */
export function pointerIn(chart, event) {
  const box = chart.getBoundingClientRect();
  const scale = chart.viewBox.baseVal.width / box.width;
  return [(event.clientX - box.left) * scale, (event.clientY - box.top) * scale];
}
