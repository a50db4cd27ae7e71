namespace Ccm.Sandbox.Kube.Api.Tables;

/// <summary>One <c>columnDefinitions</c> entry of a <c>meta.k8s.io/v1</c> Table; priority 1 columns are kubectl's <c>-o wide</c>.</summary>
internal sealed record TableColumn(string Name, string Type, string Description, int Priority = 0, string Format = "");
