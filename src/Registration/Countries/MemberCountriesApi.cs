using Grpc.Core;
using Ksst.Contracts.Registration.V1;

namespace Ksst.Registration.Countries;

/// <summary>The MemberCountries gRPC service: reference data.</summary>
internal sealed class MemberCountriesApi : MemberCountries.MemberCountriesBase
{
    private static readonly ListMemberCountriesResponse All = new()
    {
        Countries = { ColomboPlanMembers.All.OrderBy(c => c.Value).Select(c => new MemberCountry { Code = c.Key, Name = c.Value }) },
    };

    public override Task<ListMemberCountriesResponse> ListMemberCountries(ListMemberCountriesRequest request, ServerCallContext context) =>
        Task.FromResult(All);
}
