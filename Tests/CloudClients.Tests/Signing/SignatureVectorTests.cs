using Ccm.CloudClients.Signing;

namespace Ccm.CloudClients.Tests.Signing;

/// <summary>The official test vectors from reference/aliyun-api.md §1.</summary>
public class SignatureVectorTests
{
    private static KeyValuePair<string, string>[] Params(params string[] pairs) =>
        pairs.Select(p => p.Split('=', 2)).Select(kv => KeyValuePair.Create(kv[0], kv[1])).ToArray();

    [Fact]
    public void V2_DescribeRegions_official_vector()
    {
        var parameters = Params(
            "AccessKeyId=testid", "Action=DescribeRegions", "Format=XML", "SignatureMethod=HMAC-SHA1",
            "SignatureNonce=3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf", "SignatureVersion=1.0",
            "Timestamp=2016-02-23T12:46:24Z", "Version=2014-05-26");

        var stringToSign = RpcSignatureV2.StringToSign("GET", parameters);

        Assert.Equal(
            "GET&%2F&AccessKeyId%3Dtestid%26Action%3DDescribeRegions%26Format%3DXML%26SignatureMethod%3DHMAC-SHA1" +
            "%26SignatureNonce%3D3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf%26SignatureVersion%3D1.0" +
            "%26Timestamp%3D2016-02-23T12%253A46%253A24Z%26Version%3D2014-05-26",
            stringToSign);
        Assert.Equal("OLeaidS1JvxuMvnyHOwuJ+uX5qY=", RpcSignatureV2.Sign("testsecret", stringToSign));
        Assert.Equal("OLeaidS1JvxuMvnyHOwuJ%2BuX5qY%3D", PercentEncoding.Encode("OLeaidS1JvxuMvnyHOwuJ+uX5qY="));
    }

    [Fact]
    public void V2_older_doc_spelling_TimeStamp_gives_the_older_doc_signature()
    {
        var parameters = Params(
            "AccessKeyId=testid", "Action=DescribeRegions", "Format=XML", "SignatureMethod=HMAC-SHA1",
            "SignatureNonce=3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf", "SignatureVersion=1.0",
            "TimeStamp=2016-02-23T12:46:24Z", "Version=2014-05-26");

        Assert.Equal("CT9X0VtwR86fNWSnsc6v8YGOjuE=", RpcSignatureV2.Sign("testsecret", RpcSignatureV2.StringToSign("GET", parameters)));
    }

    [Theory]
    [InlineData("GET", "9NaGiOspFP5UPcwX8Iwt2YJXXuk=")]
    [InlineData("POST", "ZvQ9xGiFnquSJRvj+WE6kdSpTwU=")]
    public void V2_DescribeDedicatedHosts_doc_vector(string method, string expected)
    {
        var parameters = Params(
            "AccessKeyId=testid", "Action=DescribeDedicatedHosts", "Format=JSON", "RegionId=cn-beijing",
            "SignatureMethod=HMAC-SHA1", "SignatureNonce=edb2b34af0af9a6d14deaf7c1a5315eb", "SignatureVersion=1.0",
            "Timestamp=2023-03-13T08:34:30Z", "Version=2014-05-26");

        Assert.Equal(expected, RpcSignatureV2.Sign("testsecret", RpcSignatureV2.StringToSign(method, parameters)));
    }

    [Fact]
    public void V2_SendSms_vector_with_UTF8_and_JSON_values()
    {
        var parameters = Params(
            "AccessKeyId=testId", "Action=SendSms", "Format=XML", "OutId=123", "PhoneNumbers=15300000001",
            "RegionId=cn-hangzhou", "SignName=阿里云短信测试专用", "SignatureMethod=HMAC-SHA1",
            "SignatureNonce=45e25e9b-0a6f-4070-8c85-2956eda1b466", "SignatureVersion=1.0",
            "TemplateCode=SMS_71390007", "TemplateParam={\"customer\":\"test\"}", "Timestamp=2017-07-12T02:42:19Z",
            "Version=2017-05-25");

        Assert.Equal("zJDF+Lrzhj/ThnlvIToysFRq6t4=", RpcSignatureV2.Sign("testSecret", RpcSignatureV2.StringToSign("GET", parameters)));
    }

    [Fact]
    public void V2_ignores_a_Signature_parameter_and_signs_empty_ones()
    {
        var withEmpty = Params("A=1", "SignatureType=", "Signature=zzz");

        Assert.Equal("GET&%2F&A%3D1%26SignatureType%3D", RpcSignatureV2.StringToSign("GET", withEmpty));
    }

    [Fact]
    public void V3_RunInstances_official_vector()
    {
        var query = Params("ImageId=win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd", "RegionId=cn-shanghai");
        var headers = Params(
            "host=ecs.cn-shanghai.aliyuncs.com", "x-acs-action=RunInstances", "x-acs-version=2014-05-26",
            "x-acs-date=2023-10-26T10:22:32Z", "x-acs-signature-nonce=3156853299f313e23d1673dc12e1703d",
            "x-acs-content-sha256=" + Acs3Signature.EmptyPayloadHash, "accept=application/json", "user-agent=test");

        var (canonical, signedHeaders) = Acs3Signature.CanonicalRequest("POST", "/", query, headers, Acs3Signature.EmptyPayloadHash);
        var stringToSign = Acs3Signature.StringToSign(canonical);
        var signature = Acs3Signature.Sign("YourAccessKeySecret", stringToSign);

        Assert.Equal("7ea06492da5221eba5297e897ce16e55f964061054b7695beedaac1145b1e259", Acs3Signature.HexSha256(canonical));
        Assert.Equal(
            "ACS3-HMAC-SHA256 Credential=YourAccessKeyId,SignedHeaders=host;x-acs-action;x-acs-content-sha256;x-acs-date;" +
            "x-acs-signature-nonce;x-acs-version,Signature=06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0",
            Acs3Signature.AuthorizationHeader("YourAccessKeyId", signedHeaders, signature));
    }

    [Theory]
    [InlineData("a b", "a%20b")]
    [InlineData("*", "%2A")]
    [InlineData("~", "~")]
    [InlineData("+/=&:", "%2B%2F%3D%26%3A")]
    [InlineData("é", "%C3%A9")]
    public void Percent_encoding_follows_RFC3986(string input, string expected) =>
        Assert.Equal(expected, PercentEncoding.Encode(input));
}
