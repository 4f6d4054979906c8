global using Xunit;
global using NewsPlatform.Deploy.Tests.Repository;
