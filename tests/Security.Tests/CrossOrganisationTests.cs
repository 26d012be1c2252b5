using System.Net;
using Xunit.Abstractions;

namespace Portal.Security.Tests;

/// <summary>
/// (f) A District Administrator of organisation B, with a valid token, calls every operation whose route names only
/// organisation A's resources (created by A's District Administrator), with a body that passes validation: each
/// answers 404, exactly as for something that does not exist.
/// </summary>
[Collection(SecuritySuiteCollection.Name)]
public sealed class CrossOrganisationTests(SecuritySuiteFixture suite, ITestOutputHelper output)
{
    [Fact]
    public async Task Another_organisations_administrator_gets_404_on_every_operation_naming_our_resources()
    {
        var scoped = suite.Operations
            .Where(o => o.RouteParameters.Count > 0 && !PublicOperations.Includes(o) && RouteIds.Resolve(o, suite.OrganisationA).Complete)
            .ToList();
        var unreached = suite.Operations.Where(o => o.RouteParameters.Count > 0 && !scoped.Contains(o)).Select(o => o.Name).ToList();
        var report = new SecurityReport();
        using var gateway = suite.System.CreateGatewayClient();

        await Probe.EachAsync(scoped, async operation =>
        {
            using var response = await gateway.SendAsync(Requests.For(operation, suite.OrganisationA, suite.OrganisationBToken, plausibleBody: true));
            if (response.StatusCode == HttpStatusCode.Forbidden && await RefusedAlikeForNothingAsync(gateway, operation))
            {
                report.Add(new("(f) refused for B's role, as for a missing id", operation.Name, response.StatusCode, true, ""));
                return;
            }
            report.Add(new("(f) organisation B's District Administrator", operation.Name, response.StatusCode,
                response.StatusCode == HttpStatusCode.NotFound, await Probe.DetailAsync(response)));
        });

        // The same reads by organisation A's own administrator find the resources, so B's 404s are not for ids that do not exist.
        var seenByOwner = 0;
        var reads = scoped.Where(o => o.Method == "GET").ToList();
        await Probe.EachAsync(reads, async operation =>
        {
            using var response = await gateway.SendAsync(Requests.For(operation, suite.OrganisationA, suite.OrganisationAToken, plausibleBody: false));
            if (response.IsSuccessStatusCode) Interlocked.Increment(ref seenByOwner);
        });

        output.WriteLine(suite.Timings);
        output.WriteLine(report.Table(
            $"Another organisation: {scoped.Count} operations naming organisation A's resources ({string.Join(", ", suite.OrganisationA.Keys.Order())})",
            [
                $"control: {seenByOwner} of {reads.Count} of these reads answer 2xx to organisation A's own administrator",
                "a 403 counts as refused only when B gets the same 403 for ids that do not exist (a refusal by account kind or role, e.g. /me/… for staff): it tells B nothing about A",
                $"not reached (a route parameter names a resource the suite does not create): {string.Join(", ", unreached)}",
            ]));
        output.WriteLine(SecurityReport.SuiteTable());
        Assert.Empty(report.Failures);
        Assert.True(seenByOwner > 0, "Organisation A's administrator could read none of the resources the check used.");
    }

    /// <summary>The same call with every id fresh: a refusal by role that reveals nothing answers it the same way.</summary>
    private async Task<bool> RefusedAlikeForNothingAsync(HttpClient gateway, ApiOperation operation)
    {
        using var response = await gateway.SendAsync(Requests.For(operation, new Dictionary<string, string>(), suite.OrganisationBToken, plausibleBody: true));
        return response.StatusCode == HttpStatusCode.Forbidden;
    }
}
