using Ccm.Sandbox.Kube.Selectors;

namespace Ccm.Sandbox.Tests.Kube;

public sealed class SelectorTests
{
    private static readonly Dictionary<string, string> Labels = new() { ["app"] = "web", ["tier"] = "front", ["n"] = "5" };

    [Theory]
    [InlineData("", true)]
    [InlineData("app=web", true)]
    [InlineData("app==web", true)]
    [InlineData("app=db", false)]
    [InlineData("app!=db", true)]
    [InlineData("missing!=x", true)]
    [InlineData("app in (web,db)", true)]
    [InlineData("app in (db)", false)]
    [InlineData("app notin (db)", true)]
    [InlineData("missing notin (db)", true)]
    [InlineData("app", true)]
    [InlineData("missing", false)]
    [InlineData("!missing", true)]
    [InlineData("!app", false)]
    [InlineData("app=web,tier=front", true)]
    [InlineData("app=web,tier=back", false)]
    [InlineData(" app = web , tier in ( front , back ) ", true)]
    [InlineData("n>4", true)]
    [InlineData("n<4", false)]
    public void Label_selectors_match_as_upstream(string selector, bool matches) =>
        Assert.Equal(matches, LabelSelector.Parse(selector).Matches(Labels));

    [Theory]
    [InlineData("app in web")]
    [InlineData("app in (web")]
    [InlineData("app=web,,")]
    [InlineData("n>x")]
    public void Malformed_label_selectors_are_rejected(string selector) =>
        Assert.Throws<FormatException>(() => LabelSelector.Parse(selector));

    [Theory]
    [InlineData("metadata.name=web", true)]
    [InlineData("metadata.name==web", true)]
    [InlineData("metadata.name!=web", false)]
    [InlineData("metadata.name=web,metadata.namespace=default", true)]
    [InlineData("metadata.namespace!=default", false)]
    [InlineData("spec.nodeName=n\\,1", true)]
    public void Field_selectors_match_exact_values(string selector, bool matches)
    {
        var fields = new Dictionary<string, string> { ["metadata.name"] = "web", ["metadata.namespace"] = "default", ["spec.nodeName"] = "n,1" };

        Assert.Equal(matches, FieldSelector.Parse(selector).Matches(fields));
    }

    [Fact]
    public void Unsupported_field_labels_are_rejected() =>
        Assert.Throws<FormatException>(() => FieldSelector.Parse("spec.foo=1").EnsureSupported(new HashSet<string> { "metadata.name" }));
}
