using Ksst.Notifications;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddNotifications();

var app = builder.Build();
app.MapNotifications();
app.MapDefaultEndpoints();
app.Run();
