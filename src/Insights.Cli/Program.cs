using Insights.Cli;

return InsightsCommand.Run(args, Console.Out, Console.Error);
