import { h, link, severityBadge, statusBadge, when, table } from '../dom.js';

// The alerts an entity's grain holds, newest first, each linking to its detail.
export function alertTable(alerts) {
  if (!alerts?.length) return h('p', { class: 'notice' }, 'No alerts.');
  const sorted = [...alerts].sort((a, b) => Date.parse(b.lastSeen) - Date.parse(a.lastSeen));
  return table(['Severity', 'Alert', 'Status', 'Count', 'Last seen'], sorted.map(a => h('tr', { 'data-testid': 'entity-alert' },
    h('td', {}, severityBadge(a.severity)),
    h('td', {}, link(`/alerts/${encodeURIComponent(a.id)}`, a.title)),
    h('td', {}, statusBadge(a.status)),
    h('td', {}, a.count),
    h('td', {}, when(a.lastSeen)))));
}
