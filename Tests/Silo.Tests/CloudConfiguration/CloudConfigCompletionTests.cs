using Ccm.Silo.CloudConfiguration;
using Ccm.Silo.Tests.Support;

namespace Ccm.Silo.Tests.CloudConfiguration;

public sealed class CloudConfigCompletionTests
{
    [Fact]
    public async Task Fills_only_the_missing_fields_from_instance_metadata()
    {
        var metadata = new FakeInstanceMetadata(FakeInstanceMetadata.Demo.AsDictionary());
        var config = new CloudConfig { Region = "cn-shanghai", VpcId = "vpc-bp1mine" };

        var completed = await CloudConfigCompletion.CompleteAsync(config, metadata, "cc", CancellationToken.None);

        Assert.Equal(["zone-id", "vswitch-id"], metadata.Asked);
        Assert.Equal("cn-shanghai", completed.Region);
        Assert.Equal("vpc-bp1mine", completed.VpcId);
        Assert.Equal("cn-hangzhou-k", completed.ZoneId);
        Assert.Equal(new VSwitch("cn-hangzhou-k", "vsw-bp1meta"), Assert.Single(completed.VSwitches));
    }

    [Fact]
    public async Task Asks_nothing_when_the_file_is_complete()
    {
        var metadata = new FakeInstanceMetadata(new Dictionary<string, string>());
        var config = new CloudConfig { Region = "cn-hangzhou", ZoneId = "cn-hangzhou-k", VpcId = "vpc-bp1a", VSwitches = [new VSwitch("cn-hangzhou-k", "vsw-a")] };
        Assert.Equal(config, await CloudConfigCompletion.CompleteAsync(config, metadata, "cc", CancellationToken.None));
        Assert.Empty(metadata.Asked);
    }

    [Fact]
    public async Task Without_region_or_vpc_start_fails_saying_what_to_set()
    {
        var metadata = new FakeInstanceMetadata(new Dictionary<string, string> { ["zone-id"] = "cn-hangzhou-k" });
        var error = await Assert.ThrowsAsync<CloudConfigException>(() => CloudConfigCompletion.CompleteAsync(new CloudConfig(), metadata, "/etc/cc.conf", CancellationToken.None));
        Assert.Equal(
            "cloud-config /etc/cc.conf: region and vpcid are not set and the ECS instance metadata service could not provide them. Set region (e.g. \"region\": \"cn-hangzhou\") and vpcid (e.g. \"vpcid\": \"vpc-bp1abc\") in the Global section",
            error.Message);
    }

    [Fact]
    public async Task A_failing_metadata_service_is_explained_once_per_reason()
    {
        var error = await Assert.ThrowsAsync<CloudConfigException>(() =>
            CloudConfigCompletion.CompleteAsync(new CloudConfig { VpcId = "vpc-bp1a" }, new UnavailableInstanceMetadata(), "cc", CancellationToken.None));
        Assert.EndsWith(
            "region is not set and the ECS instance metadata service could not provide it (region-id, zone-id, vswitch-id: this build has no ECS instance metadata client wired in yet). Set region (e.g. \"region\": \"cn-hangzhou\") in the Global section",
            error.Message, StringComparison.Ordinal);
    }
}
