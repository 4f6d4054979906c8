// Who acts (Actor), roles and policies: every decider and endpoint uses them.
global using NewsPlatform.ServiceDefaults.Security;
// The shared decider result (ServiceDefaults/Domain), closed over this service's article events.
global using Decision = NewsPlatform.ServiceDefaults.Domain.Decision<NewsPlatform.Authoring.Articles.IArticleEvent>;
