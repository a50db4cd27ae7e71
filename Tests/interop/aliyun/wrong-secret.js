'use strict';
// Both SDK generations signing with a secret the emulator does not know: each must fail with SignatureDoesNotMatch.
const RPCClient = require('@alicloud/pop-core');
const Ecs = require('@alicloud/ecs20140526');
const { $OpenApiUtil } = require('@alicloud/openapi-core');
const { run, describeError } = require('./common');

run(async ({ endpoint, host, accessKeyId, regionId }) => {
  const wrong = 'not-the-secret';
  const outcome = async (call) => {
    try {
      await call();
      return { succeeded: true };
    } catch (err) {
      return describeError(err);
    }
  };
  const slb = new RPCClient({ endpoint, accessKeyId, accessKeySecret: wrong, apiVersion: '2014-05-15' });
  const v2 = await outcome(() => slb.request('DescribeLoadBalancers', { RegionId: regionId }));
  const ecs = new Ecs.default(new $OpenApiUtil.Config({ accessKeyId, accessKeySecret: wrong, endpoint: host, protocol: 'http', regionId }));
  const v3 = await outcome(() => ecs.describeInstances(new Ecs.DescribeInstancesRequest({ regionId })));
  return { v2, v3 };
});
