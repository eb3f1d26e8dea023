// Fleet: every host and GPU the store knows, with live sparklines of the last minutes.
import { getAll, getJson } from './api.js';
import { el, badge, table, withUnit, ago, stepText, stepFor } from './dom.js';
import { sparkline } from './charts.js';

const METRICS = [
  { name: 'gpu_utilization_percent', label: 'Utilization', unit: 'percent' },
  { name: 'gpu_memory_used_bytes', label: 'Memory used', unit: 'bytes' },
  { name: 'gpu_temperature_celsius', label: 'Temperature', unit: 'celsius' },
  { name: 'gpu_power_watts', label: 'Power', unit: 'watts' },
  { name: 'gpu_memory_utilization_percent', label: 'Memory bandwidth', unit: 'percent' },
  { name: 'gpu_sm_clock_hz', label: 'SM clock', unit: 'hertz' }
];
const WINDOWS = [
  { seconds: 600, label: 'last 10 minutes' },
  { seconds: 1800, label: 'last 30 minutes' },
  { seconds: 3600, label: 'last hour' }
];
const REFRESH_MS = 5000;
const HOT_CELSIUS = 85;
const STALE_SECONDS = 60;

/** Series of one GPU and metric merged across attributions (a container change starts a new series). */
function bySeries(series) {
  const merged = new Map();
  for (const s of series) {
    const key = `${s.uuid}|${s.metric_name}`;
    const points = merged.get(key) || new Map();
    s.timestamps.forEach((t, i) => points.set(Date.parse(t) / 1000, s.values[i]));
    merged.set(key, points);
  }
  const result = new Map();
  for (const [key, points] of merged) {
    const xs = [...points.keys()].sort((a, b) => a - b);
    result.set(key, { xs, ys: xs.map((x) => points.get(x)) });
  }
  return result;
}

function health(gpu, series) {
  const lastSeen = Date.parse(gpu.timestamp);
  if (!series.get(`${gpu.uuid}|gpu_utilization_percent`)) return { text: 'No data', kind: 'nodata' };
  if (Date.now() - lastSeen > STALE_SECONDS * 1000) return { text: 'Stale', kind: 'stale' };
  const temperature = series.get(`${gpu.uuid}|gpu_temperature_celsius`);
  const latest = temperature?.ys[temperature.ys.length - 1];
  if (latest >= HOT_CELSIUS) return { text: 'Hot', kind: 'hot' };
  return { text: 'OK', kind: 'ok' };
}

export default {
  title: 'Fleet',
  mount(root, params, ctx) {
    const state = { host: '', model: '', window: WINDOWS[0].seconds, gpus: [], hosts: [], series: new Map() };
    const cards = new Map(); // uuid -> { node, sparks, values, badge }
    let timer = null;
    let stopped = false;

    const hostSelect = el('select', { id: 'filter-host', onchange: (e) => { state.host = e.target.value; render(); } });
    const modelSelect = el('select', { id: 'filter-model', onchange: (e) => { state.model = e.target.value; render(); } });
    const windowSelect = el('select', { id: 'fleet-window', onchange: (e) => { state.window = Number(e.target.value); refresh(); } },
      WINDOWS.map((w) => el('option', { value: w.seconds }, w.label)));
    const summary = el('div', { class: 'summary', 'aria-label': 'Fleet summary' });
    const grid = el('div', { class: 'grid', id: 'gpu-cards' });
    const hostsPanel = el('section', { 'aria-labelledby': 'hosts-heading' });

    root.append(
      el('h1', null, 'Fleet'),
      el('div', { class: 'controls', role: 'group', 'aria-label': 'Filters' },
        el('label', { for: 'filter-host' }, 'Host', hostSelect),
        el('label', { for: 'filter-model' }, 'Model', modelSelect),
        el('label', { for: 'fleet-window' }, 'Sparklines', windowSelect)),
      summary,
      el('section', { 'aria-labelledby': 'gpus-heading' }, el('h2', { id: 'gpus-heading' }, 'GPUs'), grid),
      hostsPanel);

    function options(select, values, current, all) {
      select.replaceChildren(el('option', { value: '' }, all), ...values.map((v) => el('option', { value: v, selected: v === current }, v)));
    }

    function visible() {
      return state.gpus.filter((g) => (!state.host || g.hostname === state.host) && (!state.model || g.model_name === state.model));
    }

    function card(gpu) {
      const values = new Map();
      const sparks = new Map();
      const healthBadge = el('span');
      const plots = METRICS.map((m, i) => {
        const value = el('span', { class: 'value' }, '–');
        const plot = el('div', { class: 'plot', 'aria-hidden': 'true' });
        values.set(m.name, value);
        return { m, i, plot, node: el('div', { class: 'spark' }, el('div', { class: 'label' }, el('span', null, m.label), value), plot) };
      });
      const node = el('article', { class: 'panel gpu-card', dataset: { uuid: gpu.uuid }, 'aria-label': `GPU ${gpu.gpu_id} on ${gpu.hostname}` },
        el('header', null,
          el('h2', null, el('a', { href: `#/gpu/${encodeURIComponent(gpu.uuid)}` }, `GPU ${gpu.gpu_id}`)),
          el('span', { class: 'muted' }, 'on ', el('a', { href: `#/host/${encodeURIComponent(gpu.hostname)}` }, gpu.hostname)),
          healthBadge,
          el('span', { class: 'model' }, gpu.model_name)),
        el('div', { class: 'sparks' }, plots.map((p) => p.node)));
      grid.append(node);
      for (const p of plots) sparks.set(p.m.name, sparkline(p.plot, p.i));
      return { node, sparks, values, healthBadge };
    }

    function render() {
      const shown = new Set(visible().map((g) => g.uuid));
      for (const [uuid, c] of cards) {
        if (!shown.has(uuid)) {
          c.sparks.forEach((s) => s.destroy());
          c.node.remove();
          cards.delete(uuid);
        }
      }
      for (const gpu of visible()) {
        const c = cards.get(gpu.uuid) || card(gpu);
        cards.set(gpu.uuid, c);
        for (const m of METRICS) {
          const s = state.series.get(`${gpu.uuid}|${m.name}`);
          c.sparks.get(m.name).update(s ? s.xs : [], s ? s.ys : []);
          c.values.get(m.name).textContent = s && s.ys.length ? withUnit(s.ys[s.ys.length - 1], m.unit) : '–';
        }
        const h = health(gpu, state.series);
        c.healthBadge.replaceChildren(badge(h.text, h.kind));
      }
      grid.dataset.count = String(cards.size);

      const gpus = visible();
      const hot = gpus.filter((g) => health(g, state.series).kind === 'hot').length;
      const utilization = gpus.map((g) => state.series.get(`${g.uuid}|gpu_utilization_percent`)).filter(Boolean)
        .map((s) => s.ys[s.ys.length - 1]);
      const power = gpus.map((g) => state.series.get(`${g.uuid}|gpu_power_watts`)).filter(Boolean)
        .map((s) => s.ys[s.ys.length - 1]);
      summary.replaceChildren(
        el('div', { class: 'panel' }, el('div', { class: 'muted' }, 'Hosts'), el('div', { class: 'figure', id: 'host-count' }, new Set(gpus.map((g) => g.hostname)).size)),
        el('div', { class: 'panel' }, el('div', { class: 'muted' }, 'GPUs'), el('div', { class: 'figure', id: 'gpu-count' }, gpus.length)),
        el('div', { class: 'panel' }, el('div', { class: 'muted' }, 'Mean utilization'),
          el('div', { class: 'figure' }, utilization.length ? withUnit(utilization.reduce((a, b) => a + b, 0) / utilization.length, 'percent') : '–')),
        el('div', { class: 'panel' }, el('div', { class: 'muted' }, 'Power'),
          el('div', { class: 'figure' }, power.length ? withUnit(power.reduce((a, b) => a + b, 0), 'watts') : '–')),
        el('div', { class: 'panel' }, el('div', { class: 'muted' }, 'Hot'), el('div', { class: 'figure' }, hot)));

      hostsPanel.replaceChildren(el('h2', { id: 'hosts-heading' }, 'Hosts'), table(
        ['Host', { label: 'GPUs', num: true }, 'CPU', { label: 'Memory', num: true }, 'Last seen'],
        state.hosts.filter((h) => !state.host || h.hostname === state.host).map((h) => el('tr', null,
          el('td', null, el('a', { href: `#/host/${encodeURIComponent(h.hostname)}` }, h.hostname)),
          el('td', { class: 'num' }, h.gpu_count ?? '–'),
          el('td', null, h.cpu_model ? `${h.cpu_model} (${h.cpu_threads ?? h.cpu_cores ?? '?'} threads)` : '–'),
          el('td', { class: 'num' }, withUnit(h.memory_total_bytes, 'bytes')),
          el('td', null, ago(h.timestamp)))),
        { caption: 'Hosts' }));
    }

    async function refresh() {
      clearTimeout(timer);
      try {
        const end = new Date();
        const start = new Date(end.getTime() - state.window * 1000);
        const step = stepFor(state.window, 60);
        const [gpus, hosts, telemetry] = await Promise.all([
          getAll('/api/v1/gpus', { limit: 1000 }),
          getAll('/api/v1/hosts', { limit: 1000 }),
          getJson('/api/v1/telemetry', {
            start_time: start.toISOString(), end_time: end.toISOString(), metric_name: METRICS.map((m) => m.name),
            step: stepText(step), agg: 'avg', format: 'series', limit: 100000,
            hostname: state.host || undefined
          })
        ]);
        if (stopped) return;
        state.gpus = gpus.items;
        state.hosts = hosts.items;
        state.series = bySeries(telemetry);
        options(hostSelect, [...new Set(state.gpus.map((g) => g.hostname))].sort(), state.host, 'All hosts');
        options(modelSelect, [...new Set(state.gpus.map((g) => g.model_name))].sort(), state.model, 'All models');
        render();
        ctx.status(state.gpus.length ? '' : 'No GPUs in the store yet: the collector or an ingest adds them.');
        ctx.ready();
      } catch (err) {
        if (!stopped) ctx.fail(err);
      }
      if (!stopped) timer = setTimeout(refresh, REFRESH_MS);
    }

    refresh();
    return () => {
      stopped = true;
      clearTimeout(timer);
      cards.forEach((c) => c.sparks.forEach((s) => s.destroy()));
    };
  }
};
