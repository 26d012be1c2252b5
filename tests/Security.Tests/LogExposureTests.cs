using System.Net;
using Microsoft.Extensions.Logging;
using Portal.AppHost.Hosting;
using Xunit.Abstractions;

namespace Portal.Security.Tests;

/// <summary>
/// After a full journey through every service, no log entry at Information or above (as ./portal run prints them)
/// holds an email address, a person's name, a token, a password, a setup code or an access code. Controls: planted
/// lines in the services' own format are caught (and the same at Debug is not counted), and every service's output
/// was captured, so an empty or unparsed capture cannot pass.
/// </summary>
[Collection(SecuritySuiteCollection.Name)]
public sealed class LogExposureTests(SecuritySuiteFixture suite, ITestOutputHelper output)
{
    /// <summary>Consumers may still be logging what the journey's last messages caused.</summary>
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(3);
    private static readonly HttpStatusCode NoResponse = 0;

    [Fact]
    public async Task No_email_name_token_password_or_code_is_logged_at_Information_or_above_during_a_full_journey()
    {
        var logs = suite.System.ServiceLogs;
        var services = suite.System.System.Resources.Where(r => r.Kind == "project").Select(r => r.Name).Order().ToList();
        var journeyStart = logs.Count;
        var journey = new ExposureJourney(suite.System);
        await journey.RunAsync();
        await Task.Delay(Settle);
        var captured = logs.ToArray();
        var secrets = journey.Secrets.All;
        var scanner = new LogScanner(secrets);
        var report = new SecurityReport();

        CheckCapture(report, services, captured, journeyStart);
        CheckControls(report, scanner, secrets);
        var findings = scanner.Scan(captured);
        foreach (var service in services)
            foreach (var kind in Enum.GetValues<SecretKind>())
            {
                var found = findings.Where(f => f.Service == service && f.Kind == kind).ToList();
                report.Add(new($"log exposure: {Describe(kind)}", service, NoResponse, found.Count == 0,
                    found.Count == 0 ? "" : $"{found.Count} entries, e.g. {found[0]}"));
            }

        var notes = new List<string>
        {
            $"captured {captured.Length} lines ({captured.Length - journeyStart} during the journey), " +
            $"{captured.Count(e => e.InformationOrAbove)} at Information or above or without a level; " +
            $"scanned for {secrets.Count} values: " + string.Join(", ", secrets.GroupBy(s => s.Kind).Select(g => $"{g.Count()} {Describe(g.Key)}")),
        };
        notes.AddRange(findings.Select(f => f.ToString()));
        output.WriteLine(report.Table("Log exposure: a full journey's log entries at Information or above", notes));
        output.WriteLine(SecurityReport.SuiteTable());
        Assert.Empty(report.Failures);
    }

    /// <summary>Every service's output reached the capture as entries with a level, so the scan reads real log entries.</summary>
    private static void CheckCapture(SecurityReport report, IReadOnlyList<string> services, ServiceLogEntry[] captured, int journeyStart)
    {
        report.Add(new("log capture: every project is a service", string.Join(" ", services), NoResponse,
            services.SequenceEqual(["accesscode", "billing", "gateway", "identity", "institution", "roster"]), "(the projects the system declares)"));
        foreach (var service in services)
        {
            var entries = captured.Where(e => e.Service == service).ToList();
            var leveled = entries.Count(e => e.Level is not null);
            var duringJourney = captured.Skip(journeyStart).Count(e => e.Service == service && e.Level >= LogLevel.Information);
            report.Add(new("log capture: entries with a level", service, NoResponse, leveled > 0,
                $"{entries.Count} lines, {leveled} with a level"));
            // The gateway keeps its request lines at Warning and above (the services log each request it forwards).
            if (service != "gateway")
                report.Add(new("log capture: entries during the journey", service, NoResponse, duringJourney > 0,
                    $"{duringJourney} entries at Information or above during the journey"));
        }
    }

    /// <summary>
    /// A line in the services' own format carrying one of the journey's real values of each kind is found; the same line
    /// at Debug is not counted; a line with no level is counted.
    /// </summary>
    private static void CheckControls(SecurityReport report, LogScanner scanner, IReadOnlyCollection<Secret> secrets)
    {
        foreach (var kind in Enum.GetValues<SecretKind>())
        {
            var secret = secrets.FirstOrDefault(s => s.Kind == kind);
            report.Add(new("control: the journey used each kind", Describe(kind), NoResponse, secret is not null, "(nothing of this kind was noted)"));
            if (secret is null) continue;
            var planted = kind == SecretKind.Code ? secret.Value.ToLowerInvariant().Replace('-', ' ') : secret.Value;
            foreach (var (prefix, expectFound) in new[] { ("info: Portal.Control[0] Planted ", true), ("warn: Portal.Control[7] Planted ", true),
                         ("dbug: Portal.Control[0] Planted ", false), ("   at Portal.Control.Planted(String value) ", true) })
            {
                var line = prefix + $"value '{planted}'.";
                var entry = ServiceLogEntry.Parse("control", line, standardError: false);
                var found = scanner.Scan([entry]).Any(f => f.Kind == kind);
                report.Add(new(expectFound ? $"control: planted {Describe(kind)} found" : $"control: Debug {Describe(kind)} not counted",
                    $"{entry.Level?.ToString() ?? "no level"}: {Shorten(line)}", NoResponse, found == expectFound, $"found: {found}"));
            }
        }
    }

    private static string Shorten(string line) => line.Length > 80 ? line[..80] + "…" : line;

    private static string Describe(SecretKind kind) => kind switch
    {
        SecretKind.Email => "email",
        SecretKind.Name => "name",
        SecretKind.Token => "token",
        SecretKind.Password => "password/secret",
        _ => "setup/access code",
    };
}
