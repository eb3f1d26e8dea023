// Service: Argus's own health components, recent request rates and latencies, the telemetry writer's
// backlog, the collector's cycles.
//
// Recent figures: Argus exports since-start counters and a cumulative latency histogram per route
// on /metrics (argus_http_requests_total, argus_http_request_duration_seconds_bucket). The page
// keeps the snapshots of the last minute and subtracts the oldest from the newest, as Prometheus's
// rate() and histogram_quantile() would: requests per second and latency quantiles of the requests
// that finished in that window, overall and per route. Nothing is recomputed on the server.
import { getJson, getText } from './api.js';
import { el, badge, table, number, withUnit } from './dom.js';
import { timeChart } from './charts.js';

const REFRESH_MS = 3000;
const HISTORY_SECONDS = 600;
const WINDOW_SECONDS = 60;
const REQUESTS = 'argus_http_requests_total';
const BUCKETS = 'argus_http_request_duration_seconds_bucket';

/** The unlabelled samples of a Prometheus text exposition (name → value). */
export function plainSamples(text) {
  const values = new Map();
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{[^}]*\})?\s+(\S+)/.exec(line);
    if (match && !values.has(match[1])) values.set(match[1], Number(match[2]));
  }
  return values;
}

/** The samples of the named families with their labels: [{ name, labels, value }]. */
export function labelledSamples(text, names) {
  const samples = [];
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)\{(.*)\}\s+(\S+)/.exec(line);
    if (!match || !names.includes(match[1])) continue;
    const labels = {};
    for (const [, name, value] of match[2].matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)) {
      labels[name] = value.replace(/\\(.)/g, (m, c) => (c === 'n' ? '\n' : c));
    }
    samples.push({ name: match[1], labels, value: Number(match[3]) });
  }
  return samples;
}

/**
 * The request counters of one exposition: per route (method and template) the count and the
 * cumulative bucket counts by upper bound; 'all' sums the routes.
 */
export function requestCounters(text) {
  const routes = new Map();
  const entry = (key) => {
    if (!routes.has(key)) routes.set(key, { count: 0, buckets: new Map() });
    return routes.get(key);
  };
  for (const s of labelledSamples(text, [REQUESTS, BUCKETS])) {
    const keys = ['all', `${s.labels.method} ${s.labels.route}`];
    for (const key of keys) {
      const e = entry(key);
      if (s.name === REQUESTS) e.count += s.value;
      else {
        const le = s.labels.le === '+Inf' ? Infinity : Number(s.labels.le);
        e.buckets.set(le, (e.buckets.get(le) || 0) + s.value);
      }
    }
  }
  return routes;
}

/**
 * The q-quantile of cumulative bucket counts (upper bound → count), interpolated inside its bucket
 * as histogram_quantile() does; null without observations. A rank in +Inf answers the highest
 * finite bound.
 */
export function quantile(q, buckets) {
  const bounds = [...buckets.keys()].sort((a, b) => a - b);
  const total = buckets.get(Infinity) ?? (bounds.length ? buckets.get(bounds[bounds.length - 1]) : 0);
  if (!total || total <= 0) return null;
  const rank = q * total;
  let lower = 0;
  let below = 0;
  for (const bound of bounds) {
    const count = buckets.get(bound);
    if (count >= rank && count > 0) {
      if (bound === Infinity) return lower;
      return lower + (bound - lower) * ((rank - below) / (count - below || 1));
    }
    lower = bound;
    below = count;
  }
  return lower;
}

/** Counters of `now` minus those of `then` (a route missing from `then` counts from zero). */
export function difference(now, then) {
  const result = new Map();
  for (const [key, e] of now) {
    const old = then.get(key) || { count: 0, buckets: new Map() };
    const buckets = new Map([...e.buckets].map(([le, n]) => [le, Math.max(0, n - (old.buckets.get(le) || 0))]));
    result.set(key, { count: Math.max(0, e.count - old.count), buckets });
  }
  return result;
}

export default {
  title: 'Service',
  mount(root, params, ctx) {
    let stopped = false;
    let timer = null;
    const history = { xs: [], backlog: [], spilled: [], written: [], cycle: [], rps: [], p50: [], p95: [], p99: [] };
    let previous = null;
    const snapshots = []; // { at, counters } of the last WINDOW_SECONDS and one before

    const overall = el('p', { id: 'overall' });
    const components = el('section', { 'aria-labelledby': 'components-heading' });
    const figures = el('div', { class: 'summary', id: 'service-figures' });
    const chartsNode = el('div', { class: 'grid wide', id: 'service-charts' });
    const routesNode = el('section', { 'aria-labelledby': 'routes-heading', id: 'routes' });
    root.append(el('h1', null, 'Service'), overall, figures, el('h2', null, 'Last ten minutes'), chartsNode, routesNode, components);

    const plots = {};
    function chart(key, title, unit, labels) {
      const plot = el('div', { class: 'plot' });
      chartsNode.append(el('section', { class: 'panel chart', 'aria-label': title }, el('h3', null, title), plot));
      plots[key] = timeChart(plot, { unit, labels, height: 180 });
    }
    chart('rps', 'Requests per second (over the last minute)', 'per_second', ['requests']);
    chart('latency', 'Request latency (requests of the last minute)', 'ms', ['p50', 'p95', 'p99']);
    chart('backlog', 'Telemetry writer backlog', 'count', ['in memory', 'spilled to disk']);
    chart('written', 'Samples written per second', 'per_second', ['written']);
    chart('cycle', 'Collection cycle duration', 'seconds', ['cycle']);

    function figure(label, value, id) {
      return el('div', { class: 'panel' }, el('div', { class: 'muted' }, label), el('div', { class: 'figure', id }, value));
    }

    function dataList(data) {
      const entries = Object.entries(data || {});
      return entries.length ? el('ul', { class: 'mono' }, entries.map(([k, v]) => el('li', null, `${k}: ${v}`))) : '–';
    }

    /** Requests of the window: the newest snapshot against the oldest one kept. */
    function recent(now, counters) {
      snapshots.push({ at: now, counters });
      while (snapshots.length > 2 && snapshots[1].at <= now - WINDOW_SECONDS) snapshots.shift();
      if (snapshots.length < 2) return null;
      const seconds = now - snapshots[0].at;
      return { seconds, routes: difference(counters, snapshots[0].counters) };
    }

    const ms = (seconds) => (seconds == null ? null : seconds * 1000);

    function renderRoutes(window, counters) {
      const rows = window ? [...window.routes].filter(([key]) => key !== 'all')
        .map(([key, e]) => ({ key, rate: e.count / window.seconds, p95: ms(quantile(0.95, e.buckets)), total: counters.get(key)?.count ?? 0 }))
        .sort((a, b) => b.rate - a.rate || b.total - a.total) : [];
      routesNode.replaceChildren(el('h2', { id: 'routes-heading' }, 'Requests by route'),
        rows.length
          ? table(['Route', { label: 'Per second', num: true }, { label: 'p95', num: true }, { label: 'Since start', num: true }],
            rows.map((r) => el('tr', { dataset: { route: r.key } }, el('td', { class: 'mono' }, r.key),
              el('td', { class: 'num' }, withUnit(r.rate, 'per_second')),
              el('td', { class: 'num' }, r.p95 == null ? '–' : withUnit(r.p95, 'ms')),
              el('td', { class: 'num' }, number(r.total, 0)))),
            { caption: 'Requests by route over the last minute' })
          : el('p', { class: 'muted' }, 'Measured from the second refresh on.'),
        el('p', { class: 'muted' }, window
          ? `Rates and latencies of the last ${Math.round(window.seconds)} s, from the counters and histogram on `
          : 'Rates and latencies come from the counters and histogram on ',
        el('a', { href: '../metrics' }, '/metrics'), ' (argus_http_*), read every 3 s by this page; totals since start from ',
        el('a', { href: '../stats' }, '/stats'), '.'));
    }

    async function poll() {
      try {
        const [healthDoc, exposition, stats] = await Promise.all([
          getJson('/health', undefined, { okStatuses: [503] }),
          getText('/metrics'),
          getJson('/stats')
        ]);
        if (stopped) return;
        const metrics = plainSamples(exposition);
        const counters = requestCounters(exposition);
        const checks = healthDoc.checks || [];
        const writer = checks.find((c) => c.name === 'telemetry-writer')?.data || {};
        const shutdown = checks.find((c) => c.name === 'shutdown')?.data || {};
        const now = Date.now() / 1000;
        const written = Number(writer.written_samples ?? metrics.get('argus_telemetry_samples_written_total') ?? 0);
        const rate = previous ? Math.max(0, (written - previous.written) / (now - previous.at)) : null;
        previous = { at: now, written };
        const requests = stats.requests || {};
        const window = recent(now, counters);
        const all = window?.routes.get('all');
        const latency = (q) => (all?.count ? ms(quantile(q, all.buckets)) : null);

        history.xs.push(now);
        history.backlog.push(Number(writer.memory_samples ?? writer.backlog_samples ?? 0));
        history.spilled.push(Number(writer.spilled_samples ?? 0));
        history.written.push(rate);
        history.cycle.push(metrics.get('argus_collector_cycle_duration_seconds') ?? null);
        history.rps.push(window ? (all?.count ?? 0) / window.seconds : null);
        history.p50.push(latency(0.5));
        history.p95.push(latency(0.95));
        history.p99.push(latency(0.99));
        while (history.xs[0] < now - HISTORY_SECONDS) Object.values(history).forEach((c) => c.shift());
        plots.backlog.update(history.xs, [history.backlog, history.spilled]);
        plots.written.update(history.xs, [history.written]);
        plots.cycle.update(history.xs, [history.cycle]);
        plots.rps.update(history.xs, [history.rps]);
        plots.latency.update(history.xs, [history.p50, history.p95, history.p99]);
        chartsNode.dataset.points = String(history.xs.length);

        const p95 = latency(0.95);
        overall.replaceChildren('Overall: ', badge(healthDoc.status, healthDoc.status === 'UP' ? 'up' : 'down'));
        figures.replaceChildren(
          figure('Requests in flight', requests.in_flight ?? shutdown.in_flight ?? '–', 'in-flight'),
          figure('Requests per second (1 min)', window ? withUnit(history.rps[history.rps.length - 1], 'per_second') : '–', 'requests-rate'),
          figure('Latency p95 (1 min)', p95 == null ? '–' : withUnit(p95, 'ms'), 'latency-p95'),
          figure('Requests served', number(requests.total, 0), 'requests-total'),
          figure('Success rate', requests.success_rate == null ? '–' : number(requests.success_rate * 100, 1) + ' %', 'success-rate'),
          figure('Writer backlog', number(Number(writer.backlog_samples ?? 0), 0), 'backlog'),
          figure('Dropped samples', number(Number(writer.dropped_samples ?? 0), 0)),
          figure('Written samples', number(written, 0)),
          figure('Collector cycles', number(metrics.get('argus_collector_cycles_total'), 0)),
          figure('Skipped ticks', number(metrics.get('argus_collector_skipped_ticks_total'), 0)),
          figure('Collector failures', number(metrics.get('argus_collector_failures_total'), 0)),
          figure('JVM threads', number(metrics.get('thread_count'), 0)));
        renderRoutes(window, counters);
        components.replaceChildren(el('h2', { id: 'components-heading' }, 'Health components'), table(
          ['Component', 'Status', 'Details'],
          checks.map((c) => el('tr', { dataset: { check: c.name } }, el('td', null, c.name), el('td', null, badge(c.status)),
            el('td', null, dataList(c.data)))),
          { caption: 'Health checks' }));
        ctx.ready();
      } catch (err) {
        if (!stopped) ctx.fail(err);
      }
      if (!stopped) timer = setTimeout(poll, REFRESH_MS);
    }

    poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
      Object.values(plots).forEach((p) => p.destroy());
    };
  }
};
