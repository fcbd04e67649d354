namespace VideoAspire.Api.Problems;

internal static class ProblemsServiceCollectionExtensions
{
    /// <summary>
    /// ProblemDetails for every error, each with a stable "code" and field errors named like the JSON
    /// (<see cref="ProblemDetailsConventions"/>), and binding failures as 4xx problems in every environment.
    /// </summary>
    public static IServiceCollection AddApiProblems(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = ProblemDetailsConventions.Apply);
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        return services;
    }
}
