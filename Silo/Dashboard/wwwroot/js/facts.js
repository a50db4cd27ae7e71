// What each grain type shows about its object: a facts card ('facts') and its tables ('tables').
import { h, table, facts, dash, badge } from './dom.js';
import { when } from './format.js';

export function serviceFacts(s, now, part) {
  if (part === 'facts') {
    return facts([
      ['CLB id', h('span', { class: 'mono', id: 'clb-id' }, dash(s.loadBalancerId))], ['address', h('span', { id: 'address' }, dash(s.address))],
      ['address type', s.addressType], ['ownership', s.ownership], ['backends', s.backendCount],
    ]);
  }
  return h('div', { id: 'listeners' }, h('h2', {}, 'Listeners and backends'), s.listeners.length === 0 ? h('p', { class: 'muted' }, 'No listener.') :
    s.listeners.map(l => h('div', { class: 'card listener' },
      h('div', {}, h('strong', {}, `${l.protocol.toUpperCase()}:${l.port}`), ' ', badge(l.status, l.status === 'running' ? 'ok' : 'warn'),
        h('span', { class: 'sub' }, ` vServer group ${dash(l.vServerGroupId)} · ${l.backends} backend${l.backends === 1 ? '' : 's'}`)),
      h('div', { class: 'nested' }, table([
        { title: 'Server', cell: b => h('span', { class: 'mono' }, b.serverId) },
        { title: 'Type', cell: b => b.type },
        { title: 'IP', cell: b => dash(b.serverIp) },
        { title: 'Port', num: true, cell: b => b.port },
        { title: 'Weight', num: true, cell: b => b.weight },
        { title: 'Node', cell: b => dash(b.nodeName) },
      ], l.backendServers, 'No backend.'),
        l.backendServers.length < l.backends ? h('p', { class: 'muted backends-cut' }, `The first ${l.backendServers.length} of ${l.backends} backends; the silo keeps no longer list.`) : null))));
}

export function nodeFacts(s, now, part) {
  if (part === 'facts') {
    return facts([
      ['instance', h('span', { class: 'mono' }, dash(s.instanceId))], ['providerID', s.providerId], ['providerID from', s.providerIdSource],
      ['region / zone', `${dash(s.regionId)} / ${dash(s.zoneId)}`], ['instance type', s.instanceType], ['instance status', s.instanceStatus],
      ['initialized', s.initialized ? 'yes' : badge('uninitialized taint', 'warn')], ['shutdown taint', s.shutdownTaint ? badge('yes', 'warn') : 'no'],
      ['internal IPs', s.internalIps.join(', ')], ['external IPs', s.externalIps.join(', ')],
    ]);
  }
  return null;
}

export function routeTableFacts(s, now, part) {
  if (part === 'facts') {
    return facts([
      ['VPC', s.vpcId], ['routes present / desired', `${s.routesPresent} / ${s.routesDesired}`],
      ['custom entries / quota', h('span', {}, `${s.customEntries} / ${s.quota}`, s.full ? [' ', badge('full: creates wait for room', 'bad')] : null)],
      ['last period', when(s.lastPeriodAt, now)],
    ]);
  }
  return h('div', {}, h('h2', {}, 'Routes'), table([
    { title: 'Destination', cell: r => h('span', { class: 'mono' }, r.destinationCidrBlock) },
    { title: 'Next hop', cell: r => h('span', { class: 'mono' }, dash(r.nextHopId)) },
    { title: 'Node', cell: r => dash(r.nodeName) },
    { title: 'Status', cell: r => badge(r.status, r.status === 'Available' ? 'ok' : 'info') },
  ], s.routes, 'No route.'));
}
