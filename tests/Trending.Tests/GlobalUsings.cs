global using NewsPlatform.TestKit;
global using Microsoft.Extensions.DependencyInjection;
global using Xunit;
