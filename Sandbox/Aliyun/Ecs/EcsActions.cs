using Ccm.Sandbox.Aliyun.Protocol;

namespace Ccm.Sandbox.Aliyun.Ecs;

/// <summary>Every ECS (2014-05-26) action the emulator serves.</summary>
internal static class EcsActions
{
    public static void Register(ActionTable table)
    {
        table.Add(Product.Ecs, "DescribeInstances", InstanceActions.Describe);
        table.Add(Product.Ecs, "DescribeNetworkInterfaces", NetworkInterfaceActions.Describe);
        table.Add(Product.Ecs, "ModifyNetworkInterfaceAttribute", NetworkInterfaceActions.ModifyAttribute);
    }
}
