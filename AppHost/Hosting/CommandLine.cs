using Portal.AppHost.Infrastructure;

namespace Portal.AppHost.Hosting;

/// <summary>
/// AppHost [run] [--state DIR] [--configuration Debug|Release]
/// AppHost infra --env-file PATH [--state DIR]
/// </summary>
public static class CommandLine
{
    public static PortalAppOptions Parse(string[] args)
    {
        var mode = PortalAppMode.Run;
        string? state = null, envFile = null, configuration = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "run": mode = PortalAppMode.Run; break;
                case "infra": mode = PortalAppMode.Infrastructure; break;
                case "--state": state = Value(args, ref i); break;
                case "--env-file": envFile = Value(args, ref i); break;
                case "--configuration" or "-c": configuration = Value(args, ref i); break;
                default: throw new ArgumentException($"Unknown argument '{args[i]}'. {Usage}");
            }
        }
        if (mode == PortalAppMode.Infrastructure && envFile is null)
            throw new ArgumentException($"infra needs --env-file. {Usage}");

        var root = RepositoryRoot.Find();
        return new PortalAppOptions
        {
            Mode = mode,
            RepositoryRoot = root,
            StateDirectory = Path.GetFullPath(state ?? Path.Combine(root, PortalAppOptions.DefaultStateFolder)),
            EnvFile = envFile is null ? null : Path.GetFullPath(envFile),
            Configuration = configuration ?? BuiltConfiguration(),
            GatewayPort = PortalAppOptions.GatewayPortFromEnvironment(),
            SeedDemoData = mode == PortalAppMode.Run,
        };
    }

    /// <summary>The configuration this AppHost itself was built in, so services match it by default.</summary>
    public static string BuiltConfiguration() =>
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";

    private const string Usage =
        "Usage: AppHost [run] [--state DIR] [--configuration Debug|Release] | AppHost infra --env-file PATH [--state DIR]";

    private static string Value(string[] args, ref int i) =>
        ++i < args.Length ? args[i] : throw new ArgumentException($"{args[i - 1]} needs a value. {Usage}");
}
