namespace Vigil.Ingestion.Runtime;

/// <summary>Linux errno names as Falco prints them in <c>evt.res</c>, for the ones refused attempts produce.</summary>
internal static class Errno
{
    public const int UnknownErrno = 4095;

    private static readonly Dictionary<string, int> Numbers = new(StringComparer.Ordinal)
    {
        ["EPERM"] = 1, ["ENOENT"] = 2, ["ESRCH"] = 3, ["EINTR"] = 4, ["EIO"] = 5, ["ENXIO"] = 6, ["E2BIG"] = 7,
        ["ENOEXEC"] = 8, ["EBADF"] = 9, ["EAGAIN"] = 11, ["ENOMEM"] = 12, ["EACCES"] = 13, ["EFAULT"] = 14,
        ["EBUSY"] = 16, ["EEXIST"] = 17, ["ENOTDIR"] = 20, ["EISDIR"] = 21, ["EINVAL"] = 22, ["EMFILE"] = 24,
        ["ETXTBSY"] = 26, ["ENOSPC"] = 28, ["EROFS"] = 30, ["ENAMETOOLONG"] = 36, ["ELOOP"] = 40,
        ["ENOTSOCK"] = 88, ["EADDRINUSE"] = 98, ["ENETUNREACH"] = 101, ["ECONNRESET"] = 104,
        ["ETIMEDOUT"] = 110, ["ECONNREFUSED"] = 111, ["EHOSTUNREACH"] = 113, ["EINPROGRESS"] = 115,
    };

    /// <summary>0 for success ("SUCCESS", a non-negative number, empty); the positive errno for a failure.</summary>
    public static int FromResult(string result)
    {
        if (result.Length == 0 || result == "SUCCESS")
        {
            return 0;
        }

        if (long.TryParse(result, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var n))
        {
            return n < 0 ? (int)-n : 0;
        }

        // An unknown name is still a failure and 0 would erase it; MAX_ERRNO reads as failed without claiming a cause.
        return Numbers.TryGetValue(result, out var errno) ? errno : result.StartsWith('E') ? UnknownErrno : 0;
    }
}
