using Ccm.Clustering.Kubernetes;
using Ccm.Clustering.Kubernetes.Rbac;
using Orleans.Configuration;

namespace Ccm.Chart.Tests;

/// <summary>
/// Least privilege: exactly the verbs the silo uses, no wildcards, nothing on Secrets, Pods only read one by one (and
/// their readiness gate set), and the Orleans tables' ConfigMaps and Leases by name wherever Kubernetes allows it.
/// </summary>
public sealed class RbacTests
{
    /// <summary>What an informer needs: the cache is filled by list+watch, never by get.</summary>
    private static readonly string[] Watch = ["list", "watch"];

    /// <summary>
    /// What the silo is allowed to do, written out so that a change to templates/rbac.yaml is a visible decision
    /// (RbacUsageTests checks the same rules against the calls the silo's Kubernetes client records).
    /// </summary>
    private static readonly HashSet<RbacPermission> Expected =
    [
        .. Cluster("", "services", [.. Watch, "patch"]),
        .. Cluster("", "services/status", ["patch"]),
        .. Cluster("discovery.k8s.io", "endpointslices", Watch),
        .. Cluster("", "pods", ["get"]),
        .. Cluster("", "pods/status", ["patch"]),
        .. Cluster("", "nodes", [.. Watch, "patch", "delete"]),
        .. Cluster("", "nodes/status", ["patch"]),
        .. Cluster("", "events", ["create", "patch"]),
        .. Tables("ccm"),
    ];

    [Fact]
    public async Task Roles_grant_exactly_the_documented_permissions()
    {
        var granted = RbacPermission.Granted(await ChartRenderer.RenderAsync());

        Assert.True(granted.SetEquals(Expected),
            $"granted but not expected: {string.Join(", ", granted.Except(Expected))}; expected but not granted: {string.Join(", ", Expected.Except(granted))}");
    }

    [Fact]
    public async Task No_rule_uses_a_wildcard()
    {
        var chart = await ChartRenderer.RenderAsync();

        Assert.All(RbacPermission.Granted(chart), p =>
        {
            Assert.DoesNotContain("*", p.ApiGroup, StringComparison.Ordinal);
            Assert.DoesNotContain("*", p.Resource, StringComparison.Ordinal);
            Assert.DoesNotContain("*", p.Verb, StringComparison.Ordinal);
        });
        // Also resourceNames, nonResourceURLs and anything else a rule may carry.
        Assert.All(chart.OfKind("ClusterRole").Concat(chart.OfKind("Role")),
            role => Assert.DoesNotContain("*", role["rules"]!.ToJsonString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Nothing_is_granted_on_secrets_pods_are_only_read_by_name_and_services_and_nodes_are_never_updated()
    {
        var granted = RbacPermission.Granted(await ChartRenderer.RenderAsync());

        Assert.DoesNotContain(granted, p => p.Resource == "secrets");
        Assert.DoesNotContain(granted, p => p.Resource == "pods" && p.Verb != "get");
        Assert.DoesNotContain(granted, p => p.Resource == "pods/status" && p.Verb != "patch");
        Assert.DoesNotContain(granted, p => p.Resource is "services" or "nodes" && p.Verb == "update");
        Assert.DoesNotContain(granted, p => p.Verb is "escalate" or "bind" or "impersonate" or "deletecollection");
    }

    [Fact]
    public async Task Bindings_tie_the_roles_to_the_silo_service_account()
    {
        var chart = await ChartRenderer.RenderAsync();

        foreach (var (binding, role) in new[] { ("ClusterRoleBinding", "ClusterRole"), ("RoleBinding", "Role") })
        {
            var subject = chart.Single(binding)["subjects"]!.AsArray().Single()!;
            Assert.Equal(role, (string?)chart.Single(binding)["roleRef"]!["kind"]);
            Assert.Equal("ccm", (string?)subject["name"]);
            Assert.Equal(ChartRenderer.Namespace, (string?)subject["namespace"]);
            Assert.Equal((string?)chart.PodSpec["serviceAccountName"], (string?)subject["name"]);
        }
    }

    [Fact]
    public async Task Every_rule_in_the_template_is_preceded_by_a_comment_saying_why()
    {
        var lines = await File.ReadAllLinesAsync(Path.Combine(Helm.Chart, "templates", "rbac.yaml"));

        var rules = lines.Select((line, i) => (line, i)).Where(l => l.line.TrimStart().StartsWith("- apiGroups:", StringComparison.Ordinal)).ToList();
        Assert.Equal(15, rules.Count); // 11 ClusterRole rules, 4 Role rules
        Assert.All(rules, r => Assert.StartsWith("#", lines[r.i - 1].TrimStart(), StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(null, "ccm")]
    [InlineData(ValueSets.ThreeReplicas, "ccm-prod")]
    public async Task The_Role_grants_exactly_what_the_Orleans_tables_of_the_resource_name_need(string? valuesFile, string resourceName)
    {
        var chart = valuesFile is null ? await ChartRenderer.RenderAsync() : await ChartRenderer.RenderAsync(valuesFile);

        var role = RbacPermission.Granted(chart).Where(p => p.Scope == RbacScope.ReleaseNamespace).ToHashSet();
        Assert.True(role.SetEquals(Tables(resourceName)), $"granted: {string.Join(", ", role.Select(p => p.ToString()).Order(StringComparer.Ordinal))}");
    }

    [Theory]
    [MemberData(nameof(ValueSets.Valid), MemberType = typeof(ValueSets))]
    public async Task No_rule_grants_every_Lease_or_ConfigMap_of_a_namespace_for_a_verb_names_could_limit(string valuesFile)
    {
        var chart = await ChartRenderer.RenderAsync(valuesFile);

        // Kubernetes cannot limit create by name (the authorizer does not know the name of an object being created);
        // every other verb granted here can be, and list, watch and deletecollection are granted on neither resource.
        var unnamed = RbacPermission.Granted(chart).Where(p => p.Resource is "leases" or "configmaps" && p.ResourceName is null && p.Verb != "create");
        Assert.Empty(unnamed);
    }

    [Fact]
    public async Task A_single_silo_without_leader_election_gets_no_Role()
    {
        var chart = await ChartRenderer.RenderWithAsync("--set", "replicaCount=1", "--set", "silo.leaderElection.enabled=false");

        Assert.False(chart.Has("Role"));
        Assert.False(chart.Has("RoleBinding"));
        Assert.True(chart.Has("ClusterRole"));
    }

    [Fact]
    public async Task No_role_grants_more_than_create_on_every_Lease_or_ConfigMap()
    {
        var granted = RbacPermission.GrantedByName(await ChartRenderer.RenderAsync());

        // Only create cannot be limited by name; anything else on every Lease or ConfigMap of kube-system would let
        // the silo take over other components' leader election or rewrite coredns / kube-proxy configuration.
        var unnamed = granted.Where(g => g.Permission.Resource is "leases" or "configmaps" && g.ResourceName is null && g.Permission.Verb != "create");
        Assert.Empty(unnamed);
    }

    [Theory]
    [InlineData("ccm")]
    [InlineData("cloud-controller-manager")]
    public async Task The_Role_names_exactly_the_objects_of_the_silo_s_Orleans_tables(string resourceName)
    {
        var chart = await ChartRenderer.RenderWithAsync("--set", $"silo.leaderElection.resourceName={resourceName}");
        var cluster = new ClusterOptions();
        var tables = KubernetesClusteringRbac.Rules(new KubernetesClusteringOptions { NamePrefix = resourceName }, cluster)
            .Concat(KubernetesClusteringRbac.Rules(new KubernetesReminderTableOptions { NamePrefix = resourceName }, cluster));
        var wanted = tables
            .SelectMany(rule => from verb in rule.Verbs
                                from name in rule.ResourceNames.Count == 0 ? [null] : rule.ResourceNames.Cast<string?>()
                                select new RbacGrant(new RbacPermission(RbacScope.ReleaseNamespace, rule.ApiGroup, rule.Resource, verb), name))
            .ToHashSet();

        var granted = RbacPermission.GrantedByName(chart).Where(g => g.Permission.Scope == RbacScope.ReleaseNamespace).ToHashSet();

        Assert.True(granted.SetEquals(wanted),
            $"granted but not needed: {string.Join(", ", granted.Except(wanted))}; needed but not granted: {string.Join(", ", wanted.Except(granted))}");
    }

    [Fact]
    public async Task Rbac_can_be_left_to_the_operator()
    {
        var chart = await ChartRenderer.RenderWithAsync("--set", "rbac.create=false", "--set", "serviceAccount.create=false", "--set", "serviceAccount.name=ccm-managed");

        Assert.Empty(RbacPermission.Granted(chart));
        Assert.False(chart.Has("ServiceAccount"));
        Assert.Equal("ccm-managed", (string?)chart.PodSpec["serviceAccountName"]);
    }

    private static IEnumerable<RbacPermission> Cluster(string group, string resource, string[] verbs) =>
        verbs.Select(v => new RbacPermission(RbacScope.Cluster, group, resource, v));

    /// <summary>
    /// What Orleans' membership and reminder tables need in the release namespace for a resource name, as
    /// <see cref="KubernetesClusteringRbac"/> states it from the options the silo uses (prefix = the resource name,
    /// default slots and buckets).
    /// </summary>
    private static IEnumerable<RbacPermission> Tables(string resourceName)
    {
        var cluster = new ClusterOptions { ClusterId = resourceName, ServiceId = resourceName };
        var rules = KubernetesClusteringRbac.Rules(new KubernetesClusteringOptions { NamePrefix = resourceName }, cluster)
            .Concat(KubernetesClusteringRbac.Rules(new KubernetesReminderTableOptions { NamePrefix = resourceName }, cluster));
        return from rule in rules
               from verb in rule.Verbs
               from name in rule.ResourceNames.Count > 0 ? rule.ResourceNames.Select(n => (string?)n) : [null]
               select new RbacPermission(RbacScope.ReleaseNamespace, rule.ApiGroup, rule.Resource, verb, name);
    }
}
