import { h, link, facts, when, table } from '../dom.js';
import { page } from './clusters.js';
import { clusterPath, namespacePath } from './links.js';
import { alertTable } from './entityalerts.js';

// A service account's activity over time: what it learned as normal (operations, namespaces, sources, clients,
// each with first and last seen), the requests that alerted, and both on one time line.
export function serviceAccountView(cluster, ns, name) {
  const path = `/api/v1/clusters/${encodeURIComponent(cluster)}/namespaces/${encodeURIComponent(ns)}/serviceaccounts/${encodeURIComponent(name)}`;
  return page(name, path, d => {
    const a = d.activity;
    const flagged = d.alerts.flatMap(alert => alert.evidence.filter(e => e.audit).map(e => ({ alert, e })))
      .sort((x, y) => Date.parse(x.e.time) - Date.parse(y.e.time));
    return [
      h('p', {}, link(clusterPath(cluster), cluster), ' / ', link(namespacePath(cluster, ns), ns)),
      h('h1', { 'data-testid': 'sa-heading' }, `Service account ${ns}/${name}`),
      h('div', { class: 'grid' }, h('div', { class: 'panel' }, facts([
        ['User name', h('code', {}, a.username)],
        ['First seen', when(a.firstSeen)],
        ['Last seen', when(a.lastSeen)],
        ['Baseline', a.learning ? 'still learning what is normal' : 'learned'],
        ['Requests', a.requests],
        ['Refused', a.denied],
      ]))),
      h('h2', {}, 'Activity over time'),
      timeline(a, flagged),
      h('h2', {}, 'Requests that alerted'),
      flagged.length === 0 ? h('p', { class: 'notice' }, 'None.') :
        table(['Time', 'Request', 'Client', 'Source', 'Response', 'Alert'], flagged.map(({ alert, e }) => h('tr', { 'data-testid': 'sa-request' },
          h('td', {}, when(e.time)),
          h('td', { class: 'mono' }, `${e.audit.verb} ${e.audit.requestUri || e.audit.resource}`),
          h('td', { class: 'mono' }, e.audit.userAgent),
          h('td', {}, (e.audit.sourceIps ?? []).join(', ')),
          h('td', {}, e.audit.responseCode || ''),
          h('td', {}, link(`/alerts/${encodeURIComponent(alert.id)}`, alert.title))))),
      seen('Operations', 'Operation', a.operations),
      seen('Namespaces', 'Namespace', a.namespaces),
      seen('Source addresses', 'Address', a.sourceIps),
      seen('Clients', 'User agent', a.userAgents),
      h('h2', {}, 'Alerts'),
      alertTable(d.alerts),
    ];
  });
}

function seen(title, column, values) {
  const entries = Object.entries(values ?? {}).sort(([, x], [, y]) => Date.parse(y.lastSeen) - Date.parse(x.lastSeen));
  return [h('h2', {}, `${title} learned (${entries.length})`),
    entries.length === 0 ? h('p', { class: 'notice' }, 'None yet: only allowed requests that raised no alert are learned.') :
      table([column, 'Times', 'First seen', 'Last seen'], entries.map(([key, v]) => h('tr', {},
        h('td', { class: 'mono' }, key || '(cluster-wide)'), h('td', {}, v.count), h('td', {}, when(v.firstSeen)), h('td', {}, when(v.lastSeen)))))];
}

function timeline(activity, flagged) {
  const points = [
    ...Object.entries(activity.operations ?? {}).flatMap(([op, v]) => [[v.firstSeen, op, false], [v.lastSeen, op, false]]),
    ...flagged.map(({ alert, e }) => [e.time, `${alert.title}: ${e.audit.verb} ${e.audit.resource}`, true]),
  ].map(([t, label, alert]) => ({ t: Date.parse(t), label, alert })).filter(p => !Number.isNaN(p.t));
  const start = Math.min(Date.parse(activity.firstSeen), ...points.map(p => p.t));
  const end = Math.max(Date.parse(activity.lastSeen), ...points.map(p => p.t));
  const span = Math.max(end - start, 1000);
  const line = h('div', { class: 'timeline', 'data-testid': 'sa-timeline', role: 'img', 'aria-label': `${points.length} events between first and last seen` });
  for (const p of points) {
    const tick = h('div', { class: `tick${p.alert ? ' alert' : ''}`, title: `${new Date(p.t).toISOString()} ${p.label}` });
    tick.style.left = `${((p.t - start) / span) * 100}%`;
    tick.style.height = p.alert ? '100%' : '60%';
    line.append(tick);
  }
  const from = h('span', { class: 'axis' }, new Date(start).toISOString().replace('T', ' ').slice(0, 19));
  const to = h('span', { class: 'axis' }, new Date(end).toISOString().replace('T', ' ').slice(0, 19));
  from.style.left = '0';
  to.style.right = '0';
  line.append(from, to);
  return h('div', { class: 'panel' }, line, h('p', { class: 'notice' }, 'Blue: learned operations, first and last seen. Red: requests that alerted.'));
}
