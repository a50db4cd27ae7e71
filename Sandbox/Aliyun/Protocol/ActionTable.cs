namespace Ccm.Sandbox.Aliyun.Protocol;

/// <summary>Every served action, keyed by product version and action name (both case-sensitive, as the gateway is).</summary>
internal sealed class ActionTable
{
    private readonly Dictionary<(string Version, string Action), (Product Product, ActionHandler Handler)> handlers = [];

    public void Add(Product product, string action, ActionHandler handler) =>
        handlers.Add((product.Version, action), (product, handler));

    /// <summary>Finds the handler, or throws <c>InvalidVersion</c> / <c>InvalidAction.NotFound</c> as the gateway does.</summary>
    public (Product Product, ActionHandler Handler) Resolve(string version, string action)
    {
        if (handlers.TryGetValue((version, action), out var entry))
        {
            return entry;
        }

        throw Product.ByVersion(version) is null ? CommonErrors.InvalidVersion() : CommonErrors.ActionNotFound();
    }

    public IEnumerable<string> Actions(Product product) =>
        handlers.Where(h => h.Value.Product == product).Select(h => h.Key.Action).Order(StringComparer.Ordinal);
}
