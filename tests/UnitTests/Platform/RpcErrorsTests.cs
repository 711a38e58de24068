using Google.Rpc;
using Grpc.Core;
using Ksst.ServiceDefaults.Errors;

namespace Ksst.UnitTests.Platform;

public sealed class RpcErrorsTests
{
    [Fact]
    public void Invalid_argument_carries_one_field_violation_per_field()
    {
        var violations = new FieldViolations()
            .Add("participant.email", "Not a valid email address.")
            .Add("participant.email", "Duplicate is ignored.")
            .Add("nominating_country", "Required.");

        var error = Assert.Throws<RpcException>(violations.ThrowIfAny);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        var badRequest = error.GetRpcStatus()!.GetDetail<BadRequest>();
        Assert.Equal(["participant.email", "nominating_country"], badRequest.FieldViolations.Select(v => v.Field));
        Assert.Equal("Not a valid email address.", badRequest.FieldViolations[0].Description);
    }

    [Fact]
    public void No_violation_throws_nothing() => new FieldViolations().AddIf(false, "x", "y").ThrowIfAny();

    [Fact]
    public void Not_found_names_the_resource()
    {
        var error = RpcErrors.NotFound("batch", "ksst-sme-1999");
        Assert.Equal(StatusCode.NotFound, error.StatusCode);
        Assert.Equal("ksst-sme-1999", error.GetRpcStatus()!.GetDetail<ResourceInfo>().ResourceName);
    }

    [Theory]
    [InlineData("")]
    [InlineData("42")]
    public void A_malformed_id_is_an_invalid_argument(string value)
    {
        var error = Assert.Throws<RpcException>(() => RequestFields.RequireId(value, "nomination_id"));
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal("nomination_id", error.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Single().Field);
    }
}
