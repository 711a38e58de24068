using Ksst.Identity.Keys;

namespace Ksst.UnitTests.Identity;

/// <summary>The server's keys survive a restart: generated once, read back the same, kept private.</summary>
public sealed class ServerKeysTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"ksst-ut-keys-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public void A_key_is_generated_on_the_first_start_and_the_same_one_read_at_the_next()
    {
        var first = ServerKeys.Signing(_folder);
        var next = ServerKeys.Signing(_folder);

        Assert.Equal(first.KeyId, next.KeyId);
        Assert.Equal(first.Rsa.ExportParameters(false).Modulus, next.Rsa.ExportParameters(false).Modulus);
        Assert.Equal(ServerKeys.KeySize, first.KeySize);
        Assert.NotEqual(first.KeyId, ServerKeys.Encryption(_folder).KeyId);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(_folder, "signing.pem")));
        }
    }

    [Fact]
    public void A_replaced_key_file_is_a_new_key()
    {
        var first = ServerKeys.Signing(_folder);
        File.Delete(Path.Combine(_folder, "signing.pem"));

        Assert.NotEqual(first.KeyId, ServerKeys.Signing(_folder).KeyId);
    }
}
