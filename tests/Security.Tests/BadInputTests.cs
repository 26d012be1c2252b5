using System.Net;
using Xunit.Abstractions;

namespace Portal.Security.Tests;

/// <summary>
/// Every operation of the OpenAPI documents that takes a JSON body, called through the gateway by organisation A's
/// District Administrator (the platform operator acting on A where A's role is refused before the body is read) with a
/// body that is broken JSON, of the wrong type at the top or in one property, JSON labelled text/plain, or larger than
/// the gateway's limit (declared, or streamed without a length): each answers 400, 413 or 415 as RFC 9457 problem
/// details, never 5xx and never success.
/// </summary>
[Collection(SecuritySuiteCollection.Name)]
public sealed class BadInputTests(SecuritySuiteFixture suite, ITestOutputHelper output)
{
    private static readonly HttpStatusCode[] Refusals =
        [HttpStatusCode.BadRequest, HttpStatusCode.RequestEntityTooLarge, HttpStatusCode.UnsupportedMediaType, HttpStatusCode.UnprocessableEntity];

    private static readonly BodyDefect[] EveryOperation =
        [BodyDefect.Malformed, BodyDefect.WrongTypeAtTop, BodyDefect.WrongTypedProperty, BodyDefect.WrongMediaType, BodyDefect.OversizedDeclared];

    [Fact]
    public async Task Every_JSON_operation_refuses_broken_mistyped_mislabelled_and_oversized_bodies_with_problem_details()
    {
        var jsonOperations = suite.Operations
            .Where(o => o.BodyContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true)
            .ToList();
        var report = new SecurityReport();
        var operatorToken = await suite.Clients.OperatorTokenAsync();
        using var gateway = suite.System.CreateGatewayClient();
        var skipped = new List<string>();

        await Probe.EachAsync(jsonOperations.SelectMany(o => EveryOperation.Select(d => (Operation: o, Defect: d))), async check =>
        {
            var answer = await SendAsync(gateway, check.Operation, check.Defect, suite.OrganisationAToken, actingOn: null);
            if (answer is null)
            {
                lock (skipped) skipped.Add($"{check.Operation.Name} ({BadBodies.Describe(check.Defect)})");
                return;
            }
            // A refusal by role comes before the body is read; the operator (acting on A) gets past it to the body.
            if (answer.Status == HttpStatusCode.Forbidden)
                answer = await SendAsync(gateway, check.Operation, check.Defect, operatorToken, actingOn: suite.OrganisationA["org"]) ?? answer;
            Record(report, BadBodies.Describe(check.Defect), check.Operation.Name, answer);
        });

        // Streaming 11 MiB per operation would take minutes on two cores: one operation of each service shows the cap holds.
        var onePerService = jsonOperations.Where(o => o.Method != "GET").GroupBy(o => o.Service).Select(g => g.First()).ToList();
        await Probe.EachAsync(onePerService, async operation =>
        {
            var answer = await SendAsync(gateway, operation, BodyDefect.OversizedChunked, suite.OrganisationAToken, actingOn: null);
            Record(report, BadBodies.Describe(BodyDefect.OversizedChunked), operation.Name, answer!);
        });

        output.WriteLine(report.Table(
            $"Bad JSON bodies through the gateway: {jsonOperations.Count} operations take JSON",
            [
                $"limit: the gateway refuses bodies over {BadBodies.GatewayLimitBytes:N0} bytes (Gateway:MaxRequestBodyBytes); the oversized bodies are 1 MiB over it",
                "expected: 400, 413, 415 or 422 as application/problem+json with status and title; 403 for A is retried as the platform operator acting on A",
                $"chunked over the limit: {string.Join(", ", onePerService.Select(o => o.Name))}",
                $"not applicable (no typed property to get wrong): {(skipped.Count == 0 ? "none" : string.Join(", ", skipped.Order()))}",
            ]));
        output.WriteLine(SecurityReport.SuiteTable());
        Assert.NotEmpty(jsonOperations);
        Assert.Empty(report.Failures);
    }

    private static void Record(SecurityReport report, string check, string operation, ProblemAnswer answer) =>
        report.Add(new(check, operation, answer.Status, Refusals.Contains(answer.Status) && answer.IsProblem,
            answer.IsProblem ? answer.Detail : $"(not problem details) {answer.Detail}"));

    private async Task<ProblemAnswer?> SendAsync(HttpClient gateway, ApiOperation operation, BodyDefect defect, string token, string? actingOn)
    {
        using var request = Requests.For(operation, suite.OrganisationA, token, plausibleBody: false);
        request.Content = BadBodies.For(operation, defect, suite.OrganisationA);
        if (request.Content is null) return null;
        if (actingOn is not null) request.Headers.Add("Portal-Organisation", actingOn);
        // As a careful client sends a large upload: the server may refuse it from the headers before any of it is sent.
        if (defect is BodyDefect.OversizedDeclared or BodyDefect.OversizedChunked) request.Headers.ExpectContinue = true;
        try
        {
            using var response = await gateway.SendAsync(request);
            return await ProblemAnswer.ReadAsync(response);
        }
        catch (HttpRequestException e)
        {
            // The connection dropped without an answer: the client cannot tell what was wrong.
            return new ProblemAnswer(0, false, $"no answer: {e.Message} {e.InnerException?.Message}");
        }
    }
}
