using Ksst.Registration.Batches;
using Ksst.ServiceDefaults.Errors;
using Api = Ksst.Contracts.Registration.V1;

namespace Ksst.Registration.Programmes;

/// <summary>Maps programmes to and from their API messages, with their field rules.</summary>
internal static class ProgrammeMapping
{
    public static Api.Programme ToApi(this Programme p) => new()
    {
        ProgrammeId = p.Id, Name = p.Name, Framework = p.Framework, Organisers = { p.Organisers }, Pillar = p.Pillar, Description = p.Description,
    };

    public static FieldViolations Check(Api.Programme? p) => p is null
        ? new FieldViolations().Add("programme", "Required.")
        : new FieldViolations()
            .AddIf(!BatchRules.IdPattern().IsMatch(p.ProgrammeId), "programme.programme_id", "Lower-case letters, digits and dashes, 3 to 64 characters.")
            .AddIf(string.IsNullOrWhiteSpace(p.Name), "programme.name", "Required.");

    public static void Apply(this Programme p, Api.Programme source)
    {
        p.Name = source.Name.Trim();
        p.Framework = source.Framework.Trim();
        p.Organisers = source.Organisers.Select(o => o.Trim()).Where(o => o.Length > 0).ToList();
        p.Pillar = source.Pillar.Trim();
        p.Description = source.Description.Trim();
    }
}
