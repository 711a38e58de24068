using Ksst.Scheduling;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddScheduling();

var app = builder.Build();
app.MapScheduling();
app.MapDefaultEndpoints();
app.Run();
