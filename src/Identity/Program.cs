using Ksst.Identity;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddIdentityService();

var app = builder.Build();
app.MapIdentityService();
app.MapDefaultEndpoints();
app.Run();
