import { h, commandLine } from '../dom.js';

// A process tree as nested lists: [{pid, binary, args, user, exited, acting, children: [...]}].
export function processTree(roots) {
  return h('ul', { class: 'tree' }, roots.map(node));
}

function node(p) {
  const classes = ['proc', p.acting ? 'acting' : '', p.exited ? 'exited' : ''].filter(Boolean).join(' ');
  return h('li', { 'data-testid': 'process', 'data-pid': p.pid },
    h('span', { class: classes },
      h('span', { class: 'bin mono' }, p.binary),
      h('span', { class: 'meta mono' }, commandLine('', p.args).trim()),
      h('span', { class: 'meta' }, `pid ${p.pid}${p.user ? ` · ${p.user}` : ''}${p.exited ? ' · exited' : ''}`)),
    p.children?.length ? h('ul', {}, p.children.map(node)) : null);
}

/** Builds the forest from flat records linked by ppid; a process whose parent is unknown is a root. */
export function forest(processes) {
  const byPid = new Map(processes.map(p => [p.pid, { ...p, children: [] }]));
  const roots = [];
  for (const p of byPid.values()) {
    const parent = p.ppid !== p.pid ? byPid.get(p.ppid) : undefined;
    (parent ? parent.children : roots).push(p);
  }
  return roots;
}
