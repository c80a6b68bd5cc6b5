namespace Vigil.Runtime.Scheduling;

internal enum ActivationStatus
{
    Activating,
    Active,
    Deactivating,
    Deactivated,
}
