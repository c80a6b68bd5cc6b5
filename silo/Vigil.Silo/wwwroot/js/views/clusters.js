import { api, session } from '../api.js';
import { h, clear, link, severityBadge, when, facts, table, errorBox } from '../dom.js';
import { clusterPath, nodePath, namespacePath, podPath, serviceAccountPath } from './links.js';
import { alertTable } from './entityalerts.js';

// Loads once and renders; the shape every entity page shares.
export function page(title, path, render) {
  const element = h('section', {}, h('h1', {}, title), h('p', { class: 'notice' }, 'Loading…'));
  api(path)
    .then(data => clear(element, ...render(data)))
    .catch(error => clear(element, h('h1', {}, title), errorBox(error)));
  return { element };
}

export function counts(alerts) {
  return h('span', { class: 'chips' }, ['high', 'medium', 'low', 'informational']
    .filter(s => alerts?.[s]).map(s => h('span', {}, severityBadge(s), ' ', alerts[s])));
}

export function clustersView() {
  // A token for one cluster has one cluster to show.
  if (session.who?.cluster) {
    location.replace(`#${clusterPath(session.who.cluster)}`);
    return { element: h('section') };
  }
  return page('Clusters', '/api/v1/clusters', list => [
    h('h1', {}, 'Clusters'),
    h('p', { class: 'sub' }, 'Every cluster that has sent an event.'),
    list.length === 0 ? h('p', { class: 'notice' }, 'No cluster has sent anything yet.') :
      table(['Cluster', 'Provider', 'First seen', 'Active alerts'], list.map(c => h('tr', { 'data-testid': 'cluster-row' },
        h('td', {}, link(clusterPath(c.name), c.name)), h('td', {}, c.provider || '—'), h('td', {}, when(c.firstSeen)), h('td', {}, counts(c.alerts))))),
  ]);
}

export function clusterView(cluster) {
  return page(cluster, `/api/v1/clusters/${encodeURIComponent(cluster)}`, d => [
    h('p', {}, link('/clusters', '← Clusters')),
    h('h1', {}, `Cluster ${cluster}`),
    h('div', { class: 'grid' },
      h('div', { class: 'panel' }, facts([
        ['Provider', d.summary.provider || 'not known yet'],
        ['Inventory', d.summary.inventoryTakenAt ? when(d.summary.inventoryTakenAt) : 'no discovery snapshot yet'],
        ['Active alerts', counts(d.summary.alerts)],
      ])),
      h('div', { class: 'panel' }, h('h2', {}, `Nodes (${d.nodes.length})`),
        h('ul', {}, d.nodes.map(n => h('li', {}, link(nodePath(cluster, n), n))))),
      h('div', { class: 'panel' }, h('h2', {}, `Namespaces (${d.namespaces.length})`),
        h('ul', {}, d.namespaces.map(ns => h('li', {}, link(namespacePath(cluster, ns), ns)))))),
    d.summary.findings?.length ? [h('h2', {}, 'Posture findings'), table(['Severity', 'Finding', 'Object'],
      d.summary.findings.map(f => h('tr', {}, h('td', {}, severityBadge(f.severity)), h('td', {}, f.title, h('div', { class: 'notice' }, f.detail)),
        h('td', { class: 'mono' }, `${f.kind} ${f.namespace ? f.namespace + '/' : ''}${f.name}`))))] : null,
  ]);
}

export function nodeView(cluster, node) {
  return page(node, `/api/v1/clusters/${encodeURIComponent(cluster)}/nodes/${encodeURIComponent(node)}`, d => [
    h('p', {}, link(clusterPath(cluster), `← Cluster ${cluster}`)),
    h('h1', {}, `Node ${node}`),
    h('div', { class: 'grid' },
      h('div', { class: 'panel' }, facts([
        ['Pods seen', d.profile.pods],
        ['Active alerts (node and pods)', counts(d.profile.alerts)],
        ['Last host event', when(d.profile.lastHostEventAt)],
      ])),
      h('div', { class: 'panel' }, h('h2', {}, 'Sensors'), d.profile.sensors.length === 0 ? h('p', { class: 'notice' }, 'No sensor has reported health.') :
        table(['Sensor', 'Version', 'Connected', 'Last batch', 'Events', 'Dropped by sensor'], d.profile.sensors.map(s => h('tr', {},
          h('td', { class: 'mono' }, s.sensorId), h('td', {}, s.version), h('td', {}, when(s.connectedAt)), h('td', {}, when(s.lastBatchAt)),
          h('td', {}, s.events), h('td', {}, s.droppedBySensor)))))),
    Object.keys(d.profile.hostExecutables).length ? [h('h2', {}, 'Host executables'),
      table(['Executable', 'Runs', 'Last seen'], Object.entries(d.profile.hostExecutables).map(([bin, seen]) =>
        h('tr', {}, h('td', { class: 'mono' }, bin), h('td', {}, seen.count), h('td', {}, when(seen.lastSeen)))))] : null,
    h('h2', {}, 'Pods on this node'), podsOn(cluster, node),
    h('h2', {}, 'Host alerts'), alertTable(d.alerts),
  ]);
}

// Pods are listed by namespace, so the node's are gathered from every namespace of its cluster.
function podsOn(cluster, node) {
  const holder = h('div', { 'data-testid': 'node-pods' }, h('p', { class: 'notice' }, 'Loading…'));
  const base = `/api/v1/clusters/${encodeURIComponent(cluster)}`;
  api(base)
    .then(d => Promise.all(d.namespaces.map(ns => api(`${base}/namespaces/${encodeURIComponent(ns)}`).catch(() => null))))
    .then(views => {
      const pods = views.filter(Boolean).flatMap(v => v.pods.filter(p => p.node === node).map(p => ({ ...p, namespace: v.namespace })));
      clear(holder, pods.length === 0 ? h('p', { class: 'notice' }, 'None seen.') :
        table(['Pod', 'Namespace', 'Last seen'], pods.map(p => h('tr', { 'data-testid': 'pod-row' },
          h('td', {}, link(podPath(cluster, p.namespace, p.name), p.name)),
          h('td', {}, link(namespacePath(cluster, p.namespace), p.namespace)),
          h('td', {}, when(p.lastSeen))))));
    })
    .catch(error => clear(holder, errorBox(error)));
  return holder;
}

export function namespaceView(cluster, ns) {
  return page(ns, `/api/v1/clusters/${encodeURIComponent(cluster)}/namespaces/${encodeURIComponent(ns)}`, d => [
    h('p', {}, link(clusterPath(cluster), `← Cluster ${cluster}`)),
    h('h1', {}, `Namespace ${ns}`),
    h('h2', {}, `Pods (${d.pods.length})`),
    table(['Pod', 'Node', 'First seen', 'Last seen'], d.pods.map(p => h('tr', { 'data-testid': 'pod-row' },
      h('td', {}, link(podPath(cluster, ns, p.name), p.name)), h('td', {}, link(nodePath(cluster, p.node), p.node)),
      h('td', {}, when(p.firstSeen)), h('td', {}, when(p.lastSeen))))),
    h('h2', {}, `Service accounts (${d.serviceAccounts.length})`),
    h('ul', {}, d.serviceAccounts.map(sa => h('li', {}, link(serviceAccountPath(cluster, ns, sa), sa)))),
  ]);
}
