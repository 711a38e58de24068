using Ksst.Registration;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddRegistration();

var app = builder.Build();
app.MapRegistration();
app.MapDefaultEndpoints();
app.Run();
