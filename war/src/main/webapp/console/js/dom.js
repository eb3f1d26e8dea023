// DOM building without innerHTML (nothing the server sends is ever parsed as markup) and formatting.

export function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'class') node.className = value;
    else if (name === 'dataset') Object.assign(node.dataset, value);
    else if (name.startsWith('on') && typeof value === 'function') node.addEventListener(name.slice(2), value);
    else if (value === true) node.setAttribute(name, '');
    else node.setAttribute(name, String(value));
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children) {
    if (child === undefined || child === null || child === false) continue;
    if (Array.isArray(child)) append(node, child);
    else node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export function clear(node) {
  node.replaceChildren();
  return node;
}

/** A status word in a pill; `why`, when given, is its tooltip. */
export function badge(text, kind, why) {
  return el('span', { class: `badge ${kind || String(text).toLowerCase()}`, title: why }, text);
}

export function table(headers, rows, { caption } = {}) {
  return el('div', { class: 'table-wrap' },
    el('table', null,
      caption ? el('caption', { class: 'visually-hidden' }, caption) : null,
      el('thead', null, el('tr', null, headers.map((h) => el('th', { scope: 'col', class: h.num ? 'num' : null }, h.label ?? h)))),
      el('tbody', null, rows)));
}

export function facts(pairs) {
  return el('dl', { class: 'facts' }, pairs.filter(([, v]) => v !== undefined && v !== null && v !== '')
    .map(([k, v]) => [el('dt', null, k), el('dd', null, v)]));
}

const BYTE_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];

export function bytes(value) {
  if (value === undefined || value === null || Number.isNaN(value)) return '–';
  let v = Math.abs(value);
  let i = 0;
  while (v >= 1024 && i < BYTE_UNITS.length - 1) {
    v /= 1024;
    i++;
  }
  return `${(Math.sign(value) * v).toFixed(v >= 100 || i === 0 ? 0 : 1)} ${BYTE_UNITS[i]}`;
}

export function number(value, digits = 1) {
  if (value === undefined || value === null || Number.isNaN(value)) return '–';
  return Number(value).toLocaleString(undefined, { maximumFractionDigits: digits });
}

/** A value in a metric's base unit, as a person reads it. */
export function withUnit(value, unit) {
  if (value === undefined || value === null || Number.isNaN(value)) return '–';
  switch (unit) {
    case 'bytes': return bytes(value);
    case 'bytes_per_second': return `${bytes(value)}/s`;
    case 'percent': return `${number(value, 0)} %`;
    case 'celsius': return `${number(value, 0)} °C`;
    case 'watts': return `${number(value, 0)} W`;
    case 'hertz': return `${number(value / 1e6, 0)} MHz`;
    case 'joules': return `${number(value / 1e3, 1)} kJ`;
    case 'seconds': return `${number(value, 3)} s`;
    case 'ms': return `${number(value, value < 10 ? 2 : 0)} ms`;
    case 'per_second': return `${number(value, value < 10 ? 2 : 1)}/s`;
    default: return number(value, 2);
  }
}

export function time(value) {
  if (!value) return '–';
  const d = value instanceof Date ? value : new Date(value);
  return d.toLocaleString(undefined, { dateStyle: 'short', timeStyle: 'medium' });
}

export function ago(value) {
  if (!value) return '–';
  const seconds = Math.round((Date.now() - new Date(value).getTime()) / 1000);
  if (seconds < 60) return `${Math.max(seconds, 0)} s ago`;
  if (seconds < 3600) return `${Math.round(seconds / 60)} min ago`;
  if (seconds < 86400) return `${Math.round(seconds / 3600)} h ago`;
  return `${Math.round(seconds / 86400)} d ago`;
}

/** Seconds as a step the telemetry API takes (60s, 5m, 1h). */
export function stepText(seconds) {
  if (seconds % 3600 === 0) return `${seconds / 3600}h`;
  if (seconds % 60 === 0) return `${seconds / 60}m`;
  return `${seconds}s`;
}

/** The step (whole seconds, a friendly value) that gives about `points` buckets over `rangeSeconds`. */
export function stepFor(rangeSeconds, points) {
  const nice = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400];
  const wanted = rangeSeconds / points;
  return nice.find((s) => s >= wanted) || 86400;
}
