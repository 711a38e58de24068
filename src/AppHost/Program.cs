using Ksst.AppHost;
using Ksst.AppHost.Infrastructure;
using Ksst.AppHost.Urls;

var builder = DistributedApplication.CreateBuilder(args);

// Redis ("cache"), RabbitMQ ("messaging") and smtp4dev ("mail"): containers when a container
// engine answers, local executables otherwise (Ksst:Infrastructure = auto | containers | local).
var infra = builder.AddKsstInfrastructure();

var registration = builder.AddService<Projects.Registration>("registration")
    .WithReference(infra.Messaging).WaitFor(infra.Messaging);

builder.AddService<Projects.Scheduling>("scheduling")
    .WithReference(infra.Messaging).WaitFor(infra.Messaging)
    .WithReference(infra.Cache).WaitFor(infra.Cache)
    .WithReference(registration).WaitFor(registration);

builder.AddService<Projects.Notifications>("notifications")
    .WithReference(infra.Messaging).WaitFor(infra.Messaging)
    .WithReference(infra.Cache).WaitFor(infra.Cache)
    .WithReference(infra.Mail).WaitFor(infra.Mail)
    .WithReference(registration).WaitFor(registration);

// Once everything is healthy: the table of URLs in the terminal and in <data folder>/urls.txt|json.
builder.AnnounceUrlsWhenHealthy(infra.Mode);

builder.Build().Run();
