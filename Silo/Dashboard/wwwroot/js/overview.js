// Overview: the silos, grains per type and phase, turns, cloud traffic per product, and (in dry-run) the pending plans.
import { getJson } from './api.js';
import { h, replace, table, stat, link, badge, facts } from './dom.js';
import { age, rate, ms, count, when } from './format.js';
import { peerErrors, detailHref } from './common.js';

const PHASES = ['Ready', 'Progressing', 'Pending', 'PlanPending', 'Failed', 'Deleting', 'Skipped'];
const KIND_TITLES = { services: 'Services', nodes: 'Nodes', routetables: 'Route tables' };

export function overviewPage() {
  return {
    title: 'overview',
    load: () => getJson('/api/overview'),
    mount: root => data => render(root, data),
  };
}

function render(root, d) {
  const failures = d.grains.reduce((n, g) => n + (g.phases.Failed ?? 0), 0);
  replace(root,
    h('h1', {}, 'Overview', d.dryRun ? badge('dry run', 'dry') : null),
    peerErrors(d.silos.map(s => s.peer)),
    d.pendingPlanCount > 0 ? pending(d) : null,
    h('div', { class: 'cards' },
      stat('silos', `${d.silos.filter(s => s.summary).length} / ${d.silos.length}`, 'answering / known'),
      stat('grains', count(d.grains.reduce((n, g) => n + g.total, 0))),
      stat('failing grains', count(failures)),
      stat('turns/s', rate(d.turns.turnsPerSecond)),
      stat('turn failures', count(d.turns.failures), 'since each silo started'),
      stat('turn p99', ms(d.turns.p99Ms), 'worst silo, recent turns'),
      stat('cloud calls/s', rate(sum(d.cloud.map(c => c.callsPerSecond)))),
      stat('cloud throttles', count(sum(d.cloud.map(c => c.throttles))))),
    h('h2', {}, 'Silos ', link('/membership', h('span', { class: 'sub' }, 'membership and placement'))), silos(d),
    h('div', { class: 'grid2' },
      h('div', {}, h('h2', {}, 'Grains by phase'), grains(d)),
      h('div', {}, h('h2', {}, 'Cloud calls by product'), cloud(d))),
    h('h2', {}, 'Configuration (this silo)'), h('div', { class: 'card' }, config(d.config)));
}

function pending(d) {
  return h('div', { class: 'card pending', id: 'pending' },
    h('h2', {}, `${d.pendingPlanCount} pending plan${d.pendingPlanCount === 1 ? '' : 's'} (dry run: computed, not applied)`),
    table([
      { title: 'Grain', cell: p => link(detailHref(p.kind, p.key), `${p.kind}/${p.key}`) },
      { title: 'Planned', cell: p => when(p.at, d.now) },
      { title: 'Operations', cell: p => p.operations.length === 0 ? 'none: in sync' : h('div', {}, p.operations.map(o => h('div', { class: 'mono' }, o))) },
      { title: 'Silo', cell: p => p.silo },
    ], d.pendingPlans));
}

function silos(d) {
  return table([
    { title: 'Silo', cell: s => h('span', {}, s.peer.name, s.peer.isSelf ? h('span', { class: 'sub' }, ' (this one)') : null) },
    { title: 'Address', cell: s => s.peer.address ?? s.summary?.address ?? '—' },
    { title: 'Status', cell: s => (s.summary?.runtime ? badge(s.summary.runtime.status, s.summary.runtime.status === 'Active' ? 'ok' : 'warn') : '—') },
    { title: 'Active silos', num: true, cell: s => (s.summary?.runtime ? (s.summary.runtime.leaderElect ? s.summary.runtime.activeSilos : 'alone') : '—') },
    { title: 'Up', num: true, cell: s => age(s.summary?.runtime?.startedAt, s.summary?.now) },
    { title: 'Turns/s', num: true, cell: s => rate(s.summary?.runtime?.turns.turnsPerSecond) },
    { title: 'Failures', num: true, cell: s => count(s.summary?.runtime?.turns.failures) },
    { title: 'Activations', num: true, cell: s => count(s.summary?.runtime?.activations) },
    { title: 'Watcher', cell: s => s.summary?.watcher ? (s.summary.watcher.synced ? badge('synced', 'ok') : badge('syncing', 'warn')) : '—' },
    { title: 'State', cell: s => s.peer.error ? h('span', { class: 'badge bad', title: s.peer.error }, 'unreachable') : badge('ok', 'ok') },
  ], d.silos);
}

function grains(d) {
  const columns = [{ title: 'Type', cell: g => link(`/${g.kind}`, KIND_TITLES[g.kind] ?? g.kind) }, { title: 'Total', num: true, cell: g => count(g.total) }];
  for (const p of PHASES) {
    columns.push({ title: p, num: true, cell: g => (g.phases[p] ? link(`/${g.kind}?phase=${p}`, count(g.phases[p])) : '·') });
  }
  return table(columns, d.grains);
}

function cloud(d) {
  return table([
    { title: 'Product', cell: c => link(`/cloud?q=${encodeURIComponent(c.product)}`, c.product) },
    { title: 'Calls/s', num: true, cell: c => rate(c.callsPerSecond) },
    { title: 'Calls', num: true, cell: c => count(c.calls) },
    { title: 'Errors', num: true, cell: c => count(c.errors) },
    { title: 'Throttles', num: true, cell: c => (c.throttles ? badge(count(c.throttles), 'warn') : '0') },
  ], d.cloud, 'No cloud calls yet.');
}

function config(c) {
  return facts([
    ['controllers', c.controllers.join(', ')], ['dry run', c.dryRun ? 'yes' : 'no'], ['sandbox', c.sandbox ? 'yes' : 'no'],
    ['region', c.regionId], ['VPC', c.vpcId], ['cluster id', c.clusterId], ['cluster CIDR', c.clusterCidr],
    ['route tables', c.routeTableIds.join(', ')], ['clustering', c.leaderElect ? 'Kubernetes membership (--leader-elect)' : 'one silo alone (in memory)'],
    ['silo port', c.siloPort],
    ['dashboard auth', `${c.dashboardAuth}${c.dashboardCredentialsConfigured ? '' : ' (no credentials configured)'}`], ['version', c.version],
  ]);
}

const sum = xs => xs.reduce((n, x) => n + (x ?? 0), 0);
