using Ksst.Registration.Data;
using Ksst.ServiceDefaults.Access;
using Microsoft.EntityFrameworkCore;

namespace Ksst.Registration.Nominations;

/// <summary>
/// A batch's roster as CSV: GET /api/v1/batches/{batchId}/roster.csv[?status=Accepted&amp;country=LK],
/// for the batch's organisers (every row) and agencies (their own country's rows): 401 without a
/// valid token, 403 for another role or an organiser of another programme.
/// </summary>
internal static class RosterCsv
{
    private static readonly string[] Header =
        ["nomination_id", "full_name", "gender", "nationality", "nominating_country", "organisation", "position", "email", "preferred_language", "status", "nominated_at"];

    public static IEndpointRouteBuilder MapRosterCsv(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/batches/{batchId}/roster.csv", async (string batchId, string? status, string? country, RegistrationDbContext db, HttpContext http, CancellationToken ct) =>
        {
            if (Caller.From(http.User) is not { } caller)
            {
                http.Response.Headers.WWWAuthenticate = "Bearer";
                return Results.Problem(TokenFailures.Explain(http), statusCode: StatusCodes.Status401Unauthorized);
            }
            var programme = await db.Batches.Where(b => b.Id == batchId).Select(b => b.ProgrammeId).SingleOrDefaultAsync(ct);
            if (programme is null)
            {
                return Results.Problem($"Batch '{batchId}' does not exist.", statusCode: StatusCodes.Status404NotFound);
            }
            if (caller.Role is not (Role.Organiser or Role.Agency) || caller.Role == Role.Organiser && !caller.Organises(programme))
            {
                return Results.Problem("Only the batch's organisers and the nominating agencies may read its roster.", statusCode: StatusCodes.Status403Forbidden);
            }
            NominationStatus? wanted = null;
            if (!string.IsNullOrEmpty(status))
            {
                if (!Enum.TryParse<NominationStatus>(status, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
                {
                    return Results.Problem($"Unknown status '{status}'; use one of {string.Join(", ", Enum.GetNames<NominationStatus>())}.", statusCode: StatusCodes.Status400BadRequest);
                }
                wanted = parsed;
            }

            var query = NominationAccess.Visible(db.Nominations.AsNoTracking(), caller).Where(n => n.BatchId == batchId);
            query = wanted is { } s ? query.Where(n => n.Status == s) : query;
            query = string.IsNullOrEmpty(country) ? query : query.Where(n => n.NominatingCountry == country);
            var rows = await query.OrderBy(n => n.NominatedAt).ThenBy(n => n.Id).ToListAsync(ct);

            var lines = new List<string> { Csv.Line(Header) };
            lines.AddRange(rows.Select(n => Csv.Line([
                n.Id.ToString(), n.FullName, n.Gender, n.Nationality, n.NominatingCountry, n.Organisation, n.Position,
                n.Email, n.PreferredLanguage, n.Status.ToString(), n.NominatedAt.ToString("O"),
            ])));
            var body = Csv.Encoding.GetPreamble().Concat(Csv.Encoding.GetBytes(string.Join("\r\n", lines) + "\r\n")).ToArray();
            return Results.File(body, "text/csv; charset=utf-8", $"{batchId}-roster.csv");
        });
        return app;
    }
}
