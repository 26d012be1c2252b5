using Portal.MisSync;
using Portal.MisSync.OneRoster;
using RabbitMQ.Client.Exceptions;

try
{
    var (rabbitMq, request) = CommandLine.Parse(args);
    var published = await new MisRollPublisher(rabbitMq).PublishFolderAsync(request);
    foreach (var skipped in published.Skipped) Console.WriteLine($"Skipped: {skipped}");
    Console.WriteLine(published);
    return 0;
}
catch (Exception e) when (e is CommandLineException or OneRosterException or InvalidOperationException or BrokerUnreachableException)
{
    Console.Error.WriteLine(e.Message);
    if (e is CommandLineException) Console.Error.WriteLine(CommandLine.Usage);
    return 1;
}
