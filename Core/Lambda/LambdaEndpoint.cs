using Microsoft.Extensions.Configuration;
using VideoAspire.Core.Aws;

namespace VideoAspire.Core.Lambda;

/// <summary>Where Lambda is: AWS_ENDPOINT_URL_LAMBDA, then AWS_ENDPOINT_URL (or Aws:ServiceUrl), then the regional endpoint.</summary>
public static class LambdaEndpoint
{
    public static Uri Resolve(IConfiguration configuration, AwsConnection connection)
    {
        var custom = new[] { configuration["AWS_ENDPOINT_URL_LAMBDA"], configuration["AWS_ENDPOINT_URL"], configuration["Aws:ServiceUrl"] }
            .FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));
        var url = custom ?? $"https://lambda.{connection.Region.SystemName}.amazonaws.com";
        return new Uri(url.TrimEnd('/') + "/");
    }
}
