'use strict';
// Route tables, route entries and instances through the current generated V3 clients (@alicloud/vpc20160428,
// @alicloud/ecs20140526: ACS3-HMAC-SHA256, POST / with everything in the query). Their responses are cast into typed
// models, so a wrongly named or typed field fails here.
const Vpc = require('@alicloud/vpc20160428');
const Ecs = require('@alicloud/ecs20140526');
const { $OpenApiUtil } = require('@alicloud/openapi-core');
const { run, sleep } = require('./common');

run(async ({ host, accessKeyId, accessKeySecret, regionId }) => {
  const config = () => new $OpenApiUtil.Config({ accessKeyId, accessKeySecret, endpoint: host, protocol: 'http', regionId });
  const vpc = new Vpc.default(config());
  const ecs = new Ecs.default(config());
  const vpcId = process.env.ALIYUN_VPC_ID;
  const tableId = process.env.ALIYUN_ROUTE_TABLE_ID;
  const instanceIds = JSON.parse(process.env.ALIYUN_INSTANCE_IDS);

  const tables = await vpc.describeRouteTableList(new Vpc.DescribeRouteTableListRequest({ regionId, vpcId, pageSize: 50 }));
  const created = await vpc.createRouteEntry(new Vpc.CreateRouteEntryRequest({
    regionId, routeTableId: tableId, destinationCidrBlock: '172.20.9.0/24', nextHopType: 'Instance',
    nextHopId: instanceIds[0], clientToken: 'interop-route-' + Date.now(),
  }));
  const entryId = created.body.routeEntryId;

  const list = (extra) => vpc.describeRouteEntryList(new Vpc.DescribeRouteEntryListRequest({ regionId, routeTableId: tableId, maxResult: 100, ...extra }));
  const pending = await list({ routeEntryId: entryId });
  let available;
  for (let i = 0; i < 100; i++) {
    available = await list({ routeEntryId: entryId });
    if (available.body.routeEntrys.routeEntry[0].status === 'Available') break;
    await sleep(100);
  }
  const custom = await list({ routeEntryType: 'Custom' });
  await vpc.deleteRouteEntry(new Vpc.DeleteRouteEntryRequest({ regionId, routeEntryId: entryId }));

  const instances = await ecs.describeInstances(new Ecs.DescribeInstancesRequest({
    regionId, instanceIds: JSON.stringify(instanceIds), maxResults: 2,
  }));
  const nextPage = await ecs.describeInstances(new Ecs.DescribeInstancesRequest({
    regionId, instanceIds: JSON.stringify(instanceIds), maxResults: 2, nextToken: instances.body.nextToken,
  }));
  const byIp = await ecs.describeInstances(new Ecs.DescribeInstancesRequest({
    regionId, vpcId, privateIpAddresses: JSON.stringify([process.env.ALIYUN_PRIVATE_IP]), instanceNetworkType: 'vpc',
  }));

  const entryView = (e) => ({ id: e.routeEntryId, cidr: e.destinationCidrBlock, type: e.type, status: e.status,
    nextHops: e.nextHops.nextHop.map((h) => ({ type: h.nextHopType, id: h.nextHopId })) });
  const instanceView = (i) => ({ id: i.instanceId, status: i.status, zone: i.zoneId, type: i.instanceType,
    ip: i.vpcAttributes.privateIpAddress.ipAddress[0], eni: i.networkInterfaces.networkInterface[0].networkInterfaceId });
  return {
    tables: tables.body.routerTableList.routerTableListType.map((t) => ({ id: t.routeTableId, type: t.routeTableType, vSwitches: t.vSwitchIds.vSwitchId })),
    totalTables: tables.body.totalCount,
    createdEntryId: entryId,
    pendingStatus: pending.body.routeEntrys.routeEntry[0].status,
    availableEntry: entryView(available.body.routeEntrys.routeEntry[0]),
    customEntries: custom.body.routeEntrys.routeEntry.map(entryView),
    firstPage: instances.body.instances.instance.map(instanceView),
    firstPageSize: instances.body.pageSize, firstTotal: instances.body.totalCount, nextToken: instances.body.nextToken,
    secondPage: nextPage.body.instances.instance.map(instanceView), secondNextToken: nextPage.body.nextToken,
    byIp: byIp.body.instances.instance.map(instanceView),
  };
});
