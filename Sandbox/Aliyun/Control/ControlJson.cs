using System.Text.Json.Serialization;
using Ccm.Sandbox.Aliyun.Faults;
using Ccm.Sandbox.Aliyun.State;

namespace Ccm.Sandbox.Aliyun.Control;

/// <summary>Source-generated serialisation of the control API's bodies.</summary>
[JsonSourceGenerationOptions(PropertyNameCaseInsensitive = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(LatencyRequest))]
[JsonSerializable(typeof(QpsLimitRequest))]
[JsonSerializable(typeof(ErrorRateRequest))]
[JsonSerializable(typeof(DropRequest))]
[JsonSerializable(typeof(GarbleRequest))]
[JsonSerializable(typeof(NewInstance))]
[JsonSerializable(typeof(ForeignRouteEntryRequest))]
[JsonSerializable(typeof(NetworkInterfaceRequest))]
[JsonSerializable(typeof(RouteEntryQuotaRequest))]
[JsonSerializable(typeof(FaultSettings))]
[JsonSerializable(typeof(CallLogView))]
[JsonSerializable(typeof(IReadOnlyList<LoadBalancerView>))]
[JsonSerializable(typeof(IReadOnlyList<Instance>))]
[JsonSerializable(typeof(Instance))]
[JsonSerializable(typeof(NetworkInterface))]
[JsonSerializable(typeof(IReadOnlyList<RouteEntryView>))]
[JsonSerializable(typeof(RouteEntryView))]
public sealed partial class ControlJson : JsonSerializerContext;
