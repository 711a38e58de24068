using Ksst.AppHost;
using Ksst.AppHost.Identity;
using Ksst.AppHost.Infrastructure;
using Ksst.AppHost.Urls;

var builder = DistributedApplication.CreateBuilder(args);

// Redis ("cache"), RabbitMQ ("messaging") and smtp4dev ("mail"): containers when a container
// engine answers, local executables otherwise (Ksst:Infrastructure = auto | containers | local).
var infra = builder.AddKsstInfrastructure();

// "identity": the OpenID Connect server. Every service validates its tokens and calls the others
// with a token of its own client (the demo credentials in the data folder, made on first start).
var identity = builder.AddIdentityService();

var registration = builder.AddService<Projects.Registration>("registration")
    .WithIdentity(identity)
    .WithReference(infra.Messaging).WaitFor(infra.Messaging);

var scheduling = builder.AddService<Projects.Scheduling>("scheduling")
    .WithIdentity(identity)
    .WithReference(infra.Messaging).WaitFor(infra.Messaging)
    .WithReference(infra.Cache).WaitFor(infra.Cache)
    .WithReference(registration).WaitFor(registration);
// Calendar feed URLs handed out over gRPC name the HTTP/1.1 endpoint calendar apps can read.
scheduling.WithEnvironment("Scheduling__Feeds__BaseUrl", scheduling.GetEndpoint("http"));

builder.AddService<Projects.Notifications>("notifications")
    .WithIdentity(identity)
    .WithReference(infra.Messaging).WaitFor(infra.Messaging)
    .WithReference(infra.Cache).WaitFor(infra.Cache)
    .WithReference(infra.Mail).WaitFor(infra.Mail)
    .WithReference(registration).WaitFor(registration);

// Once everything is healthy: the table of URLs in the terminal and in <data folder>/urls.txt|json.
builder.AnnounceUrlsWhenHealthy(infra.Mode);

builder.Build().Run();
