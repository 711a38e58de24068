using Ksst.Platform.Audit;
using Ksst.Platform.Messaging;
using Ksst.Platform.Outbox;
using Ksst.Platform.Sqlite;
using Ksst.Registration.Demo;
using Ksst.Registration.Nominations;
using Ksst.Registration.Data;

namespace Ksst.Registration;

/// <summary>Registers and maps everything the Registration service is made of.</summary>
internal static class RegistrationServiceExtensions
{
    public static WebApplicationBuilder AddRegistration(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddGrpcApi("KSST Registration", "registration", RegistrationAccess.Table);
        builder.AddServiceDatabase<RegistrationDbContext>("registration-db");
        builder.AddOutbox<RegistrationDbContext>();
        builder.AddAuditLog<RegistrationDbContext>("registration");
        builder.Services.AddSingleton<IDatabaseSeeder<RegistrationDbContext>, DemoDataSeeder>();
        builder.Services.AddScoped<NominationCommands>();
        builder.Services.AddScoped<NominationQueries>();
        builder.Services.AddScoped<Programmes.ProgrammeCommands>();
        builder.Services.AddScoped<Programmes.ProgrammeQueries>();
        builder.Services.AddScoped<Batches.BatchCommands>();
        builder.Services.AddScoped<Batches.BatchQueries>();
        builder.Services.AddScoped<Ksst.ServiceDefaults.Access.IBatchOrganiserCheck, Batches.LocalBatchOrganisers>();
        builder.Services.AddSingleton<NominationIntake>();
        builder.Services.AddHostedService(services => services.GetRequiredService<NominationIntake>());
        builder.AddServiceMessaging("registration");
        return builder;
    }

    public static WebApplication MapRegistration(this WebApplication app)
    {
        app.MapGrpcApi();
        app.MapGrpcService<Programmes.ProgrammesApi>();
        app.MapGrpcService<NominationsApi>();
        app.MapGrpcService<Countries.MemberCountriesApi>();
        app.MapOutbox<RegistrationDbContext>();
        app.MapAuditLog<RegistrationDbContext>();
        app.MapRosterCsv();
        return app;
    }
}
