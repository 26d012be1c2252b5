using Portal.Bench;
using System.Diagnostics;
using Portal.Identity.Bench;

// Identity benchmarks against the whole system; each figure sits next to its baseline from this same run.
var output = Console.Out;
var clock = Stopwatch.StartNew();
void Done(string step) => output.WriteLine($"({step}: {clock.Elapsed.TotalSeconds:0} s into the run)");

Machine.Print(output, "Identity");
await using var system = await BenchSystem.StartAsync(SignInThroughput.AccountsNeeded);
output.WriteLine($"Services' output: {Path.GetRelativePath(Environment.CurrentDirectory, BenchSystem.LogPath)}");
Done("system started, accounts set up");

var hash = HashBaseline.Measure();
hash.Print(output);
await SignInThroughput.MeasureAsync(system, hash, output);
Done("sign-ins");

var token = await system.SignInAsync(system.StaffEmails[0], BenchSystem.Password);
var gateway = await GatewayOverhead.MeasureAsync(system, token, output);
await TokenValidationCost.MeasureAsync(system, token, gateway[0], output);
Done("gateway and token validation");
