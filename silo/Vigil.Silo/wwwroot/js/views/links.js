import { h, link } from '../dom.js';

const e = encodeURIComponent;

export function clusterPath(c) { return `/clusters/${e(c)}`; }
export function nodePath(c, n) { return `${clusterPath(c)}/nodes/${e(n)}`; }
export function namespacePath(c, ns) { return `${clusterPath(c)}/namespaces/${e(ns)}`; }
export function podPath(c, ns, p) { return `${namespacePath(c, ns)}/pods/${e(p)}`; }
export function serviceAccountPath(c, ns, sa) { return `${namespacePath(c, ns)}/serviceaccounts/${e(sa)}`; }

/** "namespace/name" as alerts name a service account. */
export function splitAccount(value) {
  const slash = (value ?? '').indexOf('/');
  return slash < 0 ? null : [value.slice(0, slash), value.slice(slash + 1)];
}

// Where an alert happened, each part a link to its entity page.
export function entityLinks(a) {
  const parts = [link(clusterPath(a.cluster), a.cluster)];
  if (a.namespace) parts.push(' / ', link(namespacePath(a.cluster, a.namespace), a.namespace));
  if (a.pod && a.namespace) parts.push(' / ', link(podPath(a.cluster, a.namespace, a.pod), a.pod, { 'data-testid': 'pod-link' }));
  const account = splitAccount(a.serviceAccount);
  if (account) parts.push(' · SA ', link(serviceAccountPath(a.cluster, ...account), a.serviceAccount, { 'data-testid': 'sa-link' }));
  return h('span', {}, parts);
}
