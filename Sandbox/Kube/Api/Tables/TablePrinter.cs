using System.Text.Json.Nodes;

namespace Ccm.Sandbox.Kube.Api.Tables;

/// <summary>
/// The server-side printer of one kind: its columns and the cells of one object's row, as the API server's table
/// convertor produces them (kubectl prints what it gets; without a Table it only knows NAME and AGE).
/// </summary>
internal sealed record TablePrinter(IReadOnlyList<TableColumn> Columns, Func<JsonObject, DateTimeOffset, IReadOnlyList<JsonNode?>> Cells);
