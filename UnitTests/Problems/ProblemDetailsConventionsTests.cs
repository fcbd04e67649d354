using Microsoft.AspNetCore.Http;
using VideoAspire.Api.Problems;

namespace VideoAspire.UnitTests.Problems;

public sealed class ProblemDetailsConventionsTests
{
    [Theory]
    [InlineData("SizeBytes", "sizeBytes")]
    [InlineData("Parts[0].ETag", "parts[0].eTag")]
    [InlineData("Parts[12].PartNumber", "parts[12].partNumber")]
    [InlineData("cutting.segmentSeconds", "cutting.segmentSeconds")]
    [InlineData("overlay.texts[3]", "overlay.texts[3]")]
    [InlineData("", "")]
    public void JsonFieldName_IsTheNameInTheRequestsJson(string member, string expected)
    {
        Assert.Equal(expected, ProblemDetailsConventions.JsonFieldName(member));
    }

    [Theory]
    [InlineData(StatusCodes.Status400BadRequest, "malformed_request")]
    [InlineData(StatusCodes.Status401Unauthorized, "unauthorized")]
    [InlineData(StatusCodes.Status403Forbidden, "forbidden")]
    [InlineData(StatusCodes.Status404NotFound, "not_found")]
    [InlineData(StatusCodes.Status405MethodNotAllowed, "method_not_allowed")]
    [InlineData(StatusCodes.Status413PayloadTooLarge, "payload_too_large")]
    [InlineData(StatusCodes.Status415UnsupportedMediaType, "unsupported_media_type")]
    [InlineData(StatusCodes.Status409Conflict, "malformed_request")]
    [InlineData(StatusCodes.Status500InternalServerError, "internal_error")]
    [InlineData(StatusCodes.Status503ServiceUnavailable, "internal_error")]
    public void ForStatus_GivesEveryStatusACode(int status, string code)
    {
        Assert.Equal(code, ProblemCodes.ForStatus(status));
    }

    [Fact]
    public void Apply_ValidationProblem_RenamesFieldsAndAddsValidationFailed()
    {
        var problem = new HttpValidationProblemDetails(new Dictionary<string, string[]> { ["Parts[0].ETag"] = ["Required."] }) { Status = 400 };

        ProblemDetailsConventions.Apply(new ProblemDetailsContext { HttpContext = new DefaultHttpContext(), ProblemDetails = problem });

        Assert.Equal(["parts[0].eTag"], problem.Errors.Keys);
        Assert.Equal("validation_failed", problem.Extensions["code"]);
    }

    [Fact]
    public void Apply_ProblemWithACode_KeepsIt()
    {
        var problem = new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = 404, Extensions = { ["code"] = "job_not_found" } };

        ProblemDetailsConventions.Apply(new ProblemDetailsContext { HttpContext = new DefaultHttpContext(), ProblemDetails = problem });

        Assert.Equal("job_not_found", problem.Extensions["code"]);
    }
}
