// GPU: time-range charts of any metric, who used the GPU, and the raw rows as CSV.
import { getAll, getJson, saveBlob } from './api.js';
import { el, facts, table, time, bytes, stepText, stepFor } from './dom.js';
import { align, timeChart } from './charts.js';

const DEFAULT_METRICS = ['gpu_utilization_percent', 'gpu_memory_used_bytes', 'gpu_temperature_celsius', 'gpu_power_watts'];
const RANGES = [
  { seconds: 900, label: 'last 15 minutes' },
  { seconds: 3600, label: 'last hour' },
  { seconds: 6 * 3600, label: 'last 6 hours' },
  { seconds: 86400, label: 'last 24 hours' },
  { seconds: 7 * 86400, label: 'last 7 days' },
  { seconds: 0, label: 'custom range' }
];
const POINTS = 600; // per chart: enough for the eye, few enough to stay fast at any range
const RAW_ROW_LIMIT = 100000;
const REFRESH_MS = 10000;

function localInput(date) {
  const shifted = new Date(date.getTime() - date.getTimezoneOffset() * 60000);
  return shifted.toISOString().slice(0, 16);
}

function csvCell(value) {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const CSV_COLUMNS = ['timestamp', 'metric_name', 'gpu_id', 'device', 'uuid', 'model_name', 'hostname', 'container', 'pod',
  'namespace', 'slurm_job', 'value', 'labels_raw'];

export function toCsv(rows) {
  return [CSV_COLUMNS.join(','), ...rows.map((r) => CSV_COLUMNS.map((c) => csvCell(r[c])).join(','))].join('\r\n') + '\r\n';
}

export default {
  title: 'GPU',
  mount(root, params, ctx) {
    const uuid = params[0];
    let stopped = false;
    let timer = null;
    const charts = new Map(); // metric -> { chart, node }
    const state = {
      metrics: [...DEFAULT_METRICS], range: 3600, agg: 'avg', start: null, end: null, dictionary: new Map(), gpu: null
    };

    const heading = el('h1', null, 'GPU');
    root.append(heading);

    if (!uuid) {
      pickGpu();
      return () => { stopped = true; };
    }

    const identity = el('section', { class: 'panel', 'aria-label': 'Identity' });
    const live = el('section', { 'aria-labelledby': 'live-heading' });
    const usage = el('section', { 'aria-labelledby': 'usage-heading' });
    const chartGrid = el('div', { class: 'grid wide', id: 'gpu-charts' });
    const rangeSelect = el('select', { id: 'range' }, RANGES.map((r) => el('option', { value: r.seconds, selected: r.seconds === state.range }, r.label)));
    const aggSelect = el('select', { id: 'agg' }, ['avg', 'min', 'max', 'last'].map((a) => el('option', { value: a }, a)));
    const startInput = el('input', { id: 'range-start', type: 'datetime-local', disabled: true });
    const endInput = el('input', { id: 'range-end', type: 'datetime-local', disabled: true });
    const metricSelect = el('select', { id: 'add-metric' });
    const stepNote = el('span', { class: 'muted', id: 'step-note' });
    const csvButton = el('button', { type: 'button', id: 'download-csv' }, 'Download raw rows (CSV)');

    root.append(identity,
      el('h2', { id: 'charts-heading' }, 'Charts'),
      el('form', { class: 'controls', 'aria-labelledby': 'charts-heading', onsubmit: (e) => { e.preventDefault(); load(); } },
        el('label', { for: 'range' }, 'Range', rangeSelect),
        el('label', { for: 'range-start' }, 'From', startInput),
        el('label', { for: 'range-end' }, 'To', endInput),
        el('label', { for: 'agg' }, 'Downsampling', aggSelect),
        el('button', { type: 'submit', class: 'primary' }, 'Show'),
        el('label', { for: 'add-metric' }, 'Metric', metricSelect),
        el('button', { type: 'button', id: 'add-chart', onclick: () => addMetric(metricSelect.value) }, 'Add chart'),
        csvButton,
        stepNote),
      chartGrid, usage, live);

    rangeSelect.addEventListener('change', () => {
      state.range = Number(rangeSelect.value);
      const custom = state.range === 0;
      startInput.disabled = !custom;
      endInput.disabled = !custom;
      if (custom && !startInput.value) {
        const now = new Date();
        startInput.value = localInput(new Date(now.getTime() - 3600000));
        endInput.value = localInput(now);
      }
      if (!custom) load();
    });
    aggSelect.addEventListener('change', () => { state.agg = aggSelect.value; load(); });
    csvButton.addEventListener('click', downloadCsv);

    function chosenRange() {
      if (state.range === 0) {
        const start = new Date(startInput.value);
        const end = new Date(endInput.value);
        if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime()) || end <= start) {
          throw new Error('Choose a start before the end.');
        }
        return { start, end };
      }
      const end = new Date();
      return { start: new Date(end.getTime() - state.range * 1000), end };
    }

    function addMetric(name) {
      if (!name || state.metrics.includes(name)) return;
      state.metrics.push(name);
      load();
    }

    function removeMetric(name) {
      state.metrics = state.metrics.filter((m) => m !== name);
      const c = charts.get(name);
      if (c) {
        c.chart.destroy();
        c.node.remove();
        charts.delete(name);
      }
    }

    function chartFor(name, labels) {
      const existing = charts.get(name);
      const key = labels.join('\n');
      if (existing && existing.key === key) return existing;
      if (existing) {
        existing.chart.destroy();
        existing.node.remove();
      }
      const meta = state.dictionary.get(name) || { unit: '' };
      const plot = el('div', { class: 'plot' });
      const node = el('section', { class: 'panel chart', dataset: { metric: name }, 'aria-label': `${name} chart` },
        el('h3', null, el('span', null, name, ' ', el('span', { class: 'muted' }, meta.unit || '')),
          el('button', { type: 'button', 'aria-label': `Remove the ${name} chart`, onclick: () => removeMetric(name) }, 'Remove')),
        plot);
      const ordered = state.metrics.indexOf(name);
      const after = [...chartGrid.children].find((child) => state.metrics.indexOf(child.dataset.metric) > ordered);
      chartGrid.insertBefore(node, after || null);
      const created = { chart: timeChart(plot, { unit: meta.unit, labels }), node, key, plot };
      charts.set(name, created);
      return created;
    }

    async function load() {
      clearTimeout(timer);
      let range;
      try {
        range = chosenRange();
      } catch (err) {
        ctx.fail(err);
        return;
      }
      const seconds = (range.end - range.start) / 1000;
      const step = stepFor(seconds, POINTS);
      stepNote.textContent = `one point per ${stepText(step)} (${state.agg})`;
      try {
        const series = await getJson(`/api/v1/gpus/${encodeURIComponent(uuid)}/telemetry`, {
          start_time: range.start.toISOString(), end_time: range.end.toISOString(), metric_name: state.metrics,
          step: stepText(step), agg: state.agg, format: 'series', limit: 100000
        });
        if (stopped) return;
        let points = 0;
        for (const name of state.metrics) {
          const mine = series.filter((s) => s.metric_name === name);
          const labels = mine.length ? mine.map(attributionLabel) : ['no data'];
          const c = chartFor(name, labels);
          const { xs, columns } = align(mine.map((s) => ({ xs: s.timestamps.map((t) => Date.parse(t) / 1000), ys: s.values })));
          c.chart.update(xs, mine.length ? columns : [[]]);
          c.node.dataset.points = String(xs.length);
          points += xs.length;
        }
        chartGrid.dataset.points = String(points);
        renderUsage(series);
        ctx.status(points ? '' : 'No samples of this GPU in the chosen range.');
        ctx.ready();
      } catch (err) {
        if (!stopped) ctx.fail(err);
      }
      if (!stopped && state.range !== 0) timer = setTimeout(load, REFRESH_MS);
    }

    function attributionLabel(s) {
      const who = [s.container && `container ${s.container}`, s.pod && `pod ${s.namespace ? `${s.namespace}/` : ''}${s.pod}`,
        s.slurm_job && `job ${s.slurm_job}`].filter(Boolean).join(', ');
      return who || 'unattributed';
    }

    function renderUsage(series) {
      const users = new Map();
      for (const s of series) {
        if (!s.container && !s.pod && !s.slurm_job && !s.namespace) continue;
        const key = [s.container, s.pod, s.namespace, s.slurm_job].join('|');
        const u = users.get(key) || { ...s, first: s.timestamps[0], last: s.timestamps[s.timestamps.length - 1] };
        if (s.timestamps[0] < u.first) u.first = s.timestamps[0];
        if (s.timestamps[s.timestamps.length - 1] > u.last) u.last = s.timestamps[s.timestamps.length - 1];
        users.set(key, u);
      }
      usage.replaceChildren(el('h2', { id: 'usage-heading' }, 'Who used it (in this range)'),
        users.size
          ? table(['Container', 'Pod', 'Namespace', 'SLURM job', 'From', 'To'], [...users.values()].map((u) => el('tr', null,
            el('td', null, u.container || '–'), el('td', null, u.pod || '–'), el('td', null, u.namespace || '–'),
            el('td', null, u.slurm_job || '–'), el('td', null, time(u.first)), el('td', null, time(u.last)))),
          { caption: 'Containers, pods and SLURM jobs' })
          : el('p', { class: 'muted' }, 'No container, pod or SLURM job was attributed to this GPU in this range.'));
    }

    async function renderLive() {
      try {
        const snapshot = await getJson('/metrics/json/gpu');
        const mine = (snapshot.gpus || []).find((g) => g.gpu?.identity?.uuid === uuid);
        if (stopped) return;
        if (!mine) {
          live.replaceChildren(el('h2', { id: 'live-heading' }, 'Processes now'),
            el('p', { class: 'muted' }, 'This GPU is on another node; its processes are listed by the Argus running there.'));
          return;
        }
        const processes = mine.processes || [];
        live.replaceChildren(el('h2', { id: 'live-heading' }, 'Processes now'), processes.length
          ? table(['PID', { label: 'GPU memory', num: true }, 'Container', 'Pod', 'Namespace', 'SLURM job'], processes.map((p) => el('tr', null,
            el('td', null, p.process?.pid ?? p.owner?.pid), el('td', { class: 'num' }, bytes(p.process?.used_memory_bytes)),
            el('td', null, p.owner?.container_id || '–'), el('td', null, p.owner?.pod_uid || '–'),
            el('td', null, p.owner?.namespace || '–'), el('td', null, p.owner?.slurm_job_id || '–'))),
          { caption: 'Processes on the GPU' })
          : el('p', { class: 'muted' }, 'No processes on this GPU now.'));
      } catch (err) {
        if (!stopped) ctx.fail(err);
      }
    }

    async function downloadCsv() {
      csvButton.disabled = true;
      try {
        const range = chosenRange();
        ctx.status('Fetching raw rows…');
        const { items, complete } = await getAll(`/api/v1/gpus/${encodeURIComponent(uuid)}/telemetry`, {
          start_time: range.start.toISOString(), end_time: range.end.toISOString(), metric_name: state.metrics, limit: 10000
        }, { maxPages: RAW_ROW_LIMIT / 10000 });
        saveBlob(new Blob([toCsv(items)], { type: 'text/csv' }), `${uuid}-${range.start.toISOString()}.csv`);
        ctx.status(`${items.length} rows downloaded${complete ? '' : ` (the first ${RAW_ROW_LIMIT}; narrow the range for the rest)`}.`);
      } catch (err) {
        ctx.fail(err);
      } finally {
        csvButton.disabled = false;
      }
    }

    async function start() {
      try {
        const [gpu, dictionary] = await Promise.all([
          getJson(`/api/v1/gpus/${encodeURIComponent(uuid)}`),
          getJson('/api/v1/metrics')
        ]);
        if (stopped) return;
        state.gpu = gpu;
        for (const m of dictionary) state.dictionary.set(m.name, m);
        heading.textContent = `GPU ${gpu.gpu_id} on ${gpu.hostname}`;
        identity.replaceChildren(facts([
          ['Model', gpu.model_name], ['UUID', el('code', null, gpu.uuid)], ['Device', gpu.device], ['PCI bus', gpu.pci_bus_id],
          ['Driver', gpu.driver_version], ['Memory', bytes(gpu.memory_total_bytes)],
          ['MIG', gpu.mig_parent_uuid ? `${gpu.mig_profile} of ${gpu.mig_parent_uuid}` : null],
          ['Last seen', time(gpu.timestamp)], ['Host', el('a', { href: `#/host/${encodeURIComponent(gpu.hostname)}` }, gpu.hostname)]
        ]));
        metricSelect.replaceChildren(...dictionary.filter((m) => m.name.startsWith('gpu_'))
          .map((m) => el('option', { value: m.name }, `${m.name} (${m.unit})`)));
        await Promise.all([load(), renderLive()]);
      } catch (err) {
        if (!stopped) ctx.fail(err);
      }
    }

    async function pickGpu() {
      try {
        const { items } = await getAll('/api/v1/gpus', { limit: 1000 });
        if (stopped) return;
        root.append(items.length
          ? el('ul', { class: 'gpu-list' }, items.map((g) => el('li', null,
            el('a', { href: `#/gpu/${encodeURIComponent(g.uuid)}` }, `GPU ${g.gpu_id} on ${g.hostname}`), ' ',
            el('span', { class: 'muted' }, g.model_name))))
          : el('p', { class: 'muted' }, 'No GPUs in the store yet.'));
        ctx.ready();
      } catch (err) {
        ctx.fail(err);
      }
    }

    start();
    return () => {
      stopped = true;
      clearTimeout(timer);
      charts.forEach((c) => c.chart.destroy());
    };
  }
};
