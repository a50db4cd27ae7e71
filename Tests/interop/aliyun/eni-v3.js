'use strict';
// A node's primary ENI through the generated V3 client (@alicloud/ecs20140526): the instance reports its charge type,
// spot strategy and primary ENI; the ENI starts with SourceDestCheck on, ModifyNetworkInterfaceAttribute turns it off
// (as upstream does before removing the uninitialized taint), and an unknown ENI is InvalidEniId.NotFound. A pod's ENI
// with an IPv6 address (added through the emulator's control API) is found by Ipv6Address.N, as for backend-ip-version: ipv6.
const Ecs = require('@alicloud/ecs20140526');
const { $OpenApiUtil } = require('@alicloud/openapi-core');
const { run, describeError } = require('./common');

run(async ({ endpoint, host, accessKeyId, accessKeySecret, regionId }) => {
  const ecs = new Ecs.default(new $OpenApiUtil.Config({ accessKeyId, accessKeySecret, endpoint: host, protocol: 'http', regionId }));
  const instanceId = JSON.parse(process.env.ALIYUN_INSTANCE_IDS)[0];

  const instance = (await ecs.describeInstances(new Ecs.DescribeInstancesRequest({
    regionId, instanceIds: JSON.stringify([instanceId]),
  }))).body.instances.instance[0];
  const eni = instance.networkInterfaces.networkInterface.find((n) => n.type === 'Primary').networkInterfaceId;
  const check = async () => (await ecs.describeNetworkInterfaces(new Ecs.DescribeNetworkInterfacesRequest({
    regionId, networkInterfaceId: [eni],
  }))).body.networkInterfaceSets.networkInterfaceSet[0].sourceDestCheck;

  const before = await check();
  await ecs.modifyNetworkInterfaceAttribute(new Ecs.ModifyNetworkInterfaceAttributeRequest({ regionId, networkInterfaceId: eni, sourceDestCheck: false }));
  const after = await check();
  let unknown;
  try {
    await ecs.modifyNetworkInterfaceAttribute(new Ecs.ModifyNetworkInterfaceAttributeRequest({ regionId, networkInterfaceId: 'eni-none', sourceDestCheck: false }));
  } catch (err) {
    unknown = describeError(err);
  }

  const added = await fetch(endpoint + '/_emulator/state/network-interfaces', {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ vSwitchId: process.env.ALIYUN_VSWITCH_ID, privateIpAddress: '192.168.0.230', ipv6Addresses: ['2001:db8::230'] }),
  });
  const podEni = (await added.json()).NetworkInterfaceId;
  const byIpv6 = (await ecs.describeNetworkInterfaces(new Ecs.DescribeNetworkInterfacesRequest({
    regionId, status: 'InUse', ipv6Address: ['2001:db8::230'],
  }))).body.networkInterfaceSets.networkInterfaceSet.map((n) => ({ id: n.networkInterfaceId, ipv6: n.ipv6Sets.ipv6Set.map((s) => s.ipv6Address) }));

  return {
    podEni, byIpv6,
    instanceChargeType: instance.instanceChargeType, spotStrategy: instance.spotStrategy, eni,
    sourceDestCheckBefore: before, sourceDestCheckAfter: after, unknown,
  };
});
