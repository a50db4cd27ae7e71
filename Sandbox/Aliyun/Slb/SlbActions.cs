using Ccm.Sandbox.Aliyun.Protocol;

namespace Ccm.Sandbox.Aliyun.Slb;

/// <summary>Every SLB (2014-05-15) action the emulator serves.</summary>
internal static class SlbActions
{
    private static readonly string[] Protocols = ["TCP", "UDP", "HTTP", "HTTPS"];

    public static void Register(ActionTable table)
    {
        var slb = Product.Slb;
        table.Add(slb, "CreateLoadBalancer", CreateLoadBalancerAction.Handle);
        table.Add(slb, "DeleteLoadBalancer", LoadBalancerActions.Delete);
        table.Add(slb, "DescribeLoadBalancers", LoadBalancerActions.Describe);
        table.Add(slb, "DescribeLoadBalancerAttribute", LoadBalancerActions.DescribeAttribute);
        table.Add(slb, "SetLoadBalancerDeleteProtection", LoadBalancerSettingActions.SetDeleteProtection);
        table.Add(slb, "SetLoadBalancerModificationProtection", LoadBalancerSettingActions.SetModificationProtection);
        table.Add(slb, "SetLoadBalancerName", LoadBalancerSettingActions.SetName);
        table.Add(slb, "ModifyLoadBalancerInternetSpec", LoadBalancerSettingActions.ModifyInternetSpec);
        table.Add(slb, "ModifyLoadBalancerInstanceSpec", LoadBalancerSettingActions.ModifyInstanceSpec);
        table.Add(slb, "ModifyLoadBalancerInstanceChargeType", LoadBalancerSettingActions.ModifyInstanceChargeType);
        foreach (var protocol in Protocols)
        {
            var lower = protocol.ToLowerInvariant();
            table.Add(slb, $"CreateLoadBalancer{protocol}Listener", ListenerActions.Create(lower));
            table.Add(slb, $"SetLoadBalancer{protocol}ListenerAttribute", ListenerActions.Set(lower));
            table.Add(slb, $"DescribeLoadBalancer{protocol}ListenerAttribute", ListenerQueryActions.DescribeAttribute(lower));
        }

        table.Add(slb, "StartLoadBalancerListener", ListenerStateActions.Start);
        table.Add(slb, "StopLoadBalancerListener", ListenerStateActions.Stop);
        table.Add(slb, "DeleteLoadBalancerListener", ListenerStateActions.Delete);
        table.Add(slb, "DescribeLoadBalancerListeners", ListenerQueryActions.DescribeListeners);
        table.Add(slb, "CreateDomainExtension", DomainExtensionActions.Create);
        table.Add(slb, "DeleteDomainExtension", DomainExtensionActions.Delete);
        table.Add(slb, "DescribeDomainExtensions", DomainExtensionActions.Describe);
        table.Add(slb, "SetDomainExtensionAttribute", DomainExtensionActions.SetAttribute);
        table.Add(slb, "CreateVServerGroup", VServerGroupActions.Create);
        table.Add(slb, "DeleteVServerGroup", VServerGroupActions.Delete);
        table.Add(slb, "DescribeVServerGroups", VServerGroupActions.Describe);
        table.Add(slb, "DescribeVServerGroupAttribute", VServerGroupActions.DescribeAttribute);
        table.Add(slb, "AddVServerGroupBackendServers", BackendServerActions.Add);
        table.Add(slb, "RemoveVServerGroupBackendServers", BackendServerActions.Remove);
        table.Add(slb, "ModifyVServerGroupBackendServers", BackendServerActions.Modify);
        table.Add(slb, "SetVServerGroupAttribute", BackendServerActions.SetAttribute);
        table.Add(slb, "AddTags", SlbTagActions.Add);
        table.Add(slb, "RemoveTags", SlbTagActions.Remove);
        table.Add(slb, "DescribeTags", SlbTagActions.Describe);
        table.Add(slb, "TagResources", TagResourceActions.Tag);
        table.Add(slb, "UntagResources", TagResourceActions.Untag);
        table.Add(slb, "ListTagResources", TagResourceActions.List);
    }
}
