using System.Runtime.InteropServices;

namespace Vigil.Benchmarks.Detection;

/// <summary>
/// Runs a measurement on a dedicated thread with every thread of the process confined to one CPU, so that the
/// garbage collector's work is charged to the same core as the measured loop. On Linux
/// <see cref="System.Diagnostics.Process.ProcessorAffinity"/> only moves the main thread (sched_setaffinity takes a
/// thread id), which would leave the measured thread and the GC threads free to use the other cores; this sets
/// each thread in /proc/self/task, as <c>taskset -a</c> does, and puts the previous mask back afterwards.
/// </summary>
public static class OneCore
{
    private const int MaskWords = 16;

    /// <summary>The result of <paramref name="measure"/> and whether the process was confined to one CPU while it ran.</summary>
    public static (T Result, bool Pinned) Run<T>(Func<T> measure)
    {
        T result = default!;
        var pinned = false;
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            var previous = new ulong[MaskWords];
            var confine = OperatingSystem.IsLinux() && SchedGetAffinity(0, MaskWords * sizeof(ulong), previous) == 0;
            try
            {
                if (confine)
                {
                    var one = new ulong[MaskWords];
                    var cpu = FirstCpu(previous);
                    one[cpu / 64] = 1UL << (cpu % 64);
                    pinned = SetAllThreads(one);
                }
                result = measure();
            }
            catch (Exception e)
            {
                failure = e;
            }
            finally
            {
                if (confine)
                {
                    SetAllThreads(previous);
                }
            }
        })
        {
            Name = "vigil-bench-one-core",
            IsBackground = true,
        };
        thread.Start();
        thread.Join();
        if (failure is not null)
        {
            throw new InvalidOperationException("The one-core measurement failed.", failure);
        }
        return (result, pinned);
    }

    private static int FirstCpu(ulong[] mask)
    {
        for (var i = 0; i < mask.Length * 64; i++)
        {
            if ((mask[i / 64] & (1UL << (i % 64))) != 0)
            {
                return i;
            }
        }
        return 0;
    }

    private static bool SetAllThreads(ulong[] mask)
    {
        var all = true;
        foreach (var task in Directory.EnumerateDirectories("/proc/self/task"))
        {
            // A thread may end between the listing and the call; it no longer needs confining.
            if (int.TryParse(Path.GetFileName(task), out var tid) && SchedSetAffinity(tid, MaskWords * sizeof(ulong), mask) != 0
                && Directory.Exists(task))
            {
                all = false;
            }
        }
        return all;
    }

    // DllImport rather than LibraryImport: an array of ulong marshals without generated code or unsafe blocks.
    [DllImport("libc", EntryPoint = "sched_setaffinity")]
    private static extern int SchedSetAffinity(int tid, nint size, [In] ulong[] mask);

    [DllImport("libc", EntryPoint = "sched_getaffinity")]
    private static extern int SchedGetAffinity(int tid, nint size, [Out] ulong[] mask);
}
