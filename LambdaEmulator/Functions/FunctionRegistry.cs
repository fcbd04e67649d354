using System.Diagnostics;
using Microsoft.Extensions.Options;

namespace VideoAspire.LambdaEmulator.Functions;

/// <summary>The functions configured under LambdaEmulator:Functions, by name.</summary>
internal sealed class FunctionRegistry
{
    private readonly Dictionary<string, EmulatedFunction> _functions;

    public FunctionRegistry(
        IOptions<LambdaEmulatorOptions> options, InvocationLog log, TimeProvider timeProvider, IHostEnvironment environment,
        ILogger<FunctionRegistry> logger)
    {
        var source = new ActivitySource(environment.ApplicationName);
        _functions = options.Value.Functions.ToDictionary(
            f => f.Key,
            f => new EmulatedFunction(f.Key, Checked(f.Key, f.Value), options.Value, log, timeProvider, source, logger),
            StringComparer.Ordinal);
    }

    public EmulatedFunction? Find(string name) => _functions.GetValueOrDefault(name);

    private static FunctionOptions Checked(string name, FunctionOptions function) =>
        function.Timeout > TimeSpan.Zero && function.Timeout <= TimeSpan.FromMinutes(15)
            ? function
            : throw new OptionsValidationException(LambdaEmulatorOptions.SectionName, typeof(FunctionOptions),
                [$"LambdaEmulator:Functions:{name}:Timeout must be between 00:00:01 and 00:15:00 (Lambda's limit); got {function.Timeout}."]);
}
