// Host: this node's CPU per core, memory, disks and network, live from the collector's snapshot.
import { getJson, getAll, ApiError } from './api.js';
import { el, facts, table, bytes, number } from './dom.js';
import { timeChart } from './charts.js';

const REFRESH_MS = 2000;
const HISTORY_SECONDS = 300;

export default {
  title: 'Host',
  mount(root, params, ctx) {
    const nodeId = params[0] || '';
    let stopped = false;
    let timer = null;
    const history = { xs: [], cpu: [], memory: [], rx: [], tx: [], read: [], write: [] };
    const heading = el('h1', null, 'Host');
    const info = el('section', { class: 'panel', 'aria-label': 'This node' });
    const cores = el('div', { class: 'cores', id: 'cores' });
    const chartsNode = el('div', { class: 'grid wide', id: 'host-charts' });
    const disks = el('section', { 'aria-labelledby': 'disks-heading' });
    const network = el('section', { 'aria-labelledby': 'net-heading' });
    const hostPicker = el('p', { class: 'muted' });

    root.append(heading, hostPicker, info,
      el('h2', { id: 'cores-heading' }, 'CPU per core'), el('section', { class: 'panel', 'aria-labelledby': 'cores-heading' }, cores),
      el('h2', null, 'Last five minutes'), chartsNode, disks, network);

    const plots = {};
    function chart(key, title, unit, labels) {
      const plot = el('div', { class: 'plot' });
      chartsNode.append(el('section', { class: 'panel chart', 'aria-label': title }, el('h3', null, title), plot));
      plots[key] = timeChart(plot, { unit, labels, height: 180 });
    }

    function push(key, value) {
      history[key].push(value);
    }

    function render(m) {
      const now = m.timestamp / 1000;
      history.xs.push(now);
      push('cpu', m.cpu.overall);
      push('memory', m.memory.used);
      push('rx', m.network.bytesInPerSecond);
      push('tx', m.network.bytesOutPerSecond);
      push('read', m.disk.ioRead);
      push('write', m.disk.ioWrite);
      while (history.xs.length && history.xs[0] < now - HISTORY_SECONDS) {
        Object.values(history).forEach((column) => column.shift());
      }
      plots.cpu.update(history.xs, [history.cpu]);
      plots.memory.update(history.xs, [history.memory]);
      plots.network.update(history.xs, [history.rx, history.tx]);
      plots.disk.update(history.xs, [history.read, history.write]);
      chartsNode.dataset.points = String(history.xs.length);

      cores.replaceChildren(...m.cpu.cores.map((c) => el('label', null,
        el('span', null, `#${c.id}`),
        el('meter', { min: 0, max: 100, low: 70, high: 90, optimum: 0, value: c.usage.toFixed(1) }),
        el('span', null, `${number(c.usage, 0)} %`))));

      disks.replaceChildren(el('h2', { id: 'disks-heading' }, 'Disks'), table(
        ['Mount', 'Device', 'Type', { label: 'Used', num: true }, { label: 'Total', num: true }, { label: 'Use', num: true }],
        (m.disk.filesystems || []).map((f) => el('tr', null, el('td', null, f.mount), el('td', null, f.device), el('td', null, f.type),
          el('td', { class: 'num' }, bytes(f.used_bytes)), el('td', { class: 'num' }, bytes(f.total_bytes)),
          el('td', { class: 'num' }, `${number(f.used_percent, 0)} %`))),
        { caption: 'File systems' }),
      el('p', { class: 'muted' }, `I/O: read ${bytes(m.disk.ioRead)}/s, write ${bytes(m.disk.ioWrite)}/s, ${number(m.disk.iops, 0)} IOPS`));

      network.replaceChildren(el('h2', { id: 'net-heading' }, 'Network'), table(
        ['Interface', 'Addresses', { label: 'Receive', num: true }, { label: 'Send', num: true }, { label: 'Errors', num: true },
          { label: 'Drops', num: true }],
        (m.network.interfaces || []).map((n) => el('tr', null, el('td', null, n.name),
          el('td', { class: 'mono' }, (n.ipv4addresses || []).map((a) => `${a.address}/${a.prefix_length}`).join(' ') || '–'),
          el('td', { class: 'num' }, `${bytes(n.received_bytes_per_second)}/s`), el('td', { class: 'num' }, `${bytes(n.sent_bytes_per_second)}/s`),
          el('td', { class: 'num' }, (n.receive_errors || 0) + (n.send_errors || 0)),
          el('td', { class: 'num' }, (n.receive_drops || 0) + (n.send_drops || 0)))),
        { caption: 'Network interfaces' }));
    }

    async function poll() {
      try {
        const [m] = await getJson('/api/system/metrics', { node_id: nodeId || undefined });
        if (stopped) return;
        render(m);
        ctx.ready();
      } catch (err) {
        if (stopped) return;
        if (err instanceof ApiError && err.status === 404) {
          ctx.status(`Live figures of ${nodeId} come from the Argus running on it; this server serves its own node only.`, { error: true });
          ctx.ready();
          return;
        }
        ctx.fail(err);
      }
      if (!stopped) timer = setTimeout(poll, REFRESH_MS);
    }

    async function start() {
      try {
        const [systemInfo, hosts] = await Promise.all([getJson('/api/system/info'), getAll('/api/v1/hosts', { limit: 1000 })]);
        if (stopped) return;
        heading.textContent = `Host ${nodeId || systemInfo.hostname}`;
        info.replaceChildren(facts([
          ['Host name', systemInfo.hostname], ['Node id', systemInfo.node_id], ['OS', `${systemInfo.os || systemInfo.platform} ${systemInfo.os_version || ''}`],
          ['CPU', `${systemInfo.cpu_model} (${systemInfo.cpu_cores} cores, ${systemInfo.cpu_threads} threads)`],
          ['Memory', bytes(systemInfo.memory_total)], ['Swap', bytes(systemInfo.swap_total)], ['Disk', bytes(systemInfo.disk_total)],
          ['GPUs', systemInfo.gpu_count], ['Address', systemInfo.ip_address]
        ]));
        const others = hosts.items.filter((h) => h.hostname !== systemInfo.hostname && h.node_id !== systemInfo.node_id);
        hostPicker.replaceChildren(others.length ? 'Other hosts in the store: ' : '', ...others.flatMap((h, i) => [
          i ? ', ' : '', el('a', { href: `#/host/${encodeURIComponent(h.hostname)}` }, h.hostname)]));
        chart('cpu', 'CPU overall', 'percent', ['CPU']);
        chart('memory', 'Memory used', 'bytes', ['used']);
        chart('network', 'Network', 'bytes_per_second', ['receive', 'send']);
        chart('disk', 'Disk I/O', 'bytes_per_second', ['read', 'write']);
        await poll();
      } catch (err) {
        if (!stopped) ctx.fail(err);
      }
    }

    start();
    return () => {
      stopped = true;
      clearTimeout(timer);
      Object.values(plots).forEach((p) => p.destroy());
    };
  }
};
