import { h, link, facts, when, table } from '../dom.js';
import { page, counts } from './clusters.js';
import { clusterPath, namespacePath, nodePath } from './links.js';
import { processTree, forest } from './tree.js';
import { alertTable } from './entityalerts.js';

// A pod: its containers with the executables each ran, its process tree, and its alerts.
export function podView(cluster, ns, pod) {
  const path = `/api/v1/clusters/${encodeURIComponent(cluster)}/namespaces/${encodeURIComponent(ns)}/pods/${encodeURIComponent(pod)}`;
  return page(pod, path, d => {
    const p = d.profile;
    const bySeverity = {};
    for (const a of d.alerts) bySeverity[a.severity.toLowerCase()] = (bySeverity[a.severity.toLowerCase()] ?? 0) + 1;
    return [
      h('p', {}, link(clusterPath(cluster), cluster), ' / ', link(namespacePath(cluster, ns), ns)),
      h('h1', { 'data-testid': 'pod-heading' }, `Pod ${pod}`),
      h('div', { class: 'grid' },
        h('div', { class: 'panel' }, facts([
          ['Node', p.node && link(nodePath(cluster, p.node), p.node)],
          ['Uid', h('code', {}, d.uid)],
          ['First seen', when(d.firstSeen)],
          ['Last seen', when(d.lastSeen)],
          ['Images', p.images.join(', ')],
          ['Processes', p.processes],
          ['Connections', p.connections],
          ['Alerts (any status)', counts(bySeverity)],
        ]))),
      h('h2', {}, `Containers (${p.containers.length})`),
      table(['Container', 'Image', 'Executables run', 'Files written'], p.containers.map(c => h('tr', { 'data-testid': 'container-row' },
        h('td', {}, c.name, h('div', { class: 'notice mono' }, c.id.slice(0, 12))),
        h('td', { class: 'mono' }, c.image),
        h('td', {}, h('div', { class: 'chips' }, c.executables.map(x => h('span', { class: 'chip mono' }, x)),
          c.executablesTruncated ? h('span', { class: 'notice' }, '(more not kept)') : null)),
        h('td', {}, c.writtenFiles)))),
      h('h2', {}, 'Process tree'),
      h('div', { class: 'panel', 'data-testid': 'pod-processes' }, d.processes.length ? processTree(forest(d.processes)) : h('p', { class: 'notice' }, 'No processes seen.')),
      h('h2', {}, 'Alerts'),
      alertTable(d.alerts),
    ];
  });
}
