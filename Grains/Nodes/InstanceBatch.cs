using Ccm.CloudClients.Ecs;

namespace Ccm.Grains.Nodes;

/// <summary>
/// Up to 100 lookups of one kind that share one DescribeInstances (paged by NextToken), each key with the one waiter
/// all its callers share, and the keys for which some caller also wants the primary ENI's source/destination check.
/// </summary>
internal sealed record InstanceBatch(
    InstanceBatch.Kind By, IReadOnlyDictionary<string, TaskCompletionSource<InstanceLookup>> Waiters, IReadOnlySet<string> WithSourceDestCheck)
{
    public enum Kind
    {
        InstanceId,
        PrivateIp,
    }

    /// <summary>
    /// The request for this batch. By id there is no VPC filter on purpose: an empty answer deletes Nodes, so it must
    /// mean "no such instance", never "not in the VPC we were told about".
    /// </summary>
    public DescribeInstancesRequest Request(string vpcId) => By == Kind.InstanceId
        ? new DescribeInstancesRequest { InstanceIds = [.. Waiters.Keys], MaxResults = DescribeInstancesRequest.MaxIdsPerCall }
        : new DescribeInstancesRequest { PrivateIpAddresses = [.. Waiters.Keys], VpcId = vpcId, MaxResults = DescribeInstancesRequest.MaxIdsPerCall };

    /// <summary>The primary ENIs, among the instances found, whose check some waiter asked for.</summary>
    public IReadOnlyList<string> PrimaryEnisToCheck(IReadOnlyList<Instance> instances) =>
        [.. WithSourceDestCheck.SelectMany(key => MatchesOf(instances, key)).Select(i => i.PrimaryNetworkInterfaceId).OfType<string>().Distinct(StringComparer.Ordinal)];

    /// <summary>Answers every waiter from the instances the call returned (and, for those that asked, their ENIs' checks).</summary>
    public void Complete(IReadOnlyList<Instance> instances, IReadOnlyDictionary<string, bool> sourceDestCheck)
    {
        foreach (var (key, waiter) in Waiters)
        {
            var matches = MatchesOf(instances, key);
            waiter.TrySetResult(new InstanceLookup(matches)
            {
                SourceDestCheck = WithSourceDestCheck.Contains(key)
                    ? matches.Select(i => i.PrimaryNetworkInterfaceId).OfType<string>().Where(sourceDestCheck.ContainsKey).ToDictionary(eni => eni, eni => sourceDestCheck[eni], StringComparer.Ordinal)
                    : InstanceLookup.None.SourceDestCheck,
            });
        }
    }

    public void Fail(Exception error) => Fail(error, Waiters.Keys);

    /// <summary>The ENI read failed: only the waiters that asked for it fail; the others are answered by <see cref="Complete"/>.</summary>
    public void FailSourceDestCheck(Exception error) => Fail(error, WithSourceDestCheck);

    private void Fail(Exception error, IEnumerable<string> keys)
    {
        foreach (var key in keys)
        {
            Waiters[key].TrySetException(error);
        }
    }

    private List<Instance> MatchesOf(IReadOnlyList<Instance> instances, string key) =>
        [.. instances.Where(i => Matches(i, key)).DistinctBy(i => i.InstanceId)];

    private bool Matches(Instance instance, string key) => By == Kind.InstanceId
        ? instance.InstanceId == key
        : PrivateIps(instance).Contains(key);

    /// <summary>VPC instances list their private IPs under VpcAttributes; classic-network ones under InnerIpAddress.</summary>
    public static IReadOnlyList<string> PrivateIps(Instance instance) =>
        instance.VpcAttributes?.PrivateIpAddress is { Count: > 0 } vpc ? vpc : instance.InnerIpAddress;
}
