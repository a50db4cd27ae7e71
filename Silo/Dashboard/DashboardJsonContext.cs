using System.Text.Json;
using System.Text.Json.Serialization;
using Ccm.GrainInterfaces.State;
using Ccm.Silo.Dashboard.Model;

namespace Ccm.Silo.Dashboard;

/// <summary>
/// The JSON API's wire format: camelCase, enums by name, nulls left out. Source-generated, so a page of 5,000 rows
/// serialises without reflection; peers' answers are read back with the same context.
/// </summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(LocalSummary))]
[JsonSerializable(typeof(OverviewView))]
[JsonSerializable(typeof(SilosView))]
[JsonSerializable(typeof(GrainList<ServiceRow>))]
[JsonSerializable(typeof(GrainList<NodeRow>))]
[JsonSerializable(typeof(GrainList<RouteTableRow>))]
[JsonSerializable(typeof(GrainDetail<ServiceGrainState>))]
[JsonSerializable(typeof(GrainDetail<NodeGrainState>))]
[JsonSerializable(typeof(GrainDetail<RouteTableGrainState>))]
[JsonSerializable(typeof(CloudCallsView))]
[JsonSerializable(typeof(LocalMembership))]
[JsonSerializable(typeof(MembershipView))]
[JsonSerializable(typeof(DashboardConfig))]
[JsonSerializable(typeof(ErrorBody))]
public sealed partial class DashboardJsonContext : JsonSerializerContext;
