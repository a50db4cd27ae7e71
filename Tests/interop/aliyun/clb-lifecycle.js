'use strict';
// A CLB's whole life through the classic V2 client (@alicloud/pop-core): create, vServer group, backends, TCP
// listener, start, describe, delete. pop-core sends GET by default (everything in the query) and, with
// {method: 'POST'}, everything in a form body; both are used. Prints what each step returned.
const RPCClient = require('@alicloud/pop-core');
const { run } = require('./common');

run(async ({ endpoint, accessKeyId, accessKeySecret, regionId }) => {
  const slb = new RPCClient({ endpoint, accessKeyId, accessKeySecret, apiVersion: '2014-05-15' });
  const post = { method: 'POST' };
  const instanceIds = JSON.parse(process.env.ALIYUN_INSTANCE_IDS);

  const created = await slb.request('CreateLoadBalancer', {
    RegionId: regionId, LoadBalancerName: 'interop-clb', AddressType: 'intranet',
    VSwitchId: process.env.ALIYUN_VSWITCH_ID, LoadBalancerSpec: 'slb.s1.small',
    ClientToken: 'interop-' + Date.now(), Tag: [{ Key: 'kubernetes.do.not.delete', Value: 'interop' }],
  }, post);
  const lb = created.LoadBalancerId;

  const group = await slb.request('CreateVServerGroup', { RegionId: regionId, LoadBalancerId: lb, VServerGroupName: 'k8s/30080/web/default/c1' }, post);
  const backends = instanceIds.map((id) => ({ ServerId: id, Port: 30080, Weight: 100, Type: 'ecs', Description: 'k8s/30080/web/default/c1' }));
  const added = await slb.request('AddVServerGroupBackendServers', {
    RegionId: regionId, VServerGroupId: group.VServerGroupId, BackendServers: JSON.stringify(backends),
  }, post);

  await slb.request('CreateLoadBalancerTCPListener', {
    RegionId: regionId, LoadBalancerId: lb, ListenerPort: 80, Bandwidth: -1, VServerGroupId: group.VServerGroupId,
    Description: 'k8s/80/web/default/c1', healthCheckInterval: 3,
  });
  const beforeStart = await slb.request('DescribeLoadBalancerTCPListenerAttribute', { RegionId: regionId, LoadBalancerId: lb, ListenerPort: 80 });
  await slb.request('StartLoadBalancerListener', { RegionId: regionId, LoadBalancerId: lb, ListenerPort: 80, ListenerProtocol: 'tcp' }, post);

  const attribute = await slb.request('DescribeLoadBalancerAttribute', { RegionId: regionId, LoadBalancerId: lb });
  const listener = await slb.request('DescribeLoadBalancerTCPListenerAttribute', { RegionId: regionId, LoadBalancerId: lb, ListenerPort: 80 });
  const listeners = await slb.request('DescribeLoadBalancerListeners', { RegionId: regionId, 'LoadBalancerId.1': lb, MaxResults: 50 });
  const groupAttribute = await slb.request('DescribeVServerGroupAttribute', { RegionId: regionId, VServerGroupId: group.VServerGroupId });
  const found = await slb.request('DescribeLoadBalancers', {
    RegionId: regionId, Tags: JSON.stringify([{ TagKey: 'kubernetes.do.not.delete', TagValue: 'interop' }]),
  });

  await slb.request('DeleteLoadBalancerListener', { RegionId: regionId, LoadBalancerId: lb, ListenerPort: 80, ListenerProtocol: 'tcp' }, post);
  await slb.request('DeleteVServerGroup', { RegionId: regionId, VServerGroupId: group.VServerGroupId }, post);
  await slb.request('DeleteLoadBalancer', { RegionId: regionId, LoadBalancerId: lb }, post);
  let afterDelete;
  try {
    await slb.request('DescribeLoadBalancerAttribute', { RegionId: regionId, LoadBalancerId: lb });
  } catch (err) {
    afterDelete = { code: err.code, message: err.data && err.data.Message };
  }

  return {
    loadBalancerId: lb, address: created.Address, networkType: created.NetworkType,
    vServerGroupId: group.VServerGroupId, addedBackends: added.BackendServers.BackendServer.length,
    statusBeforeStart: beforeStart.Status, listenerStatus: listener.Status, listenerVServerGroupId: listener.VServerGroupId,
    healthCheckInterval: listener.HealthCheckInterval,
    attributeStatus: attribute.LoadBalancerStatus,
    attributePorts: attribute.ListenerPorts.ListenerPort,
    attributeProtocal: attribute.ListenerPortsAndProtocal.ListenerPortAndProtocal,
    listedListeners: listeners.Listeners.map((l) => ({ port: l.ListenerPort, protocol: l.ListenerProtocol, status: l.Status, healthCheck: l.TCPListenerConfig.HealthCheck })),
    groupBackends: groupAttribute.BackendServers.BackendServer.map((b) => b.ServerId),
    foundByTag: found.LoadBalancers.LoadBalancer.map((l) => l.LoadBalancerId),
    afterDelete,
  };
});
