// Sessions: monitoring sessions with their state, scrape targets and collections; start, stop, collect.
import { download, getJson, send, url } from './api.js';
import { el, badge, facts, table, time, bytes, ago } from './dom.js';

const REFRESH_MS = 3000;
const ACTIVE = new Set(['STARTING', 'RUNNING']);
const COLLECT_WINDOWS = [
  { seconds: 300, label: 'last 5 minutes' },
  { seconds: 900, label: 'last 15 minutes' },
  { seconds: 3600, label: 'last hour' }
];

export default {
  title: 'Sessions',
  mount(root, params, ctx) {
    let stopped = false;
    let timer = null;
    let selected = params[0] || null;
    let busy = false;

    const list = el('section', { 'aria-labelledby': 'sessions-heading' });
    // the detail is redrawn as it changes (scrape times move every few seconds): not a live region;
    // a screen reader hears the session's state when it changes, from this line alone
    const detail = el('section', { id: 'session-detail', 'aria-label': 'Selected session' });
    const announcer = el('p', { id: 'session-state', class: 'visually-hidden', 'aria-live': 'polite' });
    let drawn = null; // what the detail shows now, to leave it alone when nothing changed
    const runId = el('input', { id: 'new-run-id', name: 'run_id', placeholder: 'generated when empty', pattern: '[A-Za-z0-9][A-Za-z0-9_\\-]{0,63}', title: 'letters, digits, _ and -; up to 64' });
    const port = el('input', { id: 'new-port', name: 'prometheus_port', type: 'number', min: 1024, max: 65535, value: 9090 });
    const interval = el('input', { id: 'new-interval', name: 'scrape_interval', value: '1s', size: 6 });

    root.append(el('h1', null, 'Monitoring sessions'),
      el('form', { class: 'inline panel', id: 'create-session', 'aria-label': 'Create a session', onsubmit: create },
        el('label', { for: 'new-run-id' }, 'Run id', runId),
        el('label', { for: 'new-port' }, 'Prometheus port', port),
        el('label', { for: 'new-interval' }, 'Scrape interval', interval),
        el('button', { type: 'submit', class: 'primary' }, 'Create session')),
      list, announcer, detail);

    async function act(label, operation, id) {
      if (busy) return;
      busy = true;
      root.setAttribute('aria-busy', 'true');
      ctx.status(`${label}…`);
      try {
        await operation();
        ctx.status(`${label}: done.`);
      } catch (err) {
        ctx.fail(err);
      } finally {
        busy = false;
        root.removeAttribute('aria-busy');
        await refresh(true);
        // the row was drawn anew: keep the keyboard where it was
        root.querySelector(`tr[data-session="${CSS.escape(id || selected || '')}"] a`)?.focus();
      }
    }

    function create(event) {
      event.preventDefault();
      act('Creating the session', async () => {
        const body = { prometheus_port: Number(port.value), scrape_interval: interval.value || '1s' };
        if (runId.value.trim()) body.run_id = runId.value.trim();
        const created = await send('POST', '/api/v1/sessions', body);
        selected = created.session_id;
        runId.value = '';
      });
    }

    const start = (id) => act(`Starting ${id}`, () => send('POST', `/api/v1/sessions/${encodeURIComponent(id)}/start`, {}), id);
    const stop = (id) => act(`Stopping ${id}`, () => send('POST', `/api/v1/sessions/${encodeURIComponent(id)}/stop`), id);
    const remove = (id) => {
      if (!window.confirm(`Delete session ${id} and its working directory? Artifacts stay.`)) return;
      act(`Deleting ${id}`, async () => {
        await send('DELETE', `/api/v1/sessions/${encodeURIComponent(id)}`);
        if (selected === id) selected = null;
      }, id);
    };
    const collect = (id, seconds) => act(`Collecting from ${id}`, () => {
      const end = new Date();
      const start = new Date(end.getTime() - seconds * 1000);
      const stamp = end.toISOString().replace(/[:.]/g, '-');
      return send('POST', `/api/v1/sessions/${encodeURIComponent(id)}/collect`, {
        window_start: start.toISOString(), window_end: end.toISOString(), out_dir: `${id}/${stamp}`, run_id: id
      });
    }, id);

    function row(s) {
      const active = ACTIVE.has(s.status);
      return el('tr', { class: s.session_id === selected ? 'selected' : null, dataset: { session: s.session_id, status: s.status } },
        el('td', null, el('a', { href: `#/sessions/${encodeURIComponent(s.session_id)}`, onclick: () => { selected = s.session_id; } }, s.session_id)),
        el('td', null, badge(s.status)),
        el('td', { class: 'hide-narrow' }, s.launcher || '–'),
        el('td', { class: 'hide-narrow' }, s.prometheus_url),
        el('td', { class: 'hide-narrow' }, ago(s.created_at)),
        el('td', null, el('div', { class: 'actions' },
          el('button', { type: 'button', class: 'primary', dataset: { action: 'start' }, disabled: active || busy,
            'aria-label': `Start ${s.session_id}`, onclick: () => start(s.session_id) }, 'Start'),
          el('button', { type: 'button', dataset: { action: 'stop' }, disabled: s.status !== 'RUNNING' || busy,
            'aria-label': `Stop ${s.session_id}`, onclick: () => stop(s.session_id) }, 'Stop'),
          el('button', { type: 'button', dataset: { action: 'collect' }, disabled: s.status !== 'RUNNING' || busy,
            'aria-label': `Collect the last 5 minutes of ${s.session_id}`, onclick: () => collect(s.session_id, 300) }, 'Collect'),
          el('button', { type: 'button', class: 'danger', dataset: { action: 'delete' }, disabled: busy,
            'aria-label': `Delete ${s.session_id}`, onclick: () => remove(s.session_id) }, 'Delete'))));
    }

    async function renderDetail(id) {
      const s = await getJson(`/api/v1/sessions/${encodeURIComponent(id)}`);
      const running = s.status === 'RUNNING';
      const [targets, collections] = await Promise.all([
        running ? getJson(`/api/v1/sessions/${encodeURIComponent(id)}/targets`).catch((err) => err) : Promise.resolve([]),
        getJson(`/api/v1/sessions/${encodeURIComponent(id)}/collections`)
      ]);
      if (stopped) return;
      const state = `Session ${s.session_id} is ${s.status.toLowerCase()}.`;
      if (announcer.textContent !== state) announcer.textContent = state;
      const shown = JSON.stringify([s, targets instanceof Error ? targets.message : targets, collections, busy]);
      if (shown === drawn) return;
      drawn = shown;
      const windowSelect = el('select', { id: 'collect-window' }, COLLECT_WINDOWS.map((w) => el('option', { value: w.seconds }, w.label)));
      detail.replaceChildren(
        el('h2', null, 'Session ', el('code', null, s.session_id), ' ', badge(s.status)),
        el('div', { class: 'panel' }, facts([
          ['Reason', s.reason || s.status_reason], ['Prometheus', s.prometheus_url], ['Launcher', s.launcher], ['Job', s.job_id],
          ['Node', s.node], ['Partition', s.partition], ['Time limit', s.time_limit], ['Scrape interval', s.scrape_interval],
          ['Created', time(s.created_at)], ['Started', s.started_at && time(s.started_at)], ['Ended', s.ended_at && time(s.ended_at)],
          ['Working directory', el('code', null, s.workdir)]
        ])),
        el('form', { class: 'controls', onsubmit: (e) => { e.preventDefault(); collect(s.session_id, Number(windowSelect.value)); } },
          el('label', { for: 'collect-window' }, 'Collect window', windowSelect),
          el('button', { type: 'submit', disabled: !running || busy }, 'Collect now')),
        el('h3', null, 'Scrape targets'),
        targets instanceof Error
          ? el('p', { class: 'muted' }, `Targets unavailable: ${targets.message}`)
          : targets.length
            ? table(['Job', 'Instance', 'Health', 'Last scrape', 'Last error'], targets.map((t) => el('tr', null,
              el('td', null, t.job), el('td', { class: 'mono' }, t.instance), el('td', null, badge(t.health || 'unknown')),
              el('td', null, ago(t.last_scrape)), el('td', null, t.last_error || '–'))), { caption: 'Scrape targets' })
            : el('p', { class: 'muted' }, running ? 'No targets registered yet (POST /api/v1/clients or /api/v1/services).' : 'Targets are listed while the session runs.'),
        el('h3', null, 'Collections and artifacts'),
        collections.length
          ? table(['Collected', 'Window', { label: 'Series', num: true }, { label: 'Rows', num: true }, 'Artifacts'], collections.map((c) => el('tr', null,
            el('td', null, time(c.created_at)),
            el('td', null, `${time(c.window_start)} – ${time(c.window_end)}`),
            el('td', { class: 'num' }, c.series_count), el('td', { class: 'num' }, c.row_count),
            el('td', null, el('div', { class: 'actions' }, (c.files || []).map((f) => artifactLink(s, c, f)))))), { caption: 'Collections' })
          : el('p', { class: 'muted' }, 'Nothing collected yet.'));
    }

    /** A link that also works with keys configured: the click fetches the file with the key. */
    function artifactLink(s, c, f) {
      const path = `/api/v1/sessions/${encodeURIComponent(s.session_id)}/collections/${c.collection_id}/artifacts/${f.name}`;
      return el('a', {
        href: url(path).href, download: true, title: `sha256 ${f.sha256}`,
        onclick: (event) => {
          event.preventDefault();
          download(path, f.name).then(() => ctx.status(`${f.name} downloaded.`), (err) => ctx.fail(err));
        }
      }, `${f.name} (${bytes(f.size_bytes)})`);
    }

    async function refresh(force = false) {
      clearTimeout(timer);
      const focused = document.activeElement;
      if (!force && focused && focused !== root && root.contains(focused) && focused.tagName !== 'A') {
        // someone is using a control: redraw later rather than pull it from under them
        timer = setTimeout(refresh, REFRESH_MS);
        return;
      }
      try {
        const listing = await getJson('/api/v1/sessions', { limit: 100 });
        if (stopped) return;
        const sessions = listing.sessions || [];
        const focusedRow = list.contains(document.activeElement) ? document.activeElement.closest('tr[data-session]')?.dataset.session : null;
        list.replaceChildren(el('h2', { id: 'sessions-heading' }, `Sessions (${listing.count ?? sessions.length})`), sessions.length
          ? table(['Session', 'Status', { label: 'Launcher' }, 'Prometheus', 'Created', 'Actions'], sessions.map(row), { caption: 'Sessions' })
          : el('p', { class: 'muted' }, 'No sessions yet.'));
        list.querySelectorAll('th:nth-child(3), th:nth-child(4), th:nth-child(5)').forEach((th) => th.classList.add('hide-narrow'));
        // a redraw must not drop the keyboard's place (a focused button postpones it; a link does not)
        if (focusedRow) list.querySelector(`tr[data-session="${CSS.escape(focusedRow)}"] a`)?.focus({ preventScroll: true });
        if (selected && sessions.some((s) => s.session_id === selected)) await renderDetail(selected);
        else {
          detail.replaceChildren();
          announcer.textContent = '';
          drawn = null;
        }
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
    };
  }
};
