namespace Vigil.Grains.Alerts;

/// <summary>The part of a grain's state that holds its alerts and the sequence of its last counts report.</summary>
public interface IAlertingState
{
    List<Alert> Alerts { get; }

    long ReportSequence { get; set; }
}
