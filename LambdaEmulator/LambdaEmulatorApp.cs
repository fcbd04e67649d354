using Microsoft.Extensions.Options;
using OpenTelemetry.Instrumentation.AspNetCore;
using VideoAspire.LambdaEmulator.Functions;

namespace VideoAspire.LambdaEmulator;

/// <summary>
/// Builds the emulator: the functions from configuration, the Invoke API, the Runtime API under
/// "/{function}" and a read-only view of recent invocations. Public so tests host the same program in-process.
/// </summary>
public static class LambdaEmulatorApp
{
    public static WebApplication Create(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.AddServiceDefaults();
        // Instances polling and answering the Runtime API are plumbing: the invocation's own span
        // (lambda.invoke {function}) stands for them in the caller's trace.
        builder.Services.PostConfigure<AspNetCoreTraceInstrumentationOptions>(options =>
        {
            var inner = options.Filter;
            options.Filter = context => (inner?.Invoke(context) ?? true)
                && context.Request.Path.Value?.Contains("/2018-06-01/runtime/", StringComparison.Ordinal) != true;
        });
        builder.Services.AddOptions<LambdaEmulatorOptions>().BindConfiguration(LambdaEmulatorOptions.SectionName).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<LambdaEmulatorOptions>, LambdaEmulatorOptionsValidator>();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<InvocationLog>();
        builder.Services.AddSingleton<FunctionRegistry>();
        configure?.Invoke(builder);

        var app = builder.Build();
        app.MapDefaultEndpoints();
        app.MapInvokeApi();
        app.MapRuntimeApi();
        app.MapGet("/_emulator/invocations", (InvocationLog log) => TypedResults.Ok(log.Recent()));
        return app;
    }
}
