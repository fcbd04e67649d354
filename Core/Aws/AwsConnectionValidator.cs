using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace VideoAspire.Core.Aws;

/// <summary>
/// Resolves the <see cref="AwsConnection"/> when the host starts, so a missing region or a bad endpoint stops the
/// start with its message instead of failing the first request that needs a client.
/// </summary>
internal sealed class AwsConnectionValidator(IConfiguration configuration) : IValidateOptions<AwsOptions>
{
    public ValidateOptionsResult Validate(string? name, AwsOptions options)
    {
        try
        {
            AwsConnection.Resolve(options, configuration);
            return ValidateOptionsResult.Success;
        }
        catch (InvalidOperationException e)
        {
            return ValidateOptionsResult.Fail(e.Message);
        }
    }
}
