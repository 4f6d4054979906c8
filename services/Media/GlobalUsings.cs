// The shared decider result (ServiceDefaults/Domain), closed over this service's one aggregate's events.
global using Decision = NewsPlatform.ServiceDefaults.Domain.Decision<NewsPlatform.Media.Assets.IMediaAssetEvent>;
