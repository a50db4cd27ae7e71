'use strict';
// An EIP's life beside an intranet CLB through the generated V3 client (@alicloud/vpc20160428), whose typed models
// reject misnamed or mistyped fields: allocate (ClientToken, tags), associate with the CLB, watch Associating turn
// InUse, find it by AssociatedInstanceId as upstream does, unassociate, release, and the codes of what is refused.
// The CLB itself comes from pop-core (there is no generated SLB SDK for Node).
const RPCClient = require('@alicloud/pop-core');
const Vpc = require('@alicloud/vpc20160428');
const { $OpenApiUtil } = require('@alicloud/openapi-core');
const { run, sleep, describeError } = require('./common');

run(async ({ endpoint, host, accessKeyId, accessKeySecret, regionId }) => {
  const slb = new RPCClient({ endpoint, accessKeyId, accessKeySecret, apiVersion: '2014-05-15' });
  const vpc = new Vpc.default(new $OpenApiUtil.Config({ accessKeyId, accessKeySecret, endpoint: host, protocol: 'http', regionId }));
  const failure = async (call) => {
    try {
      await call();
      return { succeeded: true };
    } catch (err) {
      return describeError(err);
    }
  };
  const lb = (await slb.request('CreateLoadBalancer', {
    RegionId: regionId, AddressType: 'intranet', VSwitchId: process.env.ALIYUN_VSWITCH_ID, ClientToken: 'interop-eip-' + Date.now(),
  }, { method: 'POST' })).LoadBalancerId;

  const allocate = new Vpc.AllocateEipAddressRequest({
    regionId, clientToken: 'interop-eip-for-' + lb, bandwidth: '10', name: lb,
    tag: [new Vpc.AllocateEipAddressRequestTag({ key: 'kubernetes.do.not.delete', value: lb })],
  });
  const allocated = (await vpc.allocateEipAddress(allocate)).body;
  const allocatedAgain = (await vpc.allocateEipAddress(allocate)).body;
  const eip = allocated.allocationId;
  const byId = async () => (await vpc.describeEipAddresses(new Vpc.DescribeEipAddressesRequest({ regionId, allocationId: eip }))).body;

  await vpc.associateEipAddress(new Vpc.AssociateEipAddressRequest({
    regionId, allocationId: eip, instanceId: lb, instanceType: 'SlbInstance', clientToken: 'interop-bind-' + lb,
  }));
  const statuses = [];
  for (let i = 0; i < 100; i++) {
    const status = (await byId()).eipAddresses.eipAddress[0].status;
    if (statuses[statuses.length - 1] !== status) statuses.push(status);
    if (status === 'InUse') break;
    await sleep(50);
  }
  const bound = (await vpc.describeEipAddresses(new Vpc.DescribeEipAddressesRequest({
    regionId, associatedInstanceType: 'SlbInstance', associatedInstanceId: lb, pageSize: 10, pageNumber: 1,
  }))).body;
  const releaseInUse = await failure(() => vpc.releaseEipAddress(new Vpc.ReleaseEipAddressRequest({ regionId, allocationId: eip })));

  await vpc.unassociateEipAddress(new Vpc.UnassociateEipAddressRequest({
    regionId, allocationId: eip, instanceId: lb, instanceType: 'SlbInstance', clientToken: 'interop-unbind-' + lb,
  }));
  let available;
  for (let i = 0; i < 100; i++) {
    available = (await byId()).eipAddresses.eipAddress[0];
    if (available.status === 'Available') break;
    await sleep(50);
  }
  await vpc.releaseEipAddress(new Vpc.ReleaseEipAddressRequest({ regionId, allocationId: eip }));
  let remaining;
  for (let i = 0; i < 100; i++) {
    remaining = (await byId()).totalCount;
    if (remaining === 0) break;
    await sleep(50);
  }
  const releasedAgain = await failure(() => vpc.releaseEipAddress(new Vpc.ReleaseEipAddressRequest({ regionId, allocationId: eip })));

  const found = bound.eipAddresses.eipAddress[0];
  return {
    loadBalancerId: lb, allocationId: eip, address: allocated.eipAddress, sameOnRetry: allocatedAgain.allocationId === eip,
    statuses, boundCount: bound.totalCount,
    bound: { id: found.allocationId, ip: found.ipAddress, instanceId: found.instanceId, instanceType: found.instanceType,
      bandwidth: found.bandwidth, tags: found.tags.tag.map((t) => ({ key: t.key, value: t.value })) },
    releaseInUse, afterUnbind: { status: available.status, instanceId: available.instanceId }, remaining, releasedAgain,
  };
});
