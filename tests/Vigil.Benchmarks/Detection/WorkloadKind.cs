namespace Vigil.Benchmarks.Detection;

/// <summary>What a synthetic pod's main process is: decides its process tree, the files it reads and its helpers.</summary>
public enum WorkloadKind
{
    Nginx,
    Gunicorn,
    Java,
    Node,
    Go,
}
