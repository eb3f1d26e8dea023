// The console's shell: routing between pages, the theme, the API key, the status line.
import { apiKey, setApiKey } from './api.js';
import fleet from './fleet.js';
import gpu from './gpu.js';
import host from './host.js';
import sessions from './sessions.js';
import service from './service.js';

const PAGES = { fleet, gpu, host, sessions, service };
const THEME_STORAGE = 'argus.theme';

const main = document.getElementById('page');
const statusLine = document.getElementById('status');
let unmount = null;

/** What pages use to report progress and failures, and to mark themselves rendered. */
const context = {
  status(message, { error = false } = {}) {
    statusLine.textContent = message || '';
    statusLine.classList.toggle('error', Boolean(error));
  },
  fail(err) {
    const message = err?.message || String(err);
    const hint = { 401: 'Argus wants an API key for this: enter one above.', 403: 'This key may not do that (403): start, stop and collect need an operator key.' };
    context.status(hint[err?.status] ? `${hint[err.status]} (${message})` : message, { error: true });
  },
  ready() {
    main.dataset.state = 'ready';
  }
};

function route() {
  const [name, ...params] = location.hash.replace(/^#\/?/, '').split('/').map(decodeURIComponent);
  const page = PAGES[name] ? name : 'fleet';
  if (unmount) unmount();
  unmount = null;
  main.replaceChildren();
  main.dataset.state = 'loading';
  main.dataset.page = page;
  context.status('');
  for (const link of document.querySelectorAll('[data-nav]')) {
    if (link.dataset.nav === page) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  document.title = `${PAGES[page].title} · Argus console`;
  unmount = PAGES[page].mount(main, params.filter(Boolean), context) || null;
}

function applyTheme(theme) {
  document.documentElement.dataset.theme = theme;
  // a toggle with a stable name: "Light theme", pressed or not (a label that also changed would
  // announce the opposite of the state)
  document.getElementById('theme').setAttribute('aria-pressed', String(theme === 'light'));
}

function setUp() {
  const stored = localStorage.getItem(THEME_STORAGE);
  applyTheme(stored || (matchMedia('(prefers-color-scheme: light)').matches ? 'light' : 'dark'));
  document.getElementById('theme').addEventListener('click', () => {
    const next = document.documentElement.dataset.theme === 'light' ? 'dark' : 'light';
    localStorage.setItem(THEME_STORAGE, next);
    applyTheme(next);
    route(); // charts take their colours from the theme when they are drawn
  });

  const key = document.getElementById('api-key');
  key.value = apiKey();
  // a new key can open what the old one could not: draw the page again with it
  const useKey = () => {
    if (key.value.trim() === apiKey()) return;
    setApiKey(key.value.trim());
    route();
  };
  key.addEventListener('change', useKey);
  document.getElementById('key-form').addEventListener('submit', (event) => {
    event.preventDefault();
    useKey();
  });

  window.addEventListener('hashchange', () => {
    route();
    main.focus({ preventScroll: true });
  });
  route();
}

setUp();
