using Ksst.Outbox;
using Ksst.Registration.Batches;
using Ksst.Registration.Data;

namespace Ksst.Registration;

/// <summary>Registers and maps everything the Registration service is made of.</summary>
internal static class RegistrationServiceExtensions
{
    public static WebApplicationBuilder AddRegistration(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddGrpcApi("KSST Registration");
        builder.AddServiceDatabase<RegistrationDbContext>("registration-db");
        builder.Services.AddSingleton<IDatabaseSeeder<RegistrationDbContext>, ProgrammeHistorySeeder>();
        builder.AddServiceMessaging("registration");
        return builder;
    }

    public static WebApplication MapRegistration(this WebApplication app)
    {
        app.MapGrpcApi();
        app.MapGrpcService<Nominations.NominationsApi>();
        return app;
    }
}
