using Vigil.Cli;

return VigilCommand.Run(args, Console.Out, Console.Error, Environment.CurrentDirectory);
