namespace Ccm.Sandbox.Aliyun;

/// <summary>Placeholder until the OpenAPI emulator lands (issue 2).</summary>
public static class AliyunCommand
{
    public static Task<int> RunAsync(string[] args)
    {
        _ = args;
        Console.Error.WriteLine("the Alibaba Cloud OpenAPI emulator is not built yet");
        return Task.FromResult(2);
    }
}
