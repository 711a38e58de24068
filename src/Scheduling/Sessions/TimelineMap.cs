namespace Ksst.Scheduling.Sessions;

/// <summary>The <see cref="Timeline"/> of each venue, person or group, by its id.</summary>
internal sealed class TimelineMap
{
    private readonly Dictionary<string, Timeline> _timelines = new(StringComparer.Ordinal);

    /// <summary>Every timeline.</summary>
    public IEnumerable<Timeline> All => _timelines.Values;

    /// <summary>The timeline of <paramref name="key"/>, created when it has none yet.</summary>
    public Timeline For(string key)
    {
        if (!_timelines.TryGetValue(key, out var timeline))
        {
            _timelines[key] = timeline = new Timeline();
        }
        return timeline;
    }

    /// <summary>The timeline of <paramref name="key"/>; null when it has never had a session.</summary>
    public Timeline? Find(string key) => _timelines.GetValueOrDefault(key);
}
