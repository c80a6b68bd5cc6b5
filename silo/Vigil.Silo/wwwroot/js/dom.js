// Builds DOM without HTML strings: every value from the API is text, never markup.
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on')) el.addEventListener(key.slice(2), value);
    else if (key === 'class') el.className = value;
    else if (key === 'dataset') Object.assign(el.dataset, value);
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export function clear(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

export function link(path, text, attrs = {}) {
  return h('a', { href: '#' + path, ...attrs }, text);
}

const SEVERITIES = ['high', 'medium', 'low', 'informational'];

export function severityBadge(severity) {
  const s = String(severity ?? '').toLowerCase();
  return h('span', { class: `sev sev-${SEVERITIES.includes(s) ? s : 'informational'}`, 'data-severity': s }, capital(s));
}

export function statusBadge(status) {
  const s = String(status ?? '').toLowerCase();
  return h('span', { class: `status status-${s}`, 'data-testid': 'alert-status' }, capital(s));
}

export function capital(text) {
  return text ? text[0].toUpperCase() + text.slice(1) : '';
}

export function when(iso) {
  if (!iso) return '—';
  const date = new Date(iso);
  return h('time', { datetime: iso, title: date.toISOString() }, relative(date));
}

/** Brings every relative time under root up to date: a live list would otherwise say "just now" for hours. */
export function refreshTimes(root) {
  for (const el of root.querySelectorAll('time[datetime]')) el.textContent = relative(new Date(el.getAttribute('datetime')));
}

export function relative(date) {
  const seconds = Math.round((Date.now() - date.getTime()) / 1000);
  if (seconds < 5) return 'just now';
  if (seconds < 60) return `${seconds} s ago`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ago`;
  if (seconds < 86400) return `${Math.floor(seconds / 3600)} h ago`;
  return date.toISOString().slice(0, 16).replace('T', ' ');
}

export function facts(pairs) {
  return h('dl', { class: 'facts' }, pairs.filter(([, v]) => v !== undefined && v !== null && v !== '')
    .map(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]));
}

export function table(headers, rows, attrs = {}) {
  return h('table', attrs,
    h('thead', {}, h('tr', {}, headers.map(x => h('th', {}, x)))),
    h('tbody', {}, rows));
}

export function errorBox(error) {
  return h('div', { class: 'error', role: 'alert', 'data-testid': 'error' }, error?.message ?? String(error));
}

export function commandLine(binary, args) {
  return [binary, ...(args ?? [])].join(' ');
}

// MITRE ATT&CK ids as the rules carry them (TA0003, T1505.003) and the names analysts know them by.
const TACTICS = {
  TA0001: 'Initial Access', TA0002: 'Execution', TA0003: 'Persistence', TA0004: 'Privilege Escalation',
  TA0005: 'Defense Evasion', TA0006: 'Credential Access', TA0007: 'Discovery', TA0008: 'Lateral Movement',
  TA0009: 'Collection', TA0010: 'Exfiltration', TA0011: 'Command and Control', TA0040: 'Impact',
  TA0042: 'Resource Development', TA0043: 'Reconnaissance',
};

export function tacticName(id) {
  return TACTICS[id] ?? id;
}
