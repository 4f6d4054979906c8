global using NewsPlatform.Deploy.Tests.Repository;
global using Xunit;
