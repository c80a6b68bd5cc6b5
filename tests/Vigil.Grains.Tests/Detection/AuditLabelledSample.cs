namespace Vigil.Grains.Tests.Detection;

/// <summary>One line of a Panther sample file with its label, and what our rules made of it.</summary>
internal sealed record AuditLabelledSample(int Line, string PantherRule, string TestName, bool Positive, bool IsAudit, IReadOnlyList<string> Alerts);
