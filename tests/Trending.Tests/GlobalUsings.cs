global using Microsoft.Extensions.DependencyInjection;
global using NewsPlatform.TestKit;
global using Xunit;
