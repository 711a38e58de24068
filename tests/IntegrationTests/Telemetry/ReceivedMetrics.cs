using System.Collections.Concurrent;
using System.Globalization;
using Ksst.IntegrationTests.Telemetry.Otlp;

namespace Ksst.IntegrationTests.Telemetry;

/// <summary>
/// The latest exported value of each metric point (gauge or sum of numbers), by service, metric
/// name and attributes: what a dashboard would plot last.
/// </summary>
public sealed class ReceivedMetrics
{
    private readonly ConcurrentDictionary<(string Service, string Metric, string Attributes), (ulong At, double Value)> _latest = new();

    /// <summary>The latest value of <paramref name="metric"/> exported by <paramref name="service"/> with exactly <paramref name="attributes"/>, if any.</summary>
    public double? Latest(string service, string metric, params (string Key, string Value)[] attributes) =>
        _latest.TryGetValue((service, metric, Key(attributes.Select(a => (a.Key, a.Value)))), out var point) ? point.Value : null;

    /// <summary>Every point received so far, one a line, for failure messages.</summary>
    public string Describe(string service, string metric) => string.Join("\n",
        _latest.Where(p => p.Key.Service == service && p.Key.Metric == metric).Select(p => $"  {p.Key.Attributes}: {p.Value.Value}"));

    internal void Add(ExportMetricsServiceRequest export)
    {
        foreach (var resource in export.ResourceMetrics)
        {
            var service = resource.Resource?.Attributes.FirstOrDefault(a => a.Key == "service.name")?.Value?.StringValue ?? "";
            foreach (var metric in resource.ScopeMetrics.SelectMany(scope => scope.Metrics))
            {
                var points = metric.DataCase switch
                {
                    Metric.DataOneofCase.Gauge => metric.Gauge.DataPoints,
                    Metric.DataOneofCase.Sum => metric.Sum.DataPoints,
                    _ => null,
                };
                foreach (var point in points ?? [])
                {
                    var value = point.ValueCase == NumberDataPoint.ValueOneofCase.AsInt ? point.AsInt : point.AsDouble;
                    var key = (service, metric.Name, Key(point.Attributes.Select(a => (a.Key, a.Value?.StringValue ?? a.Value?.ToString() ?? ""))));
                    _latest.AddOrUpdate(key, (point.TimeUnixNano, value), (_, old) => point.TimeUnixNano >= old.At ? (point.TimeUnixNano, value) : old);
                }
            }
        }
    }

    private static string Key(IEnumerable<(string Key, string Value)> attributes) =>
        string.Join(",", attributes.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => string.Create(CultureInfo.InvariantCulture, $"{a.Key}={a.Value}")));
}
