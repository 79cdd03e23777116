namespace Sunbay.Client.CmCom.Tests.Spec;

/// <summary>
/// Compares this project's reconstruction of CM.com's MerchantAPI (<c>openapi/cm-merchantapi.yaml</c>, written from
/// CM.com's guide) with CM.com's own OpenAPI file, which CM.com gives its customers ("Download the OpenAPI
/// specification of the MerchantAPI"): operations (method and path) and the fields of requests and answers. The
/// comparison runs when the environment variable <c>CMCOM_OPENAPI</c> names that file (YAML or JSON):
/// <c>CMCOM_OPENAPI=/path/to/merchantapi.json dotnet test tests/Sunbay.Client.CmCom.Tests --filter CmComOpenApiComparisonTests</c>.
/// </summary>
public sealed class CmComOpenApiComparisonTests
{
    /// <summary>The environment variable naming CM.com's OpenAPI file.</summary>
    public const string Variable = "CMCOM_OPENAPI";

    [CmComOpenApiFact]
    public void Cmcoms_openapi_file_agrees_with_ours_on_operations_and_fields()
    {
        var theirs = OpenApiShape.Load(Environment.GetEnvironmentVariable(Variable)!);

        var differences = OpenApiShape.Compare(OpenApiShape.Load(OurSpec()), theirs);

        Assert.True(differences.Count == 0, OpenApiShape.Report(differences));
    }

    [Fact]
    public void Our_spec_agrees_with_itself()
    {
        var ours = OpenApiShape.Load(OurSpec());

        Assert.Empty(OpenApiShape.Compare(ours, ours));
        Assert.Contains("GET /apikeys", ours.Operations.Keys);
        Assert.Contains("[].validity.until", ours.Operations["GET /apikeys"].Answer);
        Assert.Contains("amount.currency", ours.Operations["POST /terminals/{}/transactions"].Request);
    }

    [Fact]
    public void A_file_written_as_cmcom_might_is_compared_by_operation_and_field()
    {
        var file = Path.Combine(Path.GetTempPath(), $"cmcom-openapi-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, """
            {
              "openapi": "3.0.1",
              "paths": {
                "/terminals/{manufacturer}-{model}-{serial}/transactions/{id}": {
                  "get": { "responses": { "200": { "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Tx" } } } } } }
                },
                "/apikeys/{apiKeyId}": { "patch": { "responses": { "204": { "description": "Updated" } } } }
              },
              "components": {
                "schemas": {
                  "Tx": { "allOf": [ { "type": "object", "properties": { "id": { "type": "string" }, "status": { "type": "string" } } },
                                     { "properties": { "cardholder_name": { "type": "string" } } } ] }
                }
              }
            }
            """);
        try
        {
            var theirs = OpenApiShape.Load(file);

            var differences = OpenApiShape.Compare(OpenApiShape.Load(OurSpec()), theirs);

            Assert.Equal(["cardholder_name", "id", "status"], theirs.Operations["GET /terminals/{}/transactions/{}"].Answer);
            Assert.Contains("PATCH /apikeys/{}: in CM.com's file only", differences);
            Assert.Contains("GET /stores: in ours only (CM.com's file has no such operation)", differences);
            Assert.Contains("GET /terminals/{}/transactions/{}: answer field 'cardholder_name' in CM.com's file only", differences);
            Assert.Contains("GET /terminals/{}/transactions/{}: answer field 'receipt' in ours only", differences);
            Assert.Contains("difference(s)", OpenApiShape.Report(differences), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>openapi/cm-merchantapi.yaml, found from the test's output folder upwards.</summary>
    internal static string OurSpec()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "openapi", "cm-merchantapi.yaml");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("openapi/cm-merchantapi.yaml not found above " + AppContext.BaseDirectory);
    }

    /// <summary>A fact that runs only when <see cref="Variable"/> names a file; skipped (and saying how to run it) otherwise.</summary>
    private sealed class CmComOpenApiFactAttribute : FactAttribute
    {
        public CmComOpenApiFactAttribute()
        {
            if (Environment.GetEnvironmentVariable(Variable) is not { Length: > 0 } path)
            {
                Skip = $"Set {Variable} to CM.com's OpenAPI file (YAML or JSON) to compare it with openapi/cm-merchantapi.yaml.";
            }
            else if (!File.Exists(path))
            {
                Skip = $"{Variable} names '{path}', which does not exist.";
            }
        }
    }
}
