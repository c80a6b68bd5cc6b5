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
catch (Exception ex) when (ex is IOException or System.Data.Common.DbException or System.Net.Sockets.SocketException)
{
    // Start-up failures users can fix (a port in use, a database out of reach) get one line, not a stack trace.
    await Console.Error.WriteLineAsync("Vigil silo could not start: " + ex.Message);
    return 1;
}

return 0;
