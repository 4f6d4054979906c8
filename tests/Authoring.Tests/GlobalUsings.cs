global using NewsPlatform.ServiceDefaults.Domain;
global using Xunit;
