using Ksst.ServiceDefaults.Errors;
using Api = Ksst.Contracts.Identity.V1;

namespace Ksst.Identity.ApiTokens;

/// <summary>
/// What a create request asks for, once its rules hold: a name, the role "agency" with an
/// ISO 3166-1 alpha-2 country or "ops" without one, and a validity of 1 to 366 days (90 when
/// not given). Every broken rule is one field violation (INVALID_ARGUMENT).
/// </summary>
internal sealed record ApiTokenPlan(string Name, string Role, string? Country, TimeSpan Validity)
{
    /// <summary>Days a token works when the request does not say.</summary>
    public const int DefaultValidDays = 90;

    /// <summary>The longest validity, in days: a token is renewed at least once a year.</summary>
    public const int MaxValidDays = 366;

    /// <summary>The plan of <paramref name="request"/>; INVALID_ARGUMENT naming each field that breaks a rule.</summary>
    public static ApiTokenPlan Of(Api.CreateApiTokenRequest request)
    {
        var country = request.Country.Trim().ToUpperInvariant();
        var violations = new FieldViolations()
            .AddIf(string.IsNullOrWhiteSpace(request.Name), "name", "Name the token (what it is for).")
            .AddIf(request.Role is not (Api.ApiTokenRole.Agency or Api.ApiTokenRole.Ops), "role",
                "An API token acts as an agency (API_TOKEN_ROLE_AGENCY) or as operations (API_TOKEN_ROLE_OPS).")
            .AddIf(request.Role == Api.ApiTokenRole.Agency && !IsCountryCode(country), "country",
                "An agency token needs its member country as an ISO 3166-1 alpha-2 code, e.g. \"LK\".")
            .AddIf(request.Role == Api.ApiTokenRole.Ops && country.Length > 0, "country",
                "An ops token acts for no country; leave country empty.")
            .AddIf(request.ValidDays is < 0 or > MaxValidDays, "valid_days",
                $"A token works for 1 to {MaxValidDays} days (0 means {DefaultValidDays}).");
        violations.ThrowIfAny();
        return new ApiTokenPlan(
            request.Name.Trim(),
            request.Role == Api.ApiTokenRole.Agency ? "agency" : "ops",
            request.Role == Api.ApiTokenRole.Agency ? country : null,
            TimeSpan.FromDays(request.ValidDays == 0 ? DefaultValidDays : request.ValidDays));
    }

    private static bool IsCountryCode(string code) => code.Length == 2 && code.All(char.IsAsciiLetterUpper);
}
