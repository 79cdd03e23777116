using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using SharpYaml.Serialization;

namespace Sunbay.Client.CmCom.Tests.Spec;

/// <summary>
/// What of an OpenAPI 3 document (YAML or JSON) a client depends on: its operations (method and path, every path
/// parameter written <c>{}</c> so that <c>{terminalId}</c> and <c>{manufacturer}-{model}-{serial}</c> compare equal), and
/// for each the fields of its JSON request body and of its success answer, as dotted paths (<c>amount.value</c>,
/// <c>[].label</c> for an array's items), <c>$ref</c>, <c>allOf</c>, <c>oneOf</c> and <c>anyOf</c> resolved.
/// </summary>
/// <remarks>
/// The tool behind <see cref="CmComOpenApiComparisonTests"/>: this project's <c>openapi/cm-merchantapi.yaml</c> is a
/// reconstruction from CM.com's guide, and CM.com gives its customers its own OpenAPI file ("Download the OpenAPI
/// specification of the MerchantAPI"); <see cref="Compare"/> lists where the two differ.
/// </remarks>
internal sealed partial class OpenApiShape
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch"];

    private readonly YamlMappingNode _root;

    private OpenApiShape(YamlMappingNode root) => _root = root;

    /// <summary>Each operation (<c>GET /terminals/{}/transactions</c>) with its request and answer fields.</summary>
    public SortedDictionary<string, Operation> Operations { get; } = new(StringComparer.Ordinal);

    /// <summary>Reads a document; JSON is read as YAML, of which it is a subset.</summary>
    /// <param name="path">The file.</param>
    public static OpenApiShape Load(string path)
    {
        var stream = new YamlStream();
        using (var reader = new StreamReader(path))
        {
            stream.Load(reader);
        }

        var shape = new OpenApiShape((YamlMappingNode)stream.Documents[0].RootNode);
        shape.Read();
        return shape;
    }

    /// <summary>The differences of <paramref name="theirs"/> (CM.com's file) against <paramref name="ours"/>, one line each; empty when they agree.</summary>
    /// <param name="ours">This project's reconstruction.</param>
    /// <param name="theirs">CM.com's specification.</param>
    public static List<string> Compare(OpenApiShape ours, OpenApiShape theirs)
    {
        var differences = new List<string>();
        foreach (var name in ours.Operations.Keys.Union(theirs.Operations.Keys).Order(StringComparer.Ordinal))
        {
            var mine = ours.Operations.GetValueOrDefault(name);
            var cm = theirs.Operations.GetValueOrDefault(name);
            if (mine is null || cm is null)
            {
                differences.Add(mine is null ? $"{name}: in CM.com's file only" : $"{name}: in ours only (CM.com's file has no such operation)");
                continue;
            }

            Fields(differences, name, "request", mine.Request, cm.Request);
            Fields(differences, name, "answer", mine.Answer, cm.Answer);
        }

        return differences;
    }

    private static void Fields(List<string> differences, string operation, string part, SortedSet<string> ours, SortedSet<string> theirs)
    {
        foreach (var field in theirs.Except(ours))
        {
            differences.Add($"{operation}: {part} field '{field}' in CM.com's file only");
        }

        foreach (var field in ours.Except(theirs))
        {
            differences.Add($"{operation}: {part} field '{field}' in ours only");
        }
    }

    private void Read()
    {
        if (Child(_root, "paths") is not YamlMappingNode paths)
        {
            return;
        }

        foreach (var (key, value) in paths.Children)
        {
            var path = Normalize(((YamlScalarNode)key).Value!);
            if (Resolve(value) is not YamlMappingNode item)
            {
                continue;
            }

            foreach (var method in Methods)
            {
                if (Child(item, method) is not YamlMappingNode operation)
                {
                    continue;
                }

                var result = new Operation();
                if (Resolve(Child(operation, "requestBody")) is YamlMappingNode body)
                {
                    Collect(JsonSchemaOf(body), string.Empty, result.Request, depth: 0);
                }

                if (Child(operation, "responses") is YamlMappingNode responses)
                {
                    foreach (var (status, answer) in responses.Children)
                    {
                        if (((YamlScalarNode)status).Value is { Length: 3 } code && code[0] == '2' && Resolve(answer) is YamlMappingNode response)
                        {
                            Collect(JsonSchemaOf(response), string.Empty, result.Answer, depth: 0);
                        }
                    }
                }

                Operations[$"{method.ToUpperInvariant()} {path}"] = result;
            }
        }
    }

    /// <summary>Every run of path parameters joined by <c>-</c> or alone becomes <c>{}</c>; no trailing slash.</summary>
    private static string Normalize(string path) => ParameterRun().Replace(path, "{}").TrimEnd('/');

    private static YamlNode? JsonSchemaOf(YamlMappingNode bodyOrResponse) =>
        Child(bodyOrResponse, "content") is YamlMappingNode content
            ? content.Children.Where(c => ((YamlScalarNode)c.Key).Value!.Contains("json", StringComparison.OrdinalIgnoreCase))
                .Select(c => Child(c.Value as YamlMappingNode, "schema")).FirstOrDefault(s => s is not null)
            : null;

    private void Collect(YamlNode? node, string prefix, SortedSet<string> fields, int depth)
    {
        if (depth > 6 || Resolve(node) is not YamlMappingNode schema)
        {
            return;
        }

        foreach (var combined in new[] { "allOf", "oneOf", "anyOf" })
        {
            if (Child(schema, combined) is YamlSequenceNode parts)
            {
                foreach (var part in parts.Children)
                {
                    Collect(part, prefix, fields, depth + 1);
                }
            }
        }

        if (Child(schema, "items") is { } items)
        {
            Collect(items, prefix + "[].", fields, depth + 1);
        }

        if (Child(schema, "properties") is YamlMappingNode properties)
        {
            foreach (var (key, value) in properties.Children)
            {
                var name = prefix + ((YamlScalarNode)key).Value;
                fields.Add(name);
                Collect(value, name + ".", fields, depth + 1);
            }
        }
    }

    /// <summary>Follows local <c>$ref</c>s (<c>#/components/...</c>); a node without one is itself.</summary>
    private YamlNode? Resolve(YamlNode? node)
    {
        for (var hops = 0; hops < 20 && node is YamlMappingNode map && Child(map, "$ref") is YamlScalarNode { Value: { } reference }; hops++)
        {
            if (!reference.StartsWith("#/", StringComparison.Ordinal))
            {
                return null;
            }

            YamlNode? target = _root;
            foreach (var segment in reference[2..].Split('/'))
            {
                target = Child(target as YamlMappingNode, segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal));
            }

            node = target;
        }

        return node;
    }

    private static YamlNode? Child(YamlMappingNode? map, string key) =>
        map?.Children.FirstOrDefault(c => c.Key is YamlScalarNode { Value: { } k } && k == key).Value;

    [GeneratedRegex(@"\{[^}/]*\}(-\{[^}/]*\})*")]
    private static partial Regex ParameterRun();

    /// <summary>The fields of one operation.</summary>
    internal sealed class Operation
    {
        public SortedSet<string> Request { get; } = new(StringComparer.Ordinal);

        public SortedSet<string> Answer { get; } = new(StringComparer.Ordinal);
    }

    /// <summary>A readable report of <see cref="Compare"/>'s lines.</summary>
    public static string Report(IReadOnlyCollection<string> differences) =>
        differences.Count == 0
            ? "CM.com's OpenAPI file and openapi/cm-merchantapi.yaml agree on operations and fields."
            : new StringBuilder().Append(CultureInfo.InvariantCulture, $"{differences.Count} difference(s) between CM.com's OpenAPI file and openapi/cm-merchantapi.yaml:").AppendLine()
                .AppendJoin(Environment.NewLine, differences.Select(d => "  - " + d)).ToString();
}
