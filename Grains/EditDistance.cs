namespace Ccm.Grains;

/// <summary>
/// Levenshtein distance, for "did you mean" hints: mistyped flags and cloud-config keys (the silo) and misspelt
/// Service annotations (the Service grain). In this project because both the silo and the grains use it.
/// </summary>
public static class EditDistance
{
    public static int Between(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            previous = current;
        }

        return previous[b.Length];
    }

    /// <summary>The candidate closest to <paramref name="word"/> (ignoring case) if it is close enough to be a typo of it.</summary>
    public static string? Closest(string word, IEnumerable<string> candidates) =>
        Nearest(word, candidates) is { } best && best.Distance <= Math.Max(2, word.Length / 5) ? best.Candidate : null;

    /// <summary>The candidate closest to <paramref name="word"/> (ignoring case) however far it is, or null when there is none.</summary>
    public static (string Candidate, int Distance)? Nearest(string word, IEnumerable<string> candidates)
    {
        var lower = word.ToLowerInvariant();
        var best = candidates
            .Select(c => (Candidate: c, Distance: Between(lower, c.ToLowerInvariant())))
            .MinBy(c => c.Distance);
        return best.Candidate is null ? null : best;
    }
}
