namespace Ccm.Grains.Routes;

/// <summary>One node's route in one table: its status, the entry that serves it (if any) and a note for the reader.</summary>
public sealed record RouteState(NodeRoute Route, RouteStatus Status, string? RouteEntryId = null, string? Note = null);
