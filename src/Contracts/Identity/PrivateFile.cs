namespace Ksst.Contracts.Identity;

/// <summary>
/// Files only their owner may read or write (mode 600, in a folder of mode 700 when it creates
/// one): the demo credentials and the identity service's keys.
/// </summary>
public static class PrivateFile
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>
    /// Writes <paramref name="path"/> with <paramref name="write"/> unless it exists. The file
    /// appears whole or not at all (it is written aside, then moved into place), and when two
    /// threads or processes race, the first one's file stays: they take turns on a machine-wide
    /// mutex named after the path (File.Move's own "unless it exists" is a check and a rename,
    /// which two writers can both pass). Returns whether this call wrote it.
    /// </summary>
    public static bool CreateOnce(string path, Action<Stream> write)
    {
        if (File.Exists(path))
        {
            return false;
        }
        var name = "Global\\ksst-" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(Path.GetFullPath(path))))[..32];
        using var turn = new Mutex(initiallyOwned: false, name);
        try
        {
            if (!turn.WaitOne(TimeSpan.FromSeconds(30)))
            {
                throw new IOException($"Another process has been writing {path} for 30 seconds.");
            }
        }
        catch (AbandonedMutexException)
        {
            // Its last holder died: the turn is ours, and the file is whole or absent.
        }
        try
        {
            return File.Exists(path) ? false : Write(path, write);
        }
        finally
        {
            turn.ReleaseMutex();
        }
    }

    private static bool Write(string path, Action<Stream> write)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(directory);
        }
        else
        {
            Directory.CreateDirectory(directory, OwnerOnly | UnixFileMode.UserExecute);
        }
        var aside = Path.Combine(directory, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnly;
        }
        try
        {
            using (var file = new FileStream(aside, options))
            {
                write(file);
            }
            File.Move(aside, path, overwrite: false);
            return true;
        }
        catch (IOException) when (File.Exists(path))
        {
            return false; // Another process wrote it first: theirs stays.
        }
        finally
        {
            File.Delete(aside);
        }
    }
}
