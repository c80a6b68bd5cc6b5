using Microsoft.Extensions.Options;
using Vigil.Silo;

var (settings, help, error) = SiloCommandLine.Parse(args);
if (help)
{
    Console.WriteLine(SiloCommandLine.Usage);
    return 0;
}

if (error is not null)
{
    await Console.Error.WriteLineAsync($"{error} Run with --help for the options.");
    return 2;
}

WebApplication app;
try
{
    app = SiloApplication.Build(settings);
}
catch (OptionsValidationException ex)
{
    await Console.Error.WriteLineAsync("Invalid configuration: " + string.Join(" ", ex.Failures));
    return 2;
}

try
{
    await app.RunAsync();
}
catch (IOException ex) when (ex.InnerException is System.Net.Sockets.SocketException || ex.Message.Contains("address", StringComparison.OrdinalIgnoreCase))
{
    await Console.Error.WriteLineAsync("Cannot listen: " + ex.Message);
    return 1;
}

return 0;
