'use strict';
// The SLB calls behind upstream's newer CLB annotations, through the classic V2 client (@alicloud/pop-core; no generated
// SLB SDK is published for Node): instance charge type changes, HTTPS domain extensions, tag removal with
// UntagResources, and a reused vServer group reweighted around a member the user added. Prints what each step returned.
const RPCClient = require('@alicloud/pop-core');
const { run, describeError } = require('./common');

run(async ({ endpoint, accessKeyId, accessKeySecret, regionId }) => {
  const slb = new RPCClient({ endpoint, accessKeyId, accessKeySecret, apiVersion: '2014-05-15' });
  const post = { method: 'POST' };
  const instanceIds = JSON.parse(process.env.ALIYUN_INSTANCE_IDS);
  const failure = async (call) => {
    try {
      await call();
      return { succeeded: true };
    } catch (err) {
      return describeError(err);
    }
  };

  const lb = (await slb.request('CreateLoadBalancer', {
    RegionId: regionId, AddressType: 'intranet', VSwitchId: process.env.ALIYUN_VSWITCH_ID, InstanceChargeType: 'PayBySpec',
    LoadBalancerSpec: 'slb.s1.small', ClientToken: 'interop-parity-' + Date.now(),
  }, post)).LoadBalancerId;
  const changed = await slb.request('ModifyLoadBalancerInstanceChargeType', { RegionId: regionId, LoadBalancerId: lb, InstanceChargeType: 'PayByCLCU' }, post);
  const backToSpec = await failure(() => slb.request('ModifyLoadBalancerInstanceChargeType', {
    RegionId: regionId, LoadBalancerId: lb, InstanceChargeType: 'PayBySpec', LoadBalancerSpec: 'slb.s1.small',
  }, post));
  const afterCharge = await slb.request('DescribeLoadBalancerAttribute', { RegionId: regionId, LoadBalancerId: lb });

  await slb.request('CreateLoadBalancerHTTPSListener', {
    RegionId: regionId, LoadBalancerId: lb, ListenerPort: 443, Bandwidth: -1, HealthCheck: 'off', BackendServerPort: 30443,
    ServerCertificateId: 'cert-default',
  }, post);
  const extension = await slb.request('CreateDomainExtension', {
    RegionId: regionId, LoadBalancerId: lb, ListenerPort: 443, Domain: '*.example.com', ServerCertificateId: 'cert-wild',
  }, post);
  await slb.request('SetDomainExtensionAttribute', { RegionId: regionId, DomainExtensionId: extension.DomainExtensionId, ServerCertificateId: 'cert-wild-2' }, post);
  const extensions = await slb.request('DescribeDomainExtensions', { RegionId: regionId, LoadBalancerId: lb, ListenerPort: 443 });
  const https = await slb.request('DescribeLoadBalancerHTTPSListenerAttribute', { RegionId: regionId, LoadBalancerId: lb, ListenerPort: 443 });
  await slb.request('DeleteDomainExtension', { RegionId: regionId, DomainExtensionId: extension.DomainExtensionId }, post);
  const deletedAgain = await failure(() => slb.request('DeleteDomainExtension', { RegionId: regionId, DomainExtensionId: extension.DomainExtensionId }, post));

  const tagParams = { RegionId: regionId, ResourceType: 'instance', 'ResourceId.1': lb };
  await slb.request('TagResources', { ...tagParams, 'Tag.1.Key': 'team', 'Tag.1.Value': 'web', 'Tag.2.Key': 'kubernetes.reused.by.user', 'Tag.2.Value': 'true' }, post);
  await slb.request('UntagResources', { ...tagParams, 'TagKey.1': 'team' }, post);
  const tags = await slb.request('ListTagResources', tagParams);

  const group = await slb.request('CreateVServerGroup', {
    RegionId: regionId, LoadBalancerId: lb, VServerGroupName: 'users-group',
    BackendServers: JSON.stringify([{ ServerId: instanceIds[0], Port: 8080, Weight: 100, Description: 'added-by-user' }]),
  }, post);
  const ours = instanceIds.slice(1).map((id) => ({ serverId: id, port: 30080, weight: 30, type: 'ecs', description: 'k8s/80/web/default/c1' }));
  await slb.request('AddVServerGroupBackendServers', { RegionId: regionId, VServerGroupId: group.VServerGroupId, BackendServers: JSON.stringify(ours) }, post);
  const reweighted = await slb.request('SetVServerGroupAttribute', {
    RegionId: regionId, VServerGroupId: group.VServerGroupId, BackendServers: JSON.stringify([{ ...ours[0], weight: 70 }]),
  }, post);

  return {
    loadBalancerId: lb, chargeTypeAnswer: Object.keys(changed), backToSpec,
    afterCharge: { instanceChargeType: afterCharge.InstanceChargeType, spec: afterCharge.LoadBalancerSpec || null },
    extensionId: extension.DomainExtensionId, extensionPort: extension.ListenerPort,
    extensions: extensions.DomainExtensions.DomainExtension, listenerExtensions: https.DomainExtensions.DomainExtension, deletedAgain,
    tags: tags.TagResources.TagResource.map((t) => ({ key: t.TagKey, value: t.TagValue })),
    weights: reweighted.BackendServers.BackendServer.map((b) => ({ id: b.ServerId, port: b.Port, weight: b.Weight, description: b.Description })),
  };
});
