// The library's folders use each other; the services name only the folders they use.
global using Ksst.Platform.Audit;
global using Ksst.Platform.Inbox;
global using Ksst.Platform.Messaging;
global using Ksst.Platform.Outbox;
global using Ksst.Platform.Sqlite;
global using Ksst.Platform.Tracing;
