using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Vigil.Runtime.Generator;

/// <summary>
/// For every interface that extends Vigil.Runtime.IGrain, writes a reference class that turns each method call
/// into a typed request object, and a module initializer that registers it.
/// </summary>
[Generator]
public sealed class GrainReferenceGenerator : IIncrementalGenerator
{
    private const string GrainInterface = "Vigil.Runtime.IGrain";
    private const string GrainTypeAttribute = "Vigil.Runtime.GrainTypeAttribute";
    private const string OneWayAttribute = "Vigil.Runtime.OneWayAttribute";

    private static readonly SymbolDisplayFormat TypeFormat = SymbolDisplayFormat.FullyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    private static readonly DiagnosticDescriptor Unsupported = new(
        "VIGIL001",
        "Unsupported grain method",
        "Grain method {0}.{1} {2}",
        "Vigil.Runtime",
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var interfaces = context.SyntaxProvider.CreateSyntaxProvider(
                static (node, _) => node is InterfaceDeclarationSyntax { BaseList: not null },
                static (ctx, _) => ctx.SemanticModel.GetDeclaredSymbol(ctx.Node) as INamedTypeSymbol)
            .Where(static symbol => symbol is not null && symbol.AllInterfaces.Any(i => i.ToDisplayString() == GrainInterface))
            .Collect();

        context.RegisterSourceOutput(interfaces, static (output, symbols) =>
        {
            foreach (var symbol in symbols.Distinct<INamedTypeSymbol?>(SymbolEqualityComparer.Default))
            {
                if (symbol is not null && Describe(symbol, output) is { } model)
                {
                    output.AddSource($"{model.Namespace}.{model.Name}.GrainReference.g.cs", GrainReferenceEmitter.Emit(model));
                }
            }
        });
    }

    private static GrainInterfaceModel? Describe(INamedTypeSymbol symbol, SourceProductionContext output)
    {
        if (symbol.IsGenericType)
        {
            output.ReportDiagnostic(Diagnostic.Create(Unsupported, symbol.Locations.FirstOrDefault(), symbol.Name, "*", "is on a generic interface"));
            return null;
        }

        var methods = new List<GrainMethodModel>();
        var valid = true;
        foreach (var method in new[] { symbol }.Concat(symbol.AllInterfaces).SelectMany(i => i.GetMembers().OfType<IMethodSymbol>()))
        {
            if (method.MethodKind != MethodKind.Ordinary || method.IsStatic)
            {
                continue;
            }

            var model = DescribeMethod(method, output);
            valid &= model is not null;
            if (model is not null)
            {
                methods.Add(model);
            }
        }

        if (!valid)
        {
            return null;
        }

        var grainType = symbol.GetAttributes()
            .FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == GrainTypeAttribute)?
            .ConstructorArguments.FirstOrDefault().Value as string;
        return new GrainInterfaceModel(
            symbol.ContainingNamespace.IsGlobalNamespace ? "Global" : symbol.ContainingNamespace.ToDisplayString(),
            symbol.Name,
            symbol.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
            grainType ?? symbol.ToDisplayString(),
            methods);
    }

    private static GrainMethodModel? DescribeMethod(IMethodSymbol method, SourceProductionContext output)
    {
        string? problem = null;
        var returnType = method.ReturnType as INamedTypeSymbol;
        var kind = returnType?.ConstructedFrom.ToDisplayString() switch
        {
            "System.Threading.Tasks.Task" => ReturnKind.Task,
            "System.Threading.Tasks.Task<TResult>" => ReturnKind.TaskOfT,
            "System.Threading.Tasks.ValueTask" => ReturnKind.ValueTask,
            "System.Threading.Tasks.ValueTask<TResult>" => ReturnKind.ValueTaskOfT,
            _ => (ReturnKind?)null,
        };
        if (kind is null)
        {
            problem = "must return Task, Task<T>, ValueTask or ValueTask<T>";
        }
        else if (method.IsGenericMethod)
        {
            problem = "must not be generic";
        }
        else if (method.Parameters.Any(p => p.RefKind != RefKind.None))
        {
            problem = "must not have ref, out or in parameters";
        }

        var oneWay = method.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == OneWayAttribute);
        if (problem is null && oneWay && kind is not (ReturnKind.Task or ReturnKind.ValueTask))
        {
            problem = "is [OneWay] and so must return Task or ValueTask";
        }

        if (problem is not null)
        {
            output.ReportDiagnostic(Diagnostic.Create(Unsupported, method.Locations.FirstOrDefault(), method.ContainingType.Name, method.Name, problem));
            return null;
        }

        var resultType = kind is ReturnKind.TaskOfT or ReturnKind.ValueTaskOfT
            ? returnType!.TypeArguments[0].ToDisplayString(TypeFormat)
            : "global::Vigil.Runtime.GrainVoid";
        return new GrainMethodModel(
            method.Name,
            method.ReturnType.ToDisplayString(TypeFormat),
            kind!.Value,
            resultType,
            oneWay,
            method.Parameters.Select(p => (p.Type.ToDisplayString(TypeFormat), p.Name)).ToList());
    }
}
