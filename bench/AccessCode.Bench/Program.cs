using Portal.ServiceDefaults.Documents;
using Portal.AccessCode.Bench;
using Portal.AccessCode.Letters;
using Portal.Bench;

// Login letters rendered in-process against a plain-text baseline through the same PDF writer, from the same run; then
// bulk codes through the whole system (BulkEnabling.cs) against raw Marten appends of the same events.
var output = Console.Out;
Machine.Print(output, "AccessCode");
DejaVuFonts.EnsureInstalled();

var letters = LetterRendering.SampleLetters(LetterRendering.LetterCount);
var baseline = LetterRendering.PlainText(letters);
var rendered = LetterRendering.Render(letters);
var single = LetterRendering.Render(letters.Take(1).ToList());

string Row(Runs runs, int pages) => Figures.Rate(pages / runs.Median.TotalSeconds);
BenchSummary.Add("AccessCode", $"{Figures.Count(letters.Count)} login letters in-process (median)", Figures.Milliseconds(rendered.Median.TotalMilliseconds),
    $"plain text, same writer {Figures.Milliseconds(baseline.Median.TotalMilliseconds)}", Figures.Percent(rendered.Median / baseline.Median));
string Size(long bytes) => bytes >= 1 << 20 ? $"{bytes / (double)(1 << 20):0.0} MiB" : $"{bytes / 1024.0:0} KiB";
new Table($"Login letters rendered in-process ({LetterRendering.TimedRuns} runs after a warm-up)",
        "what", "pages", "min", "median", "max", "pages/s (median)", "PDF size", "vs baseline")
    .Row("baseline: plain text lines, same words and writer, no layout", Figures.Count(letters.Count), Figures.Milliseconds(baseline.Min.TotalMilliseconds),
        Figures.Milliseconds(baseline.Median.TotalMilliseconds), Figures.Milliseconds(baseline.Max.TotalMilliseconds), Row(baseline, letters.Count),
        Size(baseline.LastSize), "100%")
    .Row("login letters (LoginLetters.Write)", Figures.Count(letters.Count), Figures.Milliseconds(rendered.Min.TotalMilliseconds),
        Figures.Milliseconds(rendered.Median.TotalMilliseconds), Figures.Milliseconds(rendered.Max.TotalMilliseconds), Row(rendered, letters.Count),
        Size(rendered.LastSize), Figures.Percent(rendered.Median / baseline.Median))
    .Row("one student's letter", "1", Figures.Milliseconds(single.Min.TotalMilliseconds), Figures.Milliseconds(single.Median.TotalMilliseconds),
        Figures.Milliseconds(single.Max.TotalMilliseconds), Row(single, 1), Size(single.LastSize), "–")
    .Note($"Target: {Figures.Count(letters.Count)} letters in at most {LetterRendering.Target.TotalSeconds:0} s: " +
          $"{(rendered.Max <= LetterRendering.Target ? "met" : "NOT met")} (slowest run {rendered.Max.TotalSeconds:0.00} s).")
    .Note("\"vs baseline\" is the letters' median time over the baseline's: what wrapping, measuring, the code box and the three faces cost.")
    .Note("Each PDF embeds once a subset (the glyphs used) of each DejaVu face it uses; content streams are compressed. Written to memory page by page (the bulk endpoint streams the same pages to the response).")
    .Print(output);

await BulkEnabling.RunAsync(output);
