import { api, query, alertsBase } from '../api.js';
import { h, clear, link, severityBadge, statusBadge, when, table, errorBox } from '../dom.js';
import { openStream } from '../stream.js';
import { entityLinks } from './links.js';

const SINCE = { '': 'any time', '900': 'last 15 min', '3600': 'last hour', '86400': 'last 24 h', '604800': 'last 7 days' };
const PAGE = 100;

// The alert list: the first page from the index, then kept current by the live stream with the same filters.
export function alertsView() {
  const filters = readFilters();
  const rows = new Map();
  const body = h('tbody');
  const total = h('span', { 'data-testid': 'alert-total' });
  const live = h('span', { class: 'live', 'data-testid': 'live' }, 'connecting');
  const message = h('div');
  const more = h('button', { type: 'button', class: 'action', hidden: true, onclick: () => load(cursor) }, 'Older alerts');
  let cursor = null;
  let known = 0;

  const cluster = h('select', { name: 'cluster', 'aria-label': 'Cluster' }, h('option', { value: '' }, 'all clusters'));
  api('/api/v1/clusters').then(list => {
    for (const c of list) cluster.append(h('option', { value: c.name }, c.name));
    cluster.value = filters.cluster ?? '';
  }).catch(() => {});

  const form = h('form', { class: 'filters', 'data-testid': 'filters', onsubmit: e => { e.preventDefault(); apply(); } },
    h('label', {}, 'Cluster', cluster),
    h('label', {}, 'Namespace', h('input', { name: 'namespace', value: filters.namespace ?? '', placeholder: 'any' })),
    h('label', {}, 'Severity at least', select('minSeverity', { '': 'any', high: 'High', medium: 'Medium', low: 'Low', informational: 'Informational' }, filters.minSeverity)),
    h('label', {}, 'Status', select('status', { '': 'any', active: 'Active', resolved: 'Resolved', dismissed: 'Dismissed' }, filters.status)),
    h('label', {}, 'Rule', h('input', { name: 'rule', value: filters.rule ?? '', placeholder: 'rule id' })),
    h('label', {}, 'Seen', select('since', SINCE, filters.since)),
    h('button', { type: 'submit', class: 'primary' }, 'Apply'));
  for (const el of form.querySelectorAll('select')) el.addEventListener('change', apply);

  function apply() {
    const data = new FormData(form);
    const next = {};
    for (const key of ['cluster', 'namespace', 'minSeverity', 'status', 'rule', 'since']) {
      const value = String(data.get(key) ?? '').trim();
      if (value) next[key] = value;
    }
    location.hash = '#/alerts' + query(next);
  }

  function apiFilters() {
    const { since, ...rest } = filters;
    return since ? { ...rest, since: new Date(Date.now() - Number(since) * 1000).toISOString() } : rest;
  }

  async function load(after) {
    try {
      const page = await api(alertsBase() + query({ ...apiFilters(), limit: PAGE, cursor: after ?? undefined }));
      if (!after) known = page.total;
      for (const alert of page.items) upsert(alert, false, true);
      cursor = page.nextCursor;
      more.hidden = !cursor;
      showTotal();
    } catch (error) {
      clear(message, errorBox(error));
    }
  }

  function upsert(alert, fresh, append) {
    const row = row_(alert);
    const old = rows.get(alert.id);
    if (old) {
      old.replaceWith(row);
    } else if (append) {
      body.append(row);
    } else {
      body.prepend(row);
      known++;
    }
    rows.set(alert.id, row);
    if (fresh) row.classList.add('fresh');
    showTotal();
  }

  function showTotal() {
    total.textContent = `${rows.size} shown of ${Math.max(known, rows.size)}`;
  }

  const stop = openStream(alertsBase() + '/stream' + query(streamFilters(filters)), {
    onState: state => { live.className = `live ${state}`; live.textContent = state === 'on' ? 'live' : 'reconnecting'; },
    onOpen: () => load(null),
    onEvent: (name, data) => {
      if (name === 'alert' && matchesLocally(data, filters)) upsert(data, true, false);
      else if (name === 'missed') load(null);
    },
  });

  const element = h('section', {},
    h('h1', {}, 'Alerts'),
    h('p', { class: 'sub' }, total, ' · ', live),
    form, message,
    table(['Severity', 'Alert', 'Where', 'Status', 'Count', 'Last seen'], [], { 'data-testid': 'alert-table' }),
    h('div', { class: 'pager' }, more));
  element.querySelector('table').replaceChild(body, element.querySelector('tbody'));
  return { element, stop };
}

function row_(a) {
  return h('tr', { 'data-testid': 'alert-row', 'data-alert-id': a.id, 'data-rule': a.ruleId, 'data-title': a.title, 'data-subject': a.pod || a.serviceAccount },
    h('td', {}, severityBadge(a.severity)),
    h('td', {}, link(`/alerts/${encodeURIComponent(a.id)}`, a.title, { 'data-testid': 'alert-title' }), h('div', { class: 'notice mono' }, a.ruleId)),
    h('td', {}, entityLinks(a)),
    h('td', {}, statusBadge(a.status)),
    h('td', {}, a.count),
    h('td', {}, when(a.lastSeen)));
}

function select(name, options, value) {
  return h('select', { name, 'aria-label': name },
    Object.entries(options).map(([v, text]) => h('option', { value: v, selected: v === (value ?? '') }, text)));
}

function readFilters() {
  const search = new URLSearchParams(location.hash.split('?')[1] ?? '');
  return Object.fromEntries([...search.entries()].filter(([, v]) => v));
}

// The stream takes every filter but "since": a live alert is new by definition.
function streamFilters({ since, ...rest }) {
  return rest;
}

function matchesLocally(alert, filters) {
  return !filters.since || Date.parse(alert.lastSeen) >= Date.now() - Number(filters.since) * 1000;
}
