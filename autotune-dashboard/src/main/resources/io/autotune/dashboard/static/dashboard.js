// The dashboard page: fetches the API (relative URLs, so any mount path works) and refreshes
// GPUs and workers every 5 s, statistics and tasks every 10 s, the timeline every 30 s.
import { el, show, setZone, formatTime, formatClock, formatDuration, formatNumber, taskStatusBadge } from './format.js';
import { drawTimeline } from './gantt.js';
import { drawTask, taskBusy } from './task.js';
import { drawExperiment } from './experiment.js';
import { drawComparison } from './compare.js';

const TOKEN_KEY = 'autotune.dashboard.token';
let lastTimeline = null;
const picked = new Set();

async function api(path) {
  return (await request(path)).json();
}

async function request(path) {
  const headers = {};
  const token = sessionStorage.getItem(TOKEN_KEY);
  if (token) headers.Authorization = `Bearer ${token}`;
  const response = await fetch(`api/${path}`, { headers, cache: 'no-store' });
  if (response.status === 401) {
    document.getElementById('token-form').hidden = false;
    throw new Error('unauthorised');
  }
  if (!response.ok) throw new Error(`api/${path}: HTTP ${response.status}`);
  return response;
}

/**
 * Saves api/{path} as a file. A plain link would not carry the token, so the page fetches it and
 * hands the browser a blob URL; the file name is the server's (Content-Disposition).
 */
async function download(path) {
  const response = await request(path);
  const disposition = response.headers.get('Content-Disposition') || '';
  const match = /filename="([^"]+)"/.exec(disposition);
  const url = URL.createObjectURL(await response.blob());
  const link = el('a', { href: url, download: match ? match[1] : path.split('/').pop() });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

/** Runs {@code load} now and every {@code seconds}; a failure shows in the banner, not the console. */
function every(seconds, load) {
  const run = () => load().then(ok, fail);
  run();
  return setInterval(run, seconds * 1000);
}

function ok() {
  document.getElementById('banner').hidden = true;
  document.getElementById('updated').textContent = `updated ${formatClock(new Date().toISOString())}`;
}

function fail(error) {
  if (error.message === 'unauthorised') return;
  const banner = document.getElementById('banner');
  banner.textContent = `Could not reach the server (${error.message}); retrying.`;
  banner.hidden = false;
}

// ---- GPUs and workers

async function loadGpus() {
  const status = await api('gpu-status');
  document.getElementById('gpu-monitor').textContent = `monitor: ${status.monitor}`;
  if (!status.available) {
    // a one-line message; the monitor's reason (a loader error can be many lines) behind a toggle
    const detail = status.reason && status.reason !== status.message
      ? el('details', { class: 'gpu-reason' }, el('summary', {}, 'details'), el('pre', {}, status.reason))
      : null;
    show('gpus', el('p', { class: 'empty gpu-message' }, capitalised(status.message)), detail);
    return;
  }
  show('gpus', status.gpus.map(gpu));
}

function capitalised(text) {
  return text ? text.charAt(0).toUpperCase() + text.slice(1) : '';
}

function gpu(g) {
  const util = g.utilization_percent;
  const level = util === null ? 'unknown' : util > 90 ? 'high' : util > 70 ? 'medium' : 'low';
  const bar = el('div', { class: 'meter-fill' });
  bar.style.width = `${Math.min(g.memory_percent, 100)}%`;
  return el('div', { class: 'gpu card' },
    el('div', { class: 'gpu-head' }, el('span', { class: 'gpu-index' }, `GPU ${g.index}`),
      el('span', { class: `util ${level}` }, util === null ? 'util –' : `${Math.round(util)} %`)),
    el('div', { class: 'gpu-name' }, g.name),
    el('div', { class: 'meter' }, bar),
    el('div', { class: 'gpu-mem' }, `${g.memory_used_mb.toLocaleString('en-US')} / ${g.memory_total_mb.toLocaleString('en-US')} MB`,
      el('span', { class: 'muted' }, ` (${g.memory_percent} %)`)),
    el('div', { class: 'gpu-foot muted' },
      g.temperature_c === null ? '' : `${Math.round(g.temperature_c)} °C`,
      g.power_watts === null ? '' : ` · ${Math.round(g.power_watts)} W`,
      ` · ${g.processes} process${g.processes === 1 ? '' : 'es'}`));
}

async function loadWorkers() {
  const status = await api('worker-status');
  if (status.workers.length === 0) {
    show('workers', el('p', { class: 'empty' }, 'No worker has registered with the store.'));
    return;
  }
  show('workers', el('div', { class: 'table-scroll' }, el('table', { class: 'data', id: 'workers-table' },
    el('thead', {}, el('tr', {}, ['Worker', 'Host', 'PID', 'State', 'CPU', 'Memory', 'Uptime', 'Heartbeat']
      .map(h => el('th', {}, h)))),
    el('tbody', {}, status.workers.map(w => el('tr', {},
      el('td', { class: 'mono', title: w.id }, w.id.length > 16 ? `${w.id.slice(0, 15)}…` : w.id), el('td', {}, w.host), el('td', { class: 'num' }, w.pid),
      el('td', {}, el('span', { class: `badge worker-${w.state}` }, w.state)),
      el('td', { class: 'num' }, w.cpu_percent === null ? '–' : `${w.cpu_percent} %`),
      el('td', { class: 'num' }, w.memory_mb === null ? '–' : `${Math.round(w.memory_mb)} MB`),
      el('td', { class: 'num' }, formatDuration(w.uptime_seconds)),
      el('td', { class: w.late ? 'num late' : 'num' }, `${formatDuration(w.seconds_since_heartbeat)} ago`)))))));
}

// ---- statistics, running tasks and the task list

async function loadStatistics() {
  const s = await api('db-statistics');
  const by = s.experiments.by_status;
  const window = s.experiments_in_window.by_status;
  const active = by.PENDING + by.DEPLOYING + by.BENCHMARKING;
  show('statistics', el('div', { class: 'tiles' },
    tile('Tasks', s.tasks.total, `${s.tasks.by_status.RUNNING} running · ${s.tasks.by_status.COMPLETED} completed`),
    tile('Experiments', s.experiments.total, outcomes(by)),
    tile(`Last ${s.window_hours} h`, s.experiments_in_window.total, outcomes(window)),
    tile('Running now', active, `experiment${active === 1 ? '' : 's'} on ${s.running_tasks.length} task${s.running_tasks.length === 1 ? '' : 's'}`),
    tile('Success rate', s.success_percent === null ? '–' : `${s.success_percent} %`, 'of finished experiments'),
    tile('Mean duration', formatDuration(s.mean_experiment_seconds), 'per finished experiment')));
  if (s.running_tasks.length === 0) {
    show('running-tasks', el('p', { class: 'empty' }, 'No task is running.'));
    return;
  }
  show('running-tasks', s.running_tasks.map(t => {
    const fill = el('div', { class: 'meter-fill' });
    fill.style.width = `${t.percent}%`;
    return el('div', { class: 'running-task' },
      el('a', { href: `#/tasks/${encodeURIComponent(t.id)}`, class: 'task-link' }, t.name),
      el('div', { class: 'meter wide' }, fill),
      el('span', { class: 'progress-text' }, `${t.done} / ${t.max} experiments`),
      t.owner_dead
        ? el('span', { class: 'badge status-owner_dead' }, 'owner dead')
        : el('span', { class: 'muted' }, `${t.running} running · best ${formatNumber(t.best_value)}`));
  }));
}

function outcomes(byStatus) {
  return `${byStatus.SUCCEEDED} ok · ${byStatus.FAILED} failed · ${byStatus.TIMED_OUT} timed out`;
}

function tile(name, value, detail) {
  return el('div', { class: 'tile' }, el('div', { class: 'tile-name' }, name),
    el('div', { class: 'tile-value' }, String(value)), el('div', { class: 'tile-detail muted' }, detail));
}

async function loadTasks() {
  const list = await api('tasks');
  if (list.tasks.length === 0) {
    show('tasks', el('p', { class: 'empty' }, 'No tasks yet.'));
    return;
  }
  const ids = new Set(list.tasks.map(t => t.id));
  for (const id of picked) if (!ids.has(id)) picked.delete(id);
  const compare = el('button', { type: 'button', id: 'compare-button' }, 'Compare the ticked tasks');
  compare.addEventListener('click', () => {
    location.hash = `#/compare/${[...picked].map(encodeURIComponent).join(',')}`;
  });
  const refresh = () => { compare.disabled = picked.size < 2; };
  refresh();
  show('tasks', el('div', { class: 'compare-pick-bar' }, compare,
    el('span', { class: 'muted small' }, ' tick two or more tasks to see their best so far and Pareto fronts on one chart')),
  el('table', { class: 'data', id: 'tasks-table' },
    el('thead', {}, el('tr', {}, ['', 'Task', 'Status', 'Objective', 'Strategy', 'Experiments', 'Feasible', 'Best', 'Created']
      .map(h => el('th', {}, h)))),
    el('tbody', {}, list.tasks.map(t => el('tr', {},
      el('td', {}, pick(t, refresh)),
      el('td', {}, el('a', { href: `#/tasks/${encodeURIComponent(t.id)}`, class: 'task-link' }, t.name)),
      el('td', {}, taskStatusBadge(t)),
      el('td', {}, t.objectives.map(o => `${o.direction === 'MAXIMIZE' ? 'max' : 'min'} ${o.metric}`).join(', ')),
      el('td', {}, t.strategy),
      el('td', { class: 'num' }, `${t.finished} / ${t.max_experiments}`),
      el('td', { class: 'num', title: 'succeeded experiments that met every constraint' }, `${t.feasible} / ${t.succeeded}`),
      el('td', { class: 'num' }, bestCell(t)),
      el('td', {}, formatTime(t.created_at)))))));
}

/** The tick box that picks a task for the comparison; the pick outlives the 10 s refresh. */
function pick(t, refresh) {
  const box = el('input', { type: 'checkbox', class: 'compare-pick', 'data-id': t.id,
    'aria-label': `compare ${t.name}`, checked: picked.has(t.id) ? 'checked' : null });
  box.addEventListener('change', () => {
    if (box.checked) picked.add(t.id); else picked.delete(t.id);
    refresh();
  });
  return box;
}

/** The best feasible raw value of the only objective; with several, the Pareto front's size. */
function bestCell(t) {
  if (t.best_number === null) return '–';
  if (t.objectives.length > 1) return `Pareto front of ${t.pareto_front.length}`;
  return `${formatNumber(t.best_values[t.metric])} (#${t.best_number})`;
}

// ---- timeline

async function loadTimeline() {
  const hours = document.getElementById('hours').value;
  lastTimeline = await api(`experiment-timeline?hours=${encodeURIComponent(hours)}`);
  redrawTimeline();
}

function redrawTimeline() {
  if (lastTimeline && !document.getElementById('overview').hidden) {
    drawTimeline(document.getElementById('timeline'), lastTimeline, document.getElementById('tooltip'));
  }
}

// ---- the task, experiment and comparison views (#/tasks/ID, #/tasks/ID/experiments/N, #/compare/ID,ID)

async function loadTaskView() {
  const started = performance.now();
  const r = currentRoute();
  if (r.view === 'task') {
    const path = `tasks/${encodeURIComponent(r.id)}`;
    const [detail, experiments, importance] =
      await Promise.all([api(path), api(`${path}/experiments`), api(`${path}/importance`)]);
    const drawn = performance.now();
    drawTask(detail, experiments, importance,
      format => download(`${path}/experiments.${format}`).catch(fail));
    // what the render-time test reads, once the browser has laid out and painted the view (the
    // frame after drawing): drawing it, and fetching plus drawing it
    requestAnimationFrame(() => setTimeout(() => {
      performance.measure('autotune:task-render', { start: drawn, end: performance.now() });
      performance.measure('autotune:task-load', { start: started, end: performance.now() });
    }, 0));
  } else if (r.view === 'compare') {
    const tasks = await Promise.all(r.ids.map(async id => {
      const path = `tasks/${encodeURIComponent(id)}`;
      const [detail, experiments] = await Promise.all([api(path), api(`${path}/experiments`)]);
      return { detail, experiments };
    }));
    drawComparison(tasks);
  } else if (r.view === 'experiment') {
    drawExperiment(await api(`tasks/${encodeURIComponent(r.id)}/experiments/${r.number}`));
  }
}

/**
 * Reloads the task view every 10 s, unless a load is still under way (route() has just started
 * one, or a large task is slow) or the user is drawing a brush.
 */
function refreshTaskView() {
  if (currentRoute().view !== 'task' || taskBusy() || taskLoad !== null) return null;
  taskLoad = loadTaskView().finally(() => { taskLoad = null; });
  return taskLoad;
}

let taskLoad = null;

/** Which view the location's fragment asks for. */
function currentRoute() {
  let m = /^#\/tasks\/([^/]+)\/experiments\/(\d+)$/.exec(location.hash);
  if (m) return { view: 'experiment', id: decodeURIComponent(m[1]), number: Number(m[2]) };
  m = /^#\/tasks\/([^/]+)$/.exec(location.hash);
  if (m) return { view: 'task', id: decodeURIComponent(m[1]) };
  m = /^#\/compare\/(.+)$/.exec(location.hash);
  if (m) return { view: 'compare', ids: m[1].split(',').map(decodeURIComponent) };
  return { view: 'overview' };
}

function route() {
  const inTask = currentRoute().view !== 'overview';
  document.getElementById('overview').hidden = inTask;
  document.getElementById('task-view').hidden = !inTask;
  document.getElementById('tooltip').hidden = true;
  if (inTask) {
    show('task', el('p', { class: 'muted' }, 'Loading…'));
    taskLoad = loadTaskView().finally(() => { taskLoad = null; });
    taskLoad.then(ok, fail);
  } else {
    redrawTimeline();
  }
}

// ---- start

function takeTokenFromFragment() {
  const match = /^#token=(.+)$/.exec(location.hash);
  if (match) {
    sessionStorage.setItem(TOKEN_KEY, decodeURIComponent(match[1]));
    history.replaceState(null, '', location.pathname + location.search);
  }
}

async function start() {
  takeTokenFromFragment();
  document.getElementById('token-form').addEventListener('submit', event => {
    event.preventDefault();
    sessionStorage.setItem(TOKEN_KEY, document.getElementById('token-input').value);
    location.reload();
  });
  let info;
  try {
    info = await api('system/info');
  } catch (error) {
    fail(error);
    return;
  }
  setZone(info.time_zone);
  document.getElementById('zone').textContent = `${info.time_zone} (UTC${info.utc_offset})`;
  document.getElementById('version').textContent = `v${info.version}`;
  document.getElementById('hours').addEventListener('change', () => loadTimeline().then(ok, fail));
  window.addEventListener('hashchange', route);
  window.addEventListener('resize', redrawTimeline);
  route();
  every(5, () => Promise.all([loadGpus(), loadWorkers()]));
  every(10, () => Promise.all([loadStatistics(), loadTasks(), refreshTaskView()]));
  every(30, loadTimeline);
}

start();
