using Google.Protobuf;
using Google.Rpc;
using Grpc.Core;
using Ksst.Contracts.Registration.V1;
using Ksst.ServiceDefaults.Errors;

namespace Ksst.UnitTests.Platform;

public sealed class MalformedRequestsTests
{
    private static readonly Method<NominateRequest, Nomination> Nominate = MalformedRequests.Guard(
        new Method<NominateRequest, Nomination>(MethodType.Unary, "ksst.registration.v1.Nominations", "Nominate",
            Marshallers.Create((NominateRequest r) => r.ToByteArray(), NominateRequest.Parser.ParseFrom),
            Marshallers.Create((Nomination r) => r.ToByteArray(), Nomination.Parser.ParseFrom)));

    /// <summary>Reads the way Grpc.AspNetCore does: through the contextual deserializer.</summary>
    private static NominateRequest Read(byte[] payload) => Nominate.RequestMarshaller.ContextualDeserializer(new Payload(payload));

    private sealed class Payload(byte[] bytes) : DeserializationContext
    {
        public override int PayloadLength => bytes.Length;

        public override byte[] PayloadAsNewBuffer() => (byte[])bytes.Clone();

        public override System.Buffers.ReadOnlySequence<byte> PayloadAsReadOnlySequence() => new(bytes);
    }

    private static byte[] Bytes(string fullName) =>
        new NominateRequest { BatchId = "ksst-sme-2027", Participant = new Participant { FullName = fullName, Email = "sujata@moics.gov.np" } }.ToByteArray();

    [Fact]
    public void A_valid_request_reads_as_before()
    {
        var request = Read(Bytes("Sujata Shrestha"));
        Assert.Equal("Sujata Shrestha", request.Participant.FullName);
        Assert.Equal("/ksst.registration.v1.Nominations/Nominate", Nominate.FullName);
    }

    [Fact]
    public void Invalid_utf8_in_a_string_field_is_an_invalid_argument_naming_the_message()
    {
        var bytes = Bytes("Sujata ~~ Shrestha");
        var at = bytes.AsSpan().IndexOf("~~"u8);
        bytes[at] = 0xC3;
        bytes[at + 1] = 0x28;

        var error = Assert.Throws<RpcException>(() => Read(bytes));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal("The request is not a valid ksst.registration.v1.NominateRequest: a string field holds invalid UTF-8.", error.Status.Detail);
        var info = error.GetRpcStatus()!.GetDetail<ErrorInfo>();
        Assert.Equal(RpcErrors.MalformedRequestReason, info.Reason);
        Assert.Equal("ksst.registration.v1.NominateRequest", info.Metadata["message_type"]);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(1)]
    public void A_truncated_message_is_an_invalid_argument(int cut)
    {
        var bytes = Bytes("Sujata Shrestha");

        var error = Assert.Throws<RpcException>(() => Read(bytes[..^cut]));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith("The request is not a valid ksst.registration.v1.NominateRequest: ", error.Status.Detail);
    }

    [Fact]
    public void A_request_over_1_mib_is_an_invalid_argument_saying_its_size()
    {
        Assert.Equal("Sujata", Read(Bytes("Sujata")).Participant.FullName);
        var fits = Bytes(new string('a', RequestSize.MaxBytes - 100));
        var bytes = Bytes(new string('a', RequestSize.MaxBytes));

        Assert.True(fits.Length <= RequestSize.MaxBytes);
        Read(fits);
        var error = Assert.Throws<RpcException>(() => Read(bytes));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal($"The request is {bytes.Length} bytes; at most 1048576 are taken.", error.Status.Detail);
        Assert.Equal(RequestSize.TooLargeReason, error.GetRpcStatus()!.GetDetail<ErrorInfo>().Reason);
    }
}
