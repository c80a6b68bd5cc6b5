using System.Text.Json;

namespace Vigil.Grains.Detection.Audit;

/// <summary>Where the pod spec sits in each workload kind's body.</summary>
public static class PodSpecs
{
    public static JsonElement Locate(string resource, JsonElement root) => resource switch
    {
        "pods" => Json.Child(root, "spec"),
        "cronjobs" => Json.Path(root, "spec", "jobTemplate", "spec", "template", "spec"),
        "podtemplates" => Json.Path(root, "template", "spec"),
        _ => Json.Path(root, "spec", "template", "spec"),
    };
}
