namespace NewsPlatform.TestKit;

/// <summary>Waits for something asynchronous to become true, polling until a deadline.</summary>
public static class Eventually
{
    public static async Task<T> MatchAsync<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        T last;
        while (true)
        {
            last = await read();
            if (done(last)) return last;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Waited {timeout.TotalSeconds:0}s for {what}; last value: {last}");
            await Task.Delay(100);
        }
    }
}
