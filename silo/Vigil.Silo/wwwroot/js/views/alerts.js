import { api, query, alertsBase, session } from '../api.js';
import { h, clear, link, severityBadge, statusBadge, when, table, errorBox, refreshTimes } from '../dom.js';
import { openStream } from '../stream.js';
import { entityLinks } from './links.js';

const SINCE = { '': 'any time', '900': 'last 15 min', '3600': 'last hour', '86400': 'last 24 h', '604800': 'last 7 days' };
const FILTER_KEYS = ['cluster', 'namespace', 'minSeverity', 'status', 'rule', 'since'];
const PAGE = 100;
// A tab left open for days must not grow without bound; older alerts stay a click away.
const MAX_ROWS = 500;

// The alert list: the first page from the index, then kept current by the live stream. The stream is asked for
// the filters that never change on an alert (cluster, namespace, rule, severity); status and "since" are applied
// here, so an alert that is resolved while shown changes in place, or leaves a list of active ones.
export function alertsView() {
  const filters = readFilters();
  const rows = new Map();
  const body = h('tbody');
  const total = h('span', { 'data-testid': 'alert-total', role: 'status' });
  const live = h('span', { class: 'live', 'data-testid': 'live' }, 'connecting');
  const message = h('div');
  const more = h('button', { type: 'button', class: 'action', hidden: true, onclick: () => load(cursor) }, 'Older alerts');
  let cursor = null;
  let known = 0;
  let loadedAt = Date.now();
  let generation = 0;
  // Alerts the stream brought while a fresh first page was on its way: that page may predate them.
  let duringLoad = null;

  const scoped = session.who?.cluster;
  const cluster = h('select', { name: 'cluster', disabled: !!scoped },
    h('option', { value: '' }, scoped ? scoped : 'all clusters'));
  if (filters.cluster && !scoped) cluster.append(h('option', { value: filters.cluster, selected: true }, filters.cluster));
  if (!scoped) {
    api('/api/v1/clusters').then(list => {
      for (const c of list) if (c.name !== filters.cluster) cluster.append(h('option', { value: c.name }, c.name));
    }).catch(() => {});
  }

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
    for (const key of FILTER_KEYS) {
      const value = String(data.get(key) ?? '').trim();
      if (value) next[key] = value;
    }
    location.hash = '#/alerts' + query(next);
  }

  function apiFilters() {
    const { since, ...rest } = filters;
    return since ? { ...rest, since: new Date(Date.now() - Number(since) * 1000).toISOString() } : rest;
  }

  // A fresh first page replaces the list (after a reconnect or a "missed", what is shown may be stale); a next page
  // adds below. Only the newest load may write: an older one finishing late would put back what has since changed.
  async function load(after) {
    const mine = ++generation;
    if (!after) duringLoad = new Map();
    try {
      const page = await api(alertsBase() + query({ ...apiFilters(), limit: PAGE, cursor: after ?? undefined }));
      if (mine !== generation) return;
      if (!after) {
        rows.clear();
        body.replaceChildren();
        known = page.total;
        loadedAt = Date.now();
      }
      for (const alert of page.items) place(alert, false);
      if (!after) {
        const arrived = duringLoad;
        duringLoad = null;
        for (const alert of arrived.values()) {
          const row = rows.get(alert.id);
          if (!row || Number(row.dataset.lastSeen) <= Date.parse(alert.lastSeen)) onLive(alert);
        }
      }
      cursor = page.nextCursor;
      more.hidden = !cursor;
      message.replaceChildren();
      showTotal();
    } catch (error) {
      if (mine === generation) {
        duringLoad = null;
        clear(message, errorBox(error));
      }
    }
  }

  function onLive(alert) {
    duringLoad?.set(alert.id, alert);
    const shown = rows.has(alert.id);
    if (!matches(alert, filters)) {
      if (shown) {
        rows.get(alert.id).remove();
        rows.delete(alert.id);
        known--;
        showTotal();
      }
      return;
    }
    // An alert opened before this list loaded was already counted in its total.
    if (!shown && Date.parse(alert.firstSeen) >= loadedAt - 1000) known++;
    place(alert, true);
    while (rows.size > MAX_ROWS) {
      const last = body.lastElementChild;
      rows.delete(last.dataset.alertId);
      last.remove();
      more.hidden = false;
    }
    showTotal();
  }

  // Keeps the rows in the list's order, newest sighting first.
  function place(alert, fresh) {
    rows.get(alert.id)?.remove();
    const row = rowOf(alert);
    if (fresh) row.classList.add('fresh');
    const seen = Date.parse(alert.lastSeen);
    const before = [...body.children].find(r => Number(r.dataset.lastSeen) < seen);
    body.insertBefore(row, before ?? null);
    rows.set(alert.id, row);
  }

  function showTotal() {
    total.textContent = `${rows.size} shown of ${Math.max(known, rows.size)}`;
  }

  // Loaded now, so the list shows even when the stream cannot open; the stream's subscription reloads it to close
  // the gap between this page and the moment it listens.
  load(null);
  const stop = openStream(alertsBase() + '/stream' + query(streamFilters(filters)), {
    onState: state => { live.className = `live ${state}`; live.textContent = state === 'on' ? 'live' : 'reconnecting'; },
    onOpen: () => load(null),
    onRefused: reason => { live.textContent = 'not live'; clear(message, errorBox(reason)); },
    onEvent: (name, data) => {
      if (name === 'alert') onLive(data);
      else if (name === 'missed') load(null);
    },
  });
  const clock = setInterval(() => refreshTimes(body), 15000);

  const element = h('section', {},
    h('h1', {}, 'Alerts'),
    h('p', { class: 'sub' }, total, ' · ', live),
    form, message,
    table(['Severity', 'Alert', 'Where', 'Status', 'Count', 'Last seen'], [], { 'data-testid': 'alert-table' }),
    h('div', { class: 'pager' }, more));
  element.querySelector('table').replaceChild(body, element.querySelector('tbody'));
  return { element, stop: () => { stop(); clearInterval(clock); } };
}

function rowOf(a) {
  return h('tr', {
    'data-testid': 'alert-row', 'data-alert-id': a.id, 'data-rule': a.ruleId, 'data-title': a.title,
    'data-subject': a.pod || a.serviceAccount, 'data-last-seen': Date.parse(a.lastSeen),
  },
  h('td', {}, severityBadge(a.severity)),
  h('td', {}, link(`/alerts/${encodeURIComponent(a.id)}`, a.title, { 'data-testid': 'alert-title' }), h('div', { class: 'notice mono' }, a.ruleId)),
  h('td', {}, entityLinks(a)),
  h('td', {}, statusBadge(a.status)),
  h('td', {}, a.count),
  h('td', {}, when(a.lastSeen)));
}

function select(name, options, value) {
  return h('select', { name },
    Object.entries(options).map(([v, text]) => h('option', { value: v, selected: v === (value ?? '') }, text)));
}

function readFilters() {
  const search = new URLSearchParams(location.hash.split('?')[1] ?? '');
  return Object.fromEntries([...search.entries()].filter(([k, v]) => v && FILTER_KEYS.includes(k)));
}

function streamFilters({ since, status, ...rest }) {
  return rest;
}

function matches(alert, { status, since }) {
  return (!status || alert.status.toLowerCase() === status.toLowerCase())
    && (!since || Date.parse(alert.lastSeen) >= Date.now() - Number(since) * 1000);
}
