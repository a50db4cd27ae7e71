// A table per grain type with search and a phase filter. The page loads every row and filters in the browser, so
// typing answers at once; only the first rows are drawn, the rest are a refinement away.
import { getJson } from './api.js';
import { h, replace, table, link, badge, dash } from './dom.js';
import { when, count } from './format.js';
import { peerErrors, withReason, lastError, lastPlan, detailHref } from './common.js';

const DRAWN = 500;
const PHASES = ['Ready', 'Progressing', 'Pending', 'PlanPending', 'Failed', 'Deleting', 'Skipped'];

const KINDS = {
  services: {
    title: 'Services',
    key: r => r.key,
    search: r => [r.key, r.loadBalancerId, r.address, r.reason, r.lastError?.code, r.lastError?.message, r.silo],
    columns: now => [
      { title: 'Service', cell: r => link(detailHref('services', r.key), r.key) },
      { title: 'Phase', cell: r => withReason(r.phase, r.reason) },
      { title: 'CLB', cell: r => h('span', { class: 'mono' }, dash(r.loadBalancerId)) },
      { title: 'Address', cell: r => h('span', {}, dash(r.address), r.addressType ? h('div', { class: 'sub' }, r.addressType) : null) },
      { title: 'Listeners', cell: r => (r.listeners.length ? r.listeners.join(', ') : '—') },
      { title: 'Backends', num: true, cell: r => count(r.backendCount) },
      { title: 'Last plan', cell: r => lastPlan(r.lastPlan, now) },
      { title: 'Last error', cell: r => lastError(r.lastError, now) },
      { title: 'Next resync', cell: r => when(r.nextReminderAt, now) },
      { title: 'Runs on silo', cell: r => r.silo },
    ],
  },
  nodes: {
    title: 'Nodes',
    key: r => r.name,
    search: r => [r.name, r.instanceId, r.providerId, r.zoneId, r.reason, r.lastError?.code, r.lastError?.message, r.silo],
    columns: now => [
      { title: 'Node', cell: r => link(detailHref('nodes', r.name), r.name) },
      { title: 'Phase', cell: r => withReason(r.phase, r.reason) },
      { title: 'Instance', cell: r => h('span', { class: 'mono' }, dash(r.instanceId), r.instanceStatus ? h('div', { class: 'sub' }, r.instanceStatus) : null) },
      { title: 'Zone', cell: r => dash(r.zoneId) },
      { title: 'providerID from', cell: r => r.providerIdSource },
      { title: 'Taints', cell: r => taints(r) },
      { title: 'Last error', cell: r => lastError(r.lastError, now) },
      { title: 'Next resync', cell: r => when(r.nextReminderAt, now) },
      { title: 'Runs on silo', cell: r => r.silo },
    ],
  },
  routetables: {
    title: 'Route tables',
    key: r => r.id,
    search: r => [r.id, r.vpcId, r.reason, r.lastError?.code, r.lastError?.message, r.silo],
    columns: now => [
      { title: 'Route table', cell: r => link(detailHref('routetables', r.id), r.id) },
      { title: 'Phase', cell: r => withReason(r.phase, r.reason) },
      { title: 'VPC', cell: r => h('span', { class: 'mono' }, dash(r.vpcId)) },
      { title: 'Routes present / desired', num: true, cell: r => `${r.routesPresent} / ${r.routesDesired}` },
      { title: 'Quota use', num: true, cell: r => h('span', {}, `${r.customEntries} / ${r.quota}`, r.full ? [' ', badge('full', 'bad')] : null) },
      { title: 'Last period', cell: r => when(r.lastPeriodAt, now) },
      { title: 'Last plan', cell: r => lastPlan(r.lastPlan, now) },
      { title: 'Last error', cell: r => lastError(r.lastError, now) },
      { title: 'Runs on silo', cell: r => r.silo },
    ],
  },
};

export function grainTablePage(kind) {
  const spec = KINDS[kind];
  return {
    title: spec.title.toLowerCase(),
    load: () => getJson(`/api/grains/${kind}`),
    mount: root => mount(root, spec),
  };
}

function mount(root, spec) {
  const params = new URLSearchParams(location.search);
  const search = h('input', { type: 'search', id: 'search', placeholder: 'search: name, CLB id, address, error…', value: params.get('q') ?? '' });
  const phase = h('select', { id: 'phase' }, h('option', { value: '' }, 'every phase'), PHASES.map(p => h('option', { value: p }, p)));
  phase.value = params.get('phase') ?? '';
  const summary = h('span', { class: 'muted', id: 'summary' });
  const errors = h('div');
  const body = h('div', { id: 'rows' });
  let last = null;
  const draw = () => {
    if (!last) return;
    const q = search.value.trim().toLowerCase();
    const rows = last.items.filter(r => (!phase.value || r.phase === phase.value)
      && (!q || spec.search(r).some(f => f && String(f).toLowerCase().includes(q))));
    replace(summary, `${count(rows.length)} of ${count(last.total)}${rows.length > DRAWN ? `, first ${DRAWN} shown: refine the search` : ''}`);
    replace(errors, peerErrors(last.silos));
    replace(body, table(spec.columns(last.now), rows.slice(0, DRAWN), 'No grain matches.'));
    const next = new URLSearchParams();
    if (search.value) next.set('q', search.value);
    if (phase.value) next.set('phase', phase.value);
    history.replaceState(null, '', next.size ? `?${next}` : location.pathname);
  };
  search.addEventListener('input', draw);
  phase.addEventListener('change', draw);
  replace(root, h('h1', {}, spec.title), errors, h('div', { class: 'toolbar' }, search, phase, summary), body);
  return data => { last = data; draw(); };
}

function taints(r) {
  const list = [];
  if (!r.initialized) list.push(badge('uninitialized', 'warn'));
  if (r.shutdownTaint) list.push(badge('shutdown', 'warn'));
  return list.length ? list : 'none';
}
