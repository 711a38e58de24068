using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Ksst.Contracts.Identity;
using Microsoft.IdentityModel.Tokens;

namespace Ksst.Identity.Keys;

/// <summary>
/// The server's RSA keys, each a PEM file (PKCS#8, mode 600) in the key folder: generated on the
/// first start, read on every later one, so tokens issued before a restart still verify against
/// the published JWKS after it. <c>signing.pem</c> signs access and identity tokens (RS256);
/// <c>encryption.pem</c> encrypts what only the server reads back (authorization codes, refresh
/// tokens). Replacing a file rotates that key: tokens signed with the old one stop verifying.
/// </summary>
internal static class ServerKeys
{
    /// <summary>The size of a new key (RS256 needs at least 2048 bits).</summary>
    public const int KeySize = 2048;

    /// <summary>The signing key.</summary>
    public static RsaSecurityKey Signing(string keyDirectory) => LoadOrCreate(Path.Combine(keyDirectory, "signing.pem"));

    /// <summary>The encryption key.</summary>
    public static RsaSecurityKey Encryption(string keyDirectory) => LoadOrCreate(Path.Combine(keyDirectory, "encryption.pem"));

    /// <summary>
    /// The key in <paramref name="path"/>, written first when there is none. Its key id is the
    /// SHA-256 of its public key (base64url), the same at every start.
    /// </summary>
    public static RsaSecurityKey LoadOrCreate(string path)
    {
        PrivateFile.CreateOnce(path, file =>
        {
            using var rsa = RSA.Create(KeySize);
            file.Write(Encoding.ASCII.GetBytes(rsa.ExportPkcs8PrivateKeyPem()));
        });
        var key = RSA.Create();
        key.ImportFromPem(File.ReadAllText(path));
        return new RsaSecurityKey(key) { KeyId = Base64Url.EncodeToString(SHA256.HashData(key.ExportSubjectPublicKeyInfo())) };
    }
}
