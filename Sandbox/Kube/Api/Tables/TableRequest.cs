using Microsoft.AspNetCore.Http;

namespace Ccm.Sandbox.Kube.Api.Tables;

/// <summary>
/// A read that asked for a <c>meta.k8s.io/v1</c> Table (kubectl's <c>get</c> sends
/// <c>Accept: application/json;as=Table;v=v1;g=meta.k8s.io,...,application/json</c>) of a kind we print, with the
/// row object it wants (<c>includeObject</c>: None, Metadata (default) or Object).
/// </summary>
internal sealed record TableRequest(TablePrinter Printer, string IncludeObject)
{
    public static TableRequest? From(HttpRequest http, ResourceType type)
    {
        if (TablePrinters.For(type) is not { } printer || !AcceptsTable(http.Headers.Accept.ToString()))
        {
            return null;
        }

        var include = http.Query["includeObject"].ToString();
        if (include.Length > 0 && include is not ("None" or "Metadata" or "Object"))
        {
            throw KubeApiException.BadRequest($"Invalid includeObject value: \"{include}\"; supported values: \"None\", \"Metadata\", \"Object\"");
        }

        return new TableRequest(printer, include.Length > 0 ? include : "Metadata");
    }

    /// <summary>Whether one of the offered media types is the v1 Table; v1beta1 alone gets the plain list.</summary>
    private static bool AcceptsTable(string accept) =>
        accept.Split(',').Any(media =>
        {
            var parameters = media.Split(';', StringSplitOptions.TrimEntries);
            return parameters[0] == "application/json"
                && parameters.Contains("as=Table") && parameters.Contains("v=v1") && parameters.Contains("g=meta.k8s.io");
        });
}
