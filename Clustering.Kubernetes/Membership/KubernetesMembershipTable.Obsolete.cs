using Orleans;
using Orleans.Runtime;

namespace Ccm.Clustering.Kubernetes.Membership;

/// <summary>
/// Orleans 10.4 calls the <c>*Async</c> members, which take a cancellation token; the members they replaced are obsolete
/// but still abstract, so they are implemented here, hidden behind the interface, by the new ones.
/// </summary>
public sealed partial class KubernetesMembershipTable
{
    Task IMembershipTable.InitializeMembershipTable(bool tryInitTableVersion) => InitializeMembershipTableAsync(tryInitTableVersion);

    Task IMembershipTable.DeleteMembershipTableEntries(string clusterId) => DeleteMembershipTableEntriesAsync(clusterId);

    Task IMembershipTable.CleanupDefunctSiloEntries(DateTimeOffset beforeDate) => CleanupDefunctSiloEntriesAsync(beforeDate);

    Task<MembershipTableData> IMembershipTable.ReadRow(SiloAddress key) => ReadRowAsync(key);

    Task<MembershipTableData> IMembershipTable.ReadAll() => ReadAllAsync();

    Task<bool> IMembershipTable.InsertRow(MembershipEntry entry, TableVersion tableVersion) => InsertRowAsync(entry, tableVersion);

    Task<bool> IMembershipTable.UpdateRow(MembershipEntry entry, string etag, TableVersion tableVersion) => UpdateRowAsync(entry, etag, tableVersion);

    Task IMembershipTable.UpdateIAmAlive(MembershipEntry entry) => UpdateIAmAliveAsync(entry);
}
