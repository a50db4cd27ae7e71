using Microsoft.Extensions.Logging;

namespace Ccm.Runtime;

/// <summary>One round of the shard protocol, and the actions a step takes.</summary>
internal sealed partial class LeaseShardOwnership
{
    /// <summary>One round: deadlines, renewals, observation, then a step per shard. Never throws for store failures.</summary>
    internal async Task TickAsync(CancellationToken cancellationToken)
    {
        var started = time.GetUtcNow();
        EnforceRenewDeadlines(started);
        using var deadline = new TurnDeadline(time, options.RenewDeadline, cancellationToken);
        try
        {
            if (leaving)
            {
                await membership.LeaveAsync(started, deadline.Token);
            }
            else
            {
                await membership.RenewAsync(observer, started, deadline.Token);
            }

            await Task.WhenAll(slots.Where(s => s.IsHeld).Select(s => RenewAsync(s, deadline.Token)));
            var listed = await store.ListAsync(LeaseNames.RingLabel, names.Prefix, deadline.Token);
            var now = time.GetUtcNow();
            observer.ObserveAll(listed, now);
            var live = LiveMembers(listed, now);
            var byName = listed.ToDictionary(l => l.Name);
            await Task.WhenAll(slots.Select(s => StepAsync(s, byName.GetValueOrDefault(s.LeaseName), live, now, deadline.Token)));
            StoreSucceeded();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            StoreFailed(ex);
        }
    }

    /// <summary>client-go: a leader that could not renew within <c>RenewDeadline</c> stops leading.</summary>
    private void EnforceRenewDeadlines(DateTimeOffset now)
    {
        foreach (var slot in slots.Where(s => s.IsHeld && s.ValidUntil(options.RenewDeadline) <= now))
        {
            _ = Lose(slot, now, $"not renewed within the renew deadline {options.RenewDeadline}");
        }
    }

    private async Task RenewAsync(ShardSlot slot, CancellationToken cancellationToken)
    {
        var sent = time.GetUtcNow();
        var renewed = await store.ReplaceAsync(slot.Lease! with { RenewTime = sent, LeaseDurationSeconds = DurationSeconds }, cancellationToken);
        if (renewed is null)
        {
            // 409: someone wrote since our last write. Ours still (a reply we lost)? Then carry on from it.
            var current = await store.GetAsync(slot.LeaseName, cancellationToken);
            if (current?.HolderIdentity == Identity)
            {
                slot.Adopt(current);
            }
            else
            {
                _ = Lose(slot, sent, $"its Lease is held by {(current?.IsHeld == true ? current.HolderIdentity : "nobody")}");
            }

            return;
        }

        slot.Renewed(renewed, sent);
        observer.Observe(renewed, sent);
        if (slot.State == ShardState.Active)
        {
            host.Extend(slot.Shard, sent + options.RenewDeadline);
        }
    }

    private async Task StepAsync(ShardSlot slot, LeaseRecord? listed, IReadOnlyCollection<string> live, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var assignedTo = Rendezvous.OwnerOf(slot.Shard, live);
        slot.Observe(listed, assignedTo);
        var view = new LeaseView(
            Exists: listed is not null,
            HeldByMe: listed?.HolderIdentity == Identity,
            HeldByOther: listed is { IsHeld: true } && listed.HolderIdentity != Identity,
            Expired: listed is not null && observer.IsExpired(listed, now));
        var assignedHere = assignedTo == siloName && !leaving && membership.IsMember(now);
        // A silo that just joined waits one period before acquiring, so silos starting together see each other
        // first instead of all grabbing every shard and handing most back.
        var settled = membership.JoinedAt + options.RetryPeriod <= now;
        switch (ShardPlanner.Next(slot.State, slot.Drained, assignedHere, view))
        {
            case ShardStep.Create when settled:
                var sent = time.GetUtcNow();
                var fresh = new LeaseRecord { Name = slot.LeaseName, Labels = names.Labels("shard") };
                if (await store.CreateAsync(LeaseTakeover.Take(fresh, Identity, options.LeaseDuration, sent), cancellationToken) is { } created)
                {
                    Acquired(slot, created, sent);
                }

                break;
            case ShardStep.Acquire when settled:
                var at = time.GetUtcNow();
                var take = LeaseTakeover.Take(listed!, Identity, options.LeaseDuration, at) with { Labels = names.Labels("shard") };
                if (await store.ReplaceAsync(take, cancellationToken) is { } taken)
                {
                    Acquired(slot, taken, at);
                }

                break;
            case ShardStep.BeginDrain:
                BeginDrain(slot, assignedTo);
                break;
            case ShardStep.Release:
                await ReleaseAsync(slot, cancellationToken);
                break;
            case ShardStep.Resume:
                slot.Resumed();
                host.Activate(slot.Shard, slot.ValidUntil(options.RenewDeadline)!.Value);
                break;
            case ShardStep.Lose:
                _ = Lose(slot, now, $"its Lease is held by {(listed?.IsHeld == true ? listed.HolderIdentity : "nobody")}");
                break;
        }
    }

    private void Acquired(ShardSlot slot, LeaseRecord lease, DateTimeOffset sentAt)
    {
        slot.Acquired(lease, sentAt);
        observer.Observe(lease, sentAt);
        claims.Begin(slot.Shard, time.GetUtcNow());
        logger.LogInformation("Silo {SiloName} acquired shard {Shard} (transitions {LeaseTransitions})", siloName, slot.Shard, lease.LeaseTransitions);
        host.Activate(slot.Shard, sentAt + options.RenewDeadline);
    }

    private void BeginDrain(ShardSlot slot, string? assignedTo)
    {
        logger.LogInformation("Silo {SiloName} drains shard {Shard}: assigned to {AssignedTo}", siloName, slot.Shard, assignedTo ?? "(another silo)");
        var drain = host.StopAsync(slot.Shard, leaving ? DeactivationReason.SiloStopping : DeactivationReason.ShardReleased, force: false);
        slot.Draining(drain);
        drain.ContinueWith(_ => Wake(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>Ends the claim before the write, so no instant has two silos running the shard's grains.</summary>
    private async Task ReleaseAsync(ShardSlot slot, CancellationToken cancellationToken)
    {
        var held = slot.Lease!;
        var now = time.GetUtcNow();
        claims.End(slot.Shard, now);
        slot.Released();
        if (await store.ReplaceAsync(LeaseTakeover.Release(held, now), cancellationToken) is { } released)
        {
            observer.Observe(released, now);
            logger.LogInformation("Silo {SiloName} released shard {Shard}", siloName, slot.Shard);
        }
    }

    private Task Lose(ShardSlot slot, DateTimeOffset now, string reason)
    {
        var validUntil = slot.ValidUntil(options.RenewDeadline) ?? now;
        claims.End(slot.Shard, now < validUntil ? now : validUntil);
        slot.Released();
        logger.LogWarning("Silo {SiloName} lost shard {Shard}: {Reason}; stopping its grains now", siloName, slot.Shard, reason);
        return host.StopAsync(slot.Shard, DeactivationReason.ShardLost, force: true);
    }

    /// <summary>Names of the live silos: held, unexpired membership Leases, plus this silo while its own is renewed.</summary>
    private HashSet<string> LiveMembers(IReadOnlyList<LeaseRecord> listed, DateTimeOffset now)
    {
        var peers = listed
            .Where(l => LeaseNames.IsSilo(l) && l.IsHeld && l.HolderIdentity != Identity && !observer.IsExpired(l, now))
            .Select(ToMember)
            .ToList();
        var self = membership.IsMember(now) && !leaving;
        members = [.. peers, .. self ? [new SiloMember(siloName, Identity, options.AdvertisedAddress, null, null, IsSelf: true)] : Array.Empty<SiloMember>()];
        return [.. members.Select(m => m.Name)];
    }

    private int DurationSeconds => (int)options.LeaseDuration.TotalSeconds;
}
