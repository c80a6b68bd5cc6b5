using Vigil.Grains.Alerts;
using Vigil.Grains.Detection;
using Vigil.Grains.Rules;

namespace Vigil.Grains.Identities;

public sealed class ServiceAccountGrain(
    RuleSetHolder<DetectionEvent> rules, AlertOptions alertOptions, IdentityOptions options, AlertFeed feed)
    : IdentityGrain(rules, alertOptions, options, feed), IServiceAccountGrain;
