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
    /// processes race, the first one's file stays. Returns whether this call wrote it.
    /// </summary>
    public static bool CreateOnce(string path, Action<Stream> write)
    {
        if (File.Exists(path))
        {
            return false;
        }
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
