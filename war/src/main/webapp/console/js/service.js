// Service: Argus's own health components, the telemetry writer's backlog, the collector's cycles.
import { getJson, getText } from './api.js';
import { el, badge, table, number } from './dom.js';
import { timeChart } from './charts.js';

const REFRESH_MS = 3000;
const HISTORY_SECONDS = 600;

/** The unlabelled samples of a Prometheus text exposition (name → value). */
export function plainSamples(text) {
  const values = new Map();
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{[^}]*\})?\s+(\S+)/.exec(line);
    if (match && !values.has(match[1])) values.set(match[1], Number(match[2]));
  }
  return values;
}

export default {
  title: 'Service',
  mount(root, params, ctx) {
    let stopped = false;
    let timer = null;
    const history = { xs: [], backlog: [], spilled: [], written: [], cycle: [], rps: [], p50: [], p95: [], p99: [] };
    let previous = null;
    let previousRequests = null;

    const overall = el('p', { id: 'overall' });
    const components = el('section', { 'aria-labelledby': 'components-heading' });
    const figures = el('div', { class: 'summary', id: 'service-figures' });
    const chartsNode = el('div', { class: 'grid wide', id: 'service-charts' });
    root.append(el('h1', null, 'Service'), overall, figures, el('h2', null, 'Last ten minutes'), chartsNode, components);

    const plots = {};
    function chart(key, title, unit, labels) {
      const plot = el('div', { class: 'plot' });
      chartsNode.append(el('section', { class: 'panel chart', 'aria-label': title }, el('h3', null, title), plot));
      plots[key] = timeChart(plot, { unit, labels, height: 180 });
    }
    chart('rps', 'Requests per second', 'count', ['requests']);
    chart('latency', 'Request latency', 'ms', ['p50', 'p95', 'p99']);
    chart('backlog', 'Telemetry writer backlog', 'count', ['in memory', 'spilled to disk']);
    chart('written', 'Samples written per second', 'count', ['written']);
    chart('cycle', 'Collection cycle duration', 'seconds', ['cycle']);

    function figure(label, value, id) {
      return el('div', { class: 'panel' }, el('div', { class: 'muted' }, label), el('div', { class: 'figure', id }, value));
    }

    function dataList(data) {
      const entries = Object.entries(data || {});
      return entries.length ? el('ul', { class: 'mono' }, entries.map(([k, v]) => el('li', null, `${k}: ${v}`))) : '–';
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
        const checks = healthDoc.checks || [];
        const writer = checks.find((c) => c.name === 'telemetry-writer')?.data || {};
        const shutdown = checks.find((c) => c.name === 'shutdown')?.data || {};
        const now = Date.now() / 1000;
        const written = Number(writer.written_samples ?? metrics.get('argus_telemetry_samples_written_total') ?? 0);
        const rate = previous ? Math.max(0, (written - previous.written) / (now - previous.at)) : null;
        previous = { at: now, written };
        const requests = stats.requests || {};
        const durations = requests.duration_ms || {};
        const rps = previousRequests ? Math.max(0, (requests.total - previousRequests.total) / (now - previousRequests.at)) : null;
        previousRequests = { at: now, total: requests.total };

        history.xs.push(now);
        history.backlog.push(Number(writer.memory_samples ?? writer.backlog_samples ?? 0));
        history.spilled.push(Number(writer.spilled_samples ?? 0));
        history.written.push(rate);
        history.cycle.push(metrics.get('argus_collector_cycle_duration_seconds') ?? null);
        history.rps.push(rps);
        history.p50.push(durations.p50 ?? null);
        history.p95.push(durations.p95 ?? null);
        history.p99.push(durations.p99 ?? null);
        while (history.xs[0] < now - HISTORY_SECONDS) Object.values(history).forEach((c) => c.shift());
        plots.backlog.update(history.xs, [history.backlog, history.spilled]);
        plots.written.update(history.xs, [history.written]);
        plots.cycle.update(history.xs, [history.cycle]);
        plots.rps.update(history.xs, [history.rps]);
        plots.latency.update(history.xs, [history.p50, history.p95, history.p99]);
        chartsNode.dataset.points = String(history.xs.length);

        overall.replaceChildren('Overall: ', badge(healthDoc.status, healthDoc.status === 'UP' ? 'up' : 'down'));
        figures.replaceChildren(
          figure('Requests in flight', requests.in_flight ?? shutdown.in_flight ?? '–', 'in-flight'),
          figure('Requests served', number(requests.total, 0), 'requests-total'),
          figure('Success rate', requests.success_rate == null ? '–' : number(requests.success_rate * 100, 1) + ' %', 'success-rate'),
          figure('Latency p95', durations.p95 == null ? '–' : number(durations.p95, 1) + ' ms', 'latency-p95'),
          figure('Writer backlog', number(Number(writer.backlog_samples ?? 0), 0), 'backlog'),
          figure('Dropped samples', number(Number(writer.dropped_samples ?? 0), 0)),
          figure('Written samples', number(written, 0)),
          figure('Collector cycles', number(metrics.get('argus_collector_cycles_total'), 0)),
          figure('Skipped ticks', number(metrics.get('argus_collector_skipped_ticks_total'), 0)),
          figure('Collector failures', number(metrics.get('argus_collector_failures_total'), 0)),
          figure('JVM threads', number(metrics.get('thread_count'), 0)));
        components.replaceChildren(el('h2', { id: 'components-heading' }, 'Health components'), table(
          ['Component', 'Status', 'Details'],
          checks.map((c) => el('tr', { dataset: { check: c.name } }, el('td', null, c.name), el('td', null, badge(c.status)),
            el('td', null, dataList(c.data)))),
          { caption: 'Health checks' }),
        el('p', { class: 'muted' }, 'Per-route request counts and the latency histogram are on ',
          el('a', { href: '../metrics' }, '/metrics'), ' (argus_http_*); the figures above come from ',
          el('a', { href: '../stats' }, '/stats'), '.'));
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
