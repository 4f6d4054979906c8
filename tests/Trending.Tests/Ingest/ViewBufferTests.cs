using NewsPlatform.Trending.Ingest;

namespace NewsPlatform.Trending.Tests.Ingest;

public class ViewBufferTests
{
    static readonly DateTimeOffset T0 = DateTimeOffset.Parse("2025-01-14T12:36:10Z");

    static AcceptedView View(Guid article) => new(article, T0, Guid.NewGuid(), null);

    [Fact]
    public async Task Every_view_of_a_group_gets_the_group_s_answer_and_later_views_join_the_next_group()
    {
        var buffer = new ViewBuffer(100);
        var article = Guid.NewGuid();
        var first = buffer.Add(View(article));
        var second = buffer.Add(View(article));
        Assert.Equal(2, buffer.Pending);

        var group = buffer.Take();
        var third = buffer.Add(View(article));
        group.Complete(true);

        var answers = await Task.WhenAll(first, second);
        Assert.Equal(new[] { true, true }, answers);
        Assert.Equal(2, group.Views.Count);
        Assert.False(third.IsCompleted);
        buffer.Take().Complete(false);
        Assert.False(await third);
    }

    [Fact]
    public void A_group_announces_its_first_view_and_when_it_is_full()
    {
        var buffer = new ViewBuffer(3);
        var group = buffer.Open;
        Assert.False(group.Started.IsCompleted);

        buffer.Add(View(Guid.NewGuid()));
        Assert.True(group.Started.IsCompleted);
        buffer.Add(View(Guid.NewGuid()));
        Assert.False(group.Full.IsCompleted);
        buffer.Add(View(Guid.NewGuid()));
        Assert.True(group.Full.IsCompleted);
    }

    [Fact]
    public async Task After_closing_the_buffer_refuses_views()
    {
        var buffer = new ViewBuffer(100);
        var before = buffer.Add(View(Guid.NewGuid()));

        var last = buffer.Close();
        last.Complete(true);

        Assert.True(await before);
        Assert.False(await buffer.Add(View(Guid.NewGuid())));
    }

    [Fact]
    public async Task Nothing_is_lost_when_views_arrive_while_groups_are_taken()
    {
        var buffer = new ViewBuffer(1000);
        var article = Guid.NewGuid();
        long taken = 0;

        var writers = Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
            Enumerable.Range(0, 25_000).Select(_ => buffer.Add(View(article))).ToList())).ToArray();
        while (!writers.All(w => w.IsCompleted)) Complete(buffer.Take());
        Complete(buffer.Take());

        var answers = (await Task.WhenAll(writers)).SelectMany(a => a).ToList();
        Assert.Equal(100_000, taken);
        Assert.All(answers, a => Assert.True(a.IsCompletedSuccessfully && a.Result));

        void Complete(ViewGroup group)
        {
            taken += group.Views.Count;
            group.Complete(true);
        }
    }
}
