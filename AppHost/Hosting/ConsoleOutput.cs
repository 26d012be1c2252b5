namespace Portal.AppHost.Hosting;

/// <summary>Process output lines with a coloured [name] prefix, one colour per resource.</summary>
public sealed class ConsoleOutput
{
    private static readonly string[] Colours = ["36", "33", "35", "32", "34", "91", "96", "93", "95", "92"];
    private readonly Dictionary<string, string> _colourByName = [];
    private readonly bool _useColour = !Console.IsOutputRedirected && Environment.GetEnvironmentVariable("NO_COLOR") is null;
    private readonly Lock _lock = new();

    public void WriteLine(string name, string line)
    {
        lock (_lock)
        {
            if (!_colourByName.TryGetValue(name, out var colour))
                _colourByName[name] = colour = Colours[_colourByName.Count % Colours.Length];
            Console.Out.WriteLine(_useColour ? $"\u001b[{colour}m[{name}]\u001b[0m {line}" : $"[{name}] {line}");
        }
    }
}
