namespace Ccm.Grains.Routes;

/// <summary>What applying a plan did to one node's route: its new status, the entry, and the cloud's code when refused.</summary>
/// <param name="Status">The route's status now.</param>
/// <param name="RouteEntryId">The entry that serves it, when known.</param>
/// <param name="Code">The cloud's error code when it was refused.</param>
/// <param name="Message">The cloud's message when it was refused.</param>
/// <param name="New">This call made the entry (it counts against the quota from now on).</param>
public sealed record RouteOutcome(RouteStatus Status, string? RouteEntryId = null, string? Code = null, string? Message = null, bool New = false);
