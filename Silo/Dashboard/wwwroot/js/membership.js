// Membership and placement: every row of Orleans' membership table (which silos exist, their status and heartbeat,
// where their dashboards answer), and per answering silo the activations it hosts per grain type and state.
import { getJson } from './api.js';
import { h, replace, table, badge, link, dash } from './dom.js';
import { age, when, clock, count, rate } from './format.js';
import { peerErrors } from './common.js';

// The reconcile layer's grain types and the list that shows their grains (each row says which silo runs it).
const LISTS = { service: 'services', node: 'nodes', routetable: 'routetables' };
const STATES = ['Running', 'Queued', 'BackingOff', 'Scheduled', 'Idle'];

export function membershipPage() {
  return { title: 'membership and placement', load: () => getJson('/api/membership'), mount: root => d => render(root, d) };
}

function render(root, d) {
  const answering = d.placement.filter(s => s.summary);
  replace(root, h('h1', {}, 'Membership and placement'), peerErrors(d.silos),
    d.membershipError ? h('div', { class: 'warn-box', id: 'membership-error' }, d.membershipError) : null,
    h('h2', {}, 'Membership table'),
    h('div', { id: 'members' }, table([
      { title: 'Silo', cell: m => h('span', {}, m.name, m.isSelf ? h('span', { class: 'sub' }, ' (this one)') : null) },
      { title: 'Address', cell: m => h('span', { class: 'mono' }, m.address) },
      { title: 'Status', cell: m => status(m.status) },
      { title: 'Host', cell: m => dash(m.hostName) },
      { title: 'Started', cell: m => (m.startedAt ? h('span', { title: clock(m.startedAt) }, `${age(m.startedAt, d.now)} ago`) : '—') },
      { title: 'Last IAmAlive', cell: m => when(m.iAmAliveAt, d.now) },
      { title: 'Dashboard', cell: m => (m.dashboard ? link(m.dashboard, m.dashboard) : '—') },
    ], d.members, 'The membership table is empty: this silo runs no Orleans.')),
    h('h2', {}, 'Silos that answered'),
    h('div', { id: 'silos' }, table([
      { title: 'Silo', cell: s => h('span', {}, s.peer.name, s.peer.isSelf ? h('span', { class: 'sub' }, ' (this one)') : null) },
      { title: 'Identity', cell: s => h('span', { class: 'mono' }, dash(s.summary?.runtime?.identity)) },
      { title: 'Status', cell: s => (s.summary?.runtime ? status(s.summary.runtime.status) : '—') },
      { title: 'Active silos', num: true, cell: s => dash(s.summary?.runtime?.activeSilos) },
      { title: 'Activations', num: true, cell: s => count(s.summary?.runtime?.activations) },
      { title: 'Signals waiting', num: true, cell: s => count(s.summary?.runtime?.pendingSignals) },
      { title: 'Turns/s', num: true, cell: s => rate(s.summary?.runtime?.turns.turnsPerSecond) },
      { title: 'Error', cell: s => s.peer.error ?? '—' },
    ], d.placement)),
    h('h2', {}, 'Activations per silo'),
    h('p', { class: 'muted' }, 'Reconciler activations by grain type and where they stand. Each grain list says which silo runs each grain.'),
    h('div', { id: 'placement' }, table([
      { title: 'Silo', cell: r => r.silo },
      { title: 'Grain type', cell: r => (LISTS[r.type.grainType] ? link(`/${LISTS[r.type.grainType]}?q=${encodeURIComponent(r.silo)}`, r.type.grainType) : r.type.grainType) },
      { title: 'Activations', num: true, cell: r => count(r.type.activations) },
      ...STATES.map(s => ({ title: s === 'BackingOff' ? 'Backing off' : s, num: true, cell: r => (r.type[camel(s)] ? count(r.type[camel(s)]) : '·') })),
    ], answering.flatMap(s => s.summary.runtime?.grainTypes.map(type => ({ silo: s.peer.name, type })) ?? []), 'No reconciler is active on the silos that answered.')));
}

const status = s => badge(s, s === 'Active' ? 'ok' : s === 'Joining' || s === 'ShuttingDown' || s === 'Stopping' ? 'warn' : s === 'Dead' ? 'bad' : null);

const camel = s => s[0].toLowerCase() + s.slice(1);
