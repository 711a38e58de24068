using Grpc.Core;
using Ksst.Contracts.Identity.V1;
using Ksst.Identity.ApiTokens;
using Google.Rpc;

namespace Ksst.UnitTests.Identity;

/// <summary>What a request for an API token may ask for: an agency of one country or ops, named, for 1 to 366 days.</summary>
public sealed class ApiTokenPlanTests
{
    [Fact]
    public void An_agency_token_names_its_country_and_works_ninety_days_unless_told()
    {
        var plan = ApiTokenPlan.Of(new CreateApiTokenRequest { Name = " LK system ", Role = ApiTokenRole.Agency, Country = "lk" });
        Assert.Equal(new ApiTokenPlan("LK system", "agency", "LK", TimeSpan.FromDays(90)), plan);
        var ops = ApiTokenPlan.Of(new CreateApiTokenRequest { Name = "monitoring", Role = ApiTokenRole.Ops, ValidDays = 366 });
        Assert.Equal(new ApiTokenPlan("monitoring", "ops", null, TimeSpan.FromDays(366)), ops);
    }

    public static TheoryData<CreateApiTokenRequest, string[]> Refused => new()
    {
        { new CreateApiTokenRequest { Role = ApiTokenRole.Agency, Country = "LK" }, ["name"] },
        { new CreateApiTokenRequest { Name = "x", Country = "LK" }, ["role"] },
        { new CreateApiTokenRequest { Name = "x", Role = ApiTokenRole.Agency }, ["country"] },
        { new CreateApiTokenRequest { Name = "x", Role = ApiTokenRole.Agency, Country = "L1" }, ["country"] },
        { new CreateApiTokenRequest { Name = "x", Role = ApiTokenRole.Ops, Country = "LK" }, ["country"] },
        { new CreateApiTokenRequest { Name = "x", Role = ApiTokenRole.Ops, ValidDays = 367 }, ["valid_days"] },
        { new CreateApiTokenRequest { Name = "x", Role = ApiTokenRole.Ops, ValidDays = -1 }, ["valid_days"] },
        { new CreateApiTokenRequest { Role = (ApiTokenRole)7, ValidDays = 1000 }, ["name", "role", "valid_days"] },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void A_request_breaking_a_rule_is_invalid_argument_naming_each_field(CreateApiTokenRequest request, string[] fields)
    {
        var refused = Assert.Throws<RpcException>(() => ApiTokenPlan.Of(request));
        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Equal(fields, refused.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Select(v => v.Field));
    }
}
