using System.Text.Json;

namespace Vigil.Silo.Admission;

/// <summary>The parts of an AdmissionReview's <c>request</c> the webhook acts on; objects are absent (Undefined) when the review carries none.</summary>
public sealed record AdmissionRequestInfo(
    string ApiVersion,
    string Uid,
    string Kind,
    string Resource,
    string SubResource,
    string Namespace,
    string Name,
    string Operation,
    bool DryRun,
    JsonElement Object,
    JsonElement OldObject);
