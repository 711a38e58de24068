using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Ksst.ServiceDefaults.Access;

/// <summary>Outside Development, the OpenAPI document and UI answer only callers with a valid token (401 otherwise).</summary>
internal static class OpenApiAccess
{
    public static IApplicationBuilder UseOpenApiAccess(this WebApplication app)
    {
        if (app.Environment.IsDevelopment())
        {
            return app;
        }
        return app.Use(async (context, next) =>
        {
            if (context.Request.Path.StartsWithSegments("/openapi") && Caller.From(context.User) is null)
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                context.Response.Headers.WWWAuthenticate = "Bearer";
                await context.Response.WriteAsync(TokenFailures.Explain(context));
                return;
            }
            await next(context);
        });
    }
}
