using System.ComponentModel.DataAnnotations;
using VideoAspire.Core.Storage;

namespace VideoAspire.Api.Uploads;

/// <summary>
/// A field that must hold an uploadId returned by POST /api/uploads: the one home of that rule and its message for
/// every request that names an upload. A regular-expression attribute, so the validation generator and the OpenAPI
/// schema (its <c>pattern</c>) both see it.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter)]
public sealed class UploadIdAttribute : RegularExpressionAttribute
{
    public const string Message = "Must be an uploadId returned by POST /api/uploads.";

    public UploadIdAttribute()
        : base(StorageLayout.IdPattern)
    {
        ErrorMessage = Message;
    }
}
