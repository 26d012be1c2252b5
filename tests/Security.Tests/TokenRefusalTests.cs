using System.Net;
using Xunit.Abstractions;

namespace Portal.Security.Tests;

/// <summary>
/// Every operation of every OpenAPI document, called through the gateway with no token or a bad one (expired, alg none,
/// signed by another key, another audience): each is refused with 401. Public operations are listed in
/// <see cref="PublicOperations"/> with their reason.
/// </summary>
[Collection(SecuritySuiteCollection.Name)]
public sealed class TokenRefusalTests(SecuritySuiteFixture suite, ITestOutputHelper output)
{
    private static readonly TokenDefect[] Defects =
        [TokenDefect.Missing, TokenDefect.Expired, TokenDefect.AlgorithmNone, TokenDefect.ForeignKey, TokenDefect.WrongAudience];

    [Fact]
    public async Task Every_operation_refuses_a_missing_expired_unsigned_foreign_or_misaddressed_token()
    {
        var tokens = new ForgedTokens(suite.OrganisationAToken, suite.SigningKey);
        var guarded = suite.Operations.Where(o => !PublicOperations.Includes(o)).ToList();
        var report = new SecurityReport();
        using var gateway = suite.System.CreateGatewayClient();

        // The control: the same claims, re-signed with the system's key and unchanged, are accepted wherever a read is
        // allowed to answer at all, so each refusal below is for the defect alone.
        await Probe.EachAsync(guarded.Where(o => o.Method == "GET"), async operation =>
        {
            using var response = await gateway.SendAsync(Requests.For(operation, suite.OrganisationA, tokens.For(TokenDefect.None), plausibleBody: false));
            report.Add(new("control: unchanged claims, system key", operation.Name, response.StatusCode,
                response.StatusCode != HttpStatusCode.Unauthorized && (int)response.StatusCode < 500, "(the control token must be accepted)"));
        });

        // Each defect from an address of its own: the gateway counts refused requests against their address's rate limit,
        // and five defects on every operation from one address would pass it.
        var from = Defects.ToDictionary(d => d, _ => LoopbackAddress.Gateway(LoopbackAddress.Fresh(), suite.System.GatewayUrl));
        await Probe.EachAsync(guarded.SelectMany(o => Defects.Select(d => (Operation: o, Defect: d))), async check =>
        {
            using var response = await from[check.Defect].SendAsync(Requests.For(check.Operation, suite.OrganisationA, tokens.For(check.Defect), plausibleBody: false));
            report.Add(new($"token: {Describe(check.Defect)}", check.Operation.Name, response.StatusCode,
                response.StatusCode == HttpStatusCode.Unauthorized, await Probe.DetailAsync(response)));
        });

        foreach (var client in from.Values) client.Dispose();
        output.WriteLine(suite.Timings);
        output.WriteLine(report.Table(
            $"Bad tokens through the gateway: {suite.Operations.Count} operations in {suite.Operations.Select(o => o.Service).Distinct().Count()} OpenAPI documents, {guarded.Count} guarded",
            [
                $"public by design (not called without a token): {string.Join(", ", suite.Operations.Where(PublicOperations.Includes).Select(o => o.Name))}",
                "expired: real claims signed with Identity's own key (read from its database, opened with the local-development key-encryption key), exp 30 minutes ago",
            ]));
        output.WriteLine(SecurityReport.SuiteTable());
        Assert.Empty(report.Failures);
        Assert.All(PublicOperations.Entries, entry => Assert.Contains(suite.Operations, entry.Matches));
    }

    private static string Describe(TokenDefect defect) => defect switch
    {
        TokenDefect.Missing => "(a) none",
        TokenDefect.Expired => "(b) expired",
        TokenDefect.AlgorithmNone => "(c) alg none",
        TokenDefect.ForeignKey => "(d) signed by another key",
        TokenDefect.WrongAudience => "(e) wrong audience",
        _ => defect.ToString(),
    };
}
