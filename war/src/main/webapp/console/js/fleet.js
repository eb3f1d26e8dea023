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
// The telemetry carries no slowdown temperature of its own (NVML's threshold is not in the metric
// dictionary), so Hot uses the documented default, the same as the GpuHot alert rule.
const HOT_CELSIUS = 85;
const STALE_SECONDS = 60;
// Not drawn, but read for the badges: the last XID code (written once an XID was seen) and the
// volatile total of uncorrected ECC errors.
const HEALTH_METRICS = ['gpu_xid_last', 'gpu_ecc_uncorrected_errors_total'];
// One telemetry page; the cursor is followed up to this many pages (a million rows) before the
// page says the fleet was cut.
const TELEMETRY_PAGE = 20000;
const TELEMETRY_PAGES = 50;

/** Series of one GPU and metric merged across attributions and pages (a container change starts a new series). */
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

function latest(series, uuid, metric) {
  const s = series.get(`${uuid}|${metric}`);
  return s && s.ys.length ? s.ys[s.ys.length - 1] : undefined;
}

/**
 * Every badge that applies, worst first: Lost (this node's collector cannot read it), XID, ECC,
 * Stale, Hot; OK or No data when none does. Each says why in `why`.
 */
function health(gpu, series, lost) {
  const badges = [];
  const fault = lost.get(gpu.uuid);
  if (fault) badges.push({ text: 'Lost', kind: 'bad', why: `The driver counts this GPU but cannot read it (${fault.error})` });
  const xid = latest(series, gpu.uuid, 'gpu_xid_last');
  if (xid !== undefined) badges.push({ text: 'XID', kind: 'bad', why: `Last XID error: ${xid}` });
  const ecc = latest(series, gpu.uuid, 'gpu_ecc_uncorrected_errors_total');
  if (ecc > 0) badges.push({ text: 'ECC', kind: 'bad', why: `${ecc} uncorrected ECC errors since the driver loaded` });
  if (!series.get(`${gpu.uuid}|gpu_utilization_percent`)) {
    if (!badges.length) badges.push({ text: 'No data', kind: 'nodata', why: 'No utilization samples in this window' });
    return badges;
  }
  const seen = Math.round((Date.now() - Date.parse(gpu.timestamp)) / 1000);
  if (seen > STALE_SECONDS) badges.push({ text: 'Stale', kind: 'stale', why: `Last seen ${seen} s ago (stale after ${STALE_SECONDS} s)` });
  const temperature = latest(series, gpu.uuid, 'gpu_temperature_celsius');
  if (temperature >= HOT_CELSIUS) badges.push({ text: 'Hot', kind: 'hot', why: `${temperature} °C (hot from ${HOT_CELSIUS} °C)` });
  if (!badges.length) badges.push({ text: 'OK', kind: 'ok', why: 'Seen recently, no errors, below the temperature threshold' });
  return badges;
}

export default {
  title: 'Fleet',
  mount(root, params, ctx) {
    const state = { host: '', model: '', window: WINDOWS[0].seconds, gpus: [], hosts: [], series: new Map(), lost: new Map(), live: null };
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
        c.healthBadge.replaceChildren(...health(gpu, state.series, state.lost).flatMap((h) => [
          badge(h.text, h.kind, h.why), el('span', { class: 'visually-hidden' }, ` (${h.why})`)]));
      }
      grid.dataset.count = String(cards.size);

      const gpus = visible();
      const kinds = gpus.map((g) => health(g, state.series, state.lost).map((h) => h.text));
      const hot = kinds.filter((k) => k.includes('Hot')).length;
      const failing = kinds.filter((k) => k.some((t) => ['Lost', 'XID', 'ECC'].includes(t))).length;
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
        el('div', { class: 'panel' }, el('div', { class: 'muted' }, 'Hot'), el('div', { class: 'figure' }, hot)),
        el('div', { class: 'panel' }, el('div', { class: 'muted' }, 'Lost, XID or ECC'), el('div', { class: 'figure', id: 'failing-count' }, failing)));

      // live CPU and memory come from the node serving the console (/api/system/metrics); the
      // store keeps no host figures the API reads back, so other hosts show their inventory only
      const live = state.live;
      const isLive = (h) => live && (h.node_id === live.node_id);
      hostsPanel.replaceChildren(el('h2', { id: 'hosts-heading' }, 'Hosts'), table(
        ['Host', { label: 'GPUs', num: true }, 'CPU', { label: 'CPU now', num: true }, { label: 'Memory used', num: true },
          { label: 'Memory', num: true }, 'Last seen'],
        state.hosts.filter((h) => !state.host || h.hostname === state.host).map((h) => el('tr', { dataset: { host: h.hostname } },
          el('td', null, el('a', { href: `#/host/${encodeURIComponent(h.hostname)}` }, h.hostname)),
          el('td', { class: 'num' }, h.gpu_count ?? '–'),
          el('td', null, h.cpu_model ? `${h.cpu_model} (${h.cpu_threads ?? h.cpu_cores ?? '?'} threads)` : '–'),
          el('td', { class: 'num', dataset: { live: 'cpu' } }, isLive(h) ? withUnit(live.cpu.overall, 'percent') : '–'),
          el('td', { class: 'num', dataset: { live: 'memory' } }, isLive(h) ? `${withUnit(live.memory.used, 'bytes')} (${withUnit(live.memory.usage, 'percent')})` : '–'),
          el('td', { class: 'num' }, withUnit(h.memory_total_bytes, 'bytes')),
          el('td', null, ago(h.timestamp)))),
        { caption: 'Hosts' }),
      el('p', { class: 'muted' }, 'CPU now and memory used are live for the node serving this console; other hosts show them on their own Argus.'));
    }

    async function refresh() {
      clearTimeout(timer);
      try {
        const end = new Date();
        const start = new Date(end.getTime() - state.window * 1000);
        const step = stepFor(state.window, 60);
        // this node's live figures are extras: the fleet still draws without them
        const optional = (promise) => promise.catch(() => null);
        const [gpus, hosts, telemetry, snapshot, live] = await Promise.all([
          getAll('/api/v1/gpus', { limit: 1000 }),
          getAll('/api/v1/hosts', { limit: 1000 }),
          // agg=last: an XID code or an error total must not be averaged; the sparklines' steps are a
          // collector interval or two, where the last value is as good as the mean
          getAll('/api/v1/telemetry', {
            start_time: start.toISOString(), end_time: end.toISOString(), metric_name: [...METRICS.map((m) => m.name), ...HEALTH_METRICS],
            step: stepText(step), agg: 'last', format: 'series', limit: TELEMETRY_PAGE,
            hostname: state.host || undefined
          }, { maxPages: TELEMETRY_PAGES }),
          optional(getJson('/metrics/json/gpu')),
          optional(getJson('/api/system/metrics'))
        ]);
        if (stopped) return;
        state.gpus = gpus.items;
        state.hosts = hosts.items;
        state.series = bySeries(telemetry.items);
        state.lost = new Map((snapshot?.faults || []).filter((f) => f.lost && f.uuid).map((f) => [f.uuid, f]));
        state.live = live?.[0] || null;
        options(hostSelect, [...new Set(state.gpus.map((g) => g.hostname))].sort(), state.host, 'All hosts');
        options(modelSelect, [...new Set(state.gpus.map((g) => g.model_name))].sort(), state.model, 'All models');
        render();
        ctx.status(!state.gpus.length ? 'No GPUs in the store yet: the collector or an ingest adds them.'
          : !telemetry.complete || !gpus.complete
            ? `The fleet is larger than one refresh reads (${state.gpus.length} GPUs, telemetry cut after ${TELEMETRY_PAGES} pages): filter by host.`
            : '');
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
