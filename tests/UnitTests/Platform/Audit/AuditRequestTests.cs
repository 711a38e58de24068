using Google.Protobuf.WellKnownTypes;
using Ksst.Contracts.Audit.V1;
using Ksst.Platform.Audit;
using Ksst.ServiceDefaults.Errors;

namespace Ksst.UnitTests.Platform.Audit;

/// <summary>How a ListAuditEntries request becomes a filter, and every way it cannot (each naming its field).</summary>
public sealed class AuditRequestTests
{
    private static readonly IReadOnlySet<string> Types = new HashSet<string> { "batch", "nomination", "programme" };

    private static (AuditFilter Filter, int PageSize, AuditPosition? From, string[] Fields) Read(ListAuditEntriesRequest request)
    {
        var violations = new FieldViolations();
        var filter = AuditRequest.Filter(request, Types, violations);
        var size = AuditRequest.PageSize(request.PageSize, violations);
        var from = AuditPageToken.Read(request.PageToken, "page_token", violations);
        return (filter, size, from, [.. violations.All.Select(v => v.Field)]);
    }

    [Fact]
    public void A_request_with_every_filter_reads_as_that_filter()
    {
        var since = new DateTimeOffset(2027, 3, 1, 0, 0, 0, TimeSpan.Zero);
        var (filter, size, from, fields) = Read(new ListAuditEntriesRequest
        {
            ResourceType = "nomination", ResourceId = "0190f1c2-7c1e-7000-8000-000000000001", ActorSubject = "organiser-7", BatchId = "ksst-sme-2018",
            Since = Timestamp.FromDateTimeOffset(since), Until = Timestamp.FromDateTimeOffset(since.AddDays(1)), PageSize = 100,
            PageToken = AuditPageToken.For(new AuditPosition(42)),
        });

        Assert.Empty(fields);
        Assert.Equal(("nomination", "0190f1c2-7c1e-7000-8000-000000000001", "organiser-7"), (filter.ResourceType, filter.ResourceId, filter.Subject));
        Assert.Equal(["ksst-sme-2018"], filter.Batches!);
        Assert.Equal((since, since.AddDays(1)), (filter.Since, filter.Until));
        Assert.Equal((100, 42L), (size, from!.BeforeId));
    }

    [Fact]
    public void An_empty_request_is_the_whole_log_in_pages_of_the_default_size()
    {
        var (filter, size, from, fields) = Read(new ListAuditEntriesRequest());

        Assert.Empty(fields);
        Assert.Equal(new AuditFilter(), filter);
        Assert.Equal(AuditPage.DefaultSize, size);
        Assert.Null(from);
    }

    [Fact]
    public void Each_filter_that_cannot_be_one_is_named_at_once()
    {
        var at = Timestamp.FromDateTimeOffset(new DateTimeOffset(2027, 3, 1, 0, 0, 0, TimeSpan.Zero));
        Assert.Equal(["resource_id", "until", "page_size", "page_token"],
            Read(new ListAuditEntriesRequest { ResourceId = "b", Since = at, Until = at, PageSize = 101, PageToken = "bm90LWEtdG9rZW4=" }).Fields);
        Assert.Equal(["resource_type", "page_size"], Read(new ListAuditEntriesRequest { ResourceType = "passport", PageSize = -1 }).Fields);
        Assert.Equal(["page_token"], Read(new ListAuditEntriesRequest { PageToken = "%%%" }).Fields);
        Assert.Equal(["page_token"], Read(new ListAuditEntriesRequest { PageToken = AuditPageToken.For(new AuditPosition(1))[..^2] + "x=" }).Fields);
    }

    [Fact]
    public void An_unknown_resource_type_is_told_the_types_there_are()
    {
        var violations = new FieldViolations();
        AuditRequest.Filter(new ListAuditEntriesRequest { ResourceType = "Nomination" }, Types, violations);

        var violation = Assert.Single(violations.All);
        Assert.Equal("resource_type", violation.Field);
        Assert.Contains("batch, nomination, programme", violation.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Page_tokens_name_a_position_and_only_the_service_issues_them()
    {
        Assert.Equal("", AuditPageToken.For(null));
        var token = AuditPageToken.For(new AuditPosition(123_456_789_012));
        Assert.Equal(123_456_789_012, AuditPageToken.Read(token, "page_token", new FieldViolations())!.BeforeId);
        foreach (var forged in new[] { Convert.ToBase64String("ksst-page:10"u8), Convert.ToBase64String("ksst-audit:-5"u8), Convert.ToBase64String("ksst-audit:0"u8), Convert.ToBase64String("ksst-audit:1e3"u8) })
        {
            var violations = new FieldViolations();
            Assert.Null(AuditPageToken.Read(forged, "page_token", violations));
            Assert.Equal("page_token", Assert.Single(violations.All).Field);
        }
    }
}
