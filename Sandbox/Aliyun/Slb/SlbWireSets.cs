namespace Ccm.Sandbox.Aliyun.Slb;

// The SLB API wraps most lists in an object named after the list, holding an array named after the element:
// {"Tags":{"Tag":[…]}}, {"LoadBalancers":{"LoadBalancer":[…]}}. These records are those wrappers, spelled as the API
// spells them (including ListenerPortsAndProtocal / ListenerProtocal).

internal sealed record SlbTag(string TagKey, string TagValue);

internal sealed record SlbTagSet(IReadOnlyList<SlbTag> Tag);

internal sealed record LoadBalancerSet(IReadOnlyList<LoadBalancerItem> LoadBalancer);

internal sealed record ListenerPortSet(IReadOnlyList<int> ListenerPort);

internal sealed record ListenerPortAndProtocol(int ListenerPort, string ListenerProtocol, string? ListenerForward, int? ForwardPort, string Description);

internal sealed record ListenerPortAndProtocolSet(IReadOnlyList<ListenerPortAndProtocol> ListenerPortAndProtocol);

/// <summary>Misspelt in the real API, and kept beside the correctly spelt list because SDK models read both.</summary>
internal sealed record ListenerPortAndProtocal(int ListenerPort, string ListenerProtocal);

internal sealed record ListenerPortAndProtocalSet(IReadOnlyList<ListenerPortAndProtocal> ListenerPortAndProtocal);

internal sealed record BackendServerItem(string ServerId, int? Port, int Weight, string Type, string? ServerIp, string Description);

internal sealed record BackendServerSet(IReadOnlyList<BackendServerItem> BackendServer);

internal sealed record AssociatedListener(int Port, string Protocol);

internal sealed record AssociatedListenerSet(IReadOnlyList<AssociatedListener> Listener);

internal sealed record AssociatedRule(string RuleId, string RuleName, string Domain, string Url);

internal sealed record AssociatedRuleSet(IReadOnlyList<AssociatedRule> Rule);

internal sealed record AssociatedObjects(AssociatedListenerSet Listeners, AssociatedRuleSet Rules);

internal sealed record VServerGroupItem(
    string VServerGroupId, string VServerGroupName, string CreateTime, long ServerCount, AssociatedObjects? AssociatedObjects, SlbTagSet Tags);

internal sealed record VServerGroupSet(IReadOnlyList<VServerGroupItem> VServerGroup);

internal sealed record TagSetItem(string TagKey, string TagValue, int InstanceCount);

internal sealed record TagSetList(IReadOnlyList<TagSetItem> TagSet);

internal sealed record TagResourceItem(string ResourceId, string ResourceType, string TagKey, string TagValue);

internal sealed record TagResourceList(IReadOnlyList<TagResourceItem> TagResource);

internal sealed record DomainExtensionItem(string DomainExtensionId, string Domain, string ServerCertificateId);

internal sealed record DomainExtensionSet(IReadOnlyList<DomainExtensionItem> DomainExtension);
