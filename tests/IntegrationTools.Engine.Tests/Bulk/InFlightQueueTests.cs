using IntegrationTools.Operations;

namespace IntegrationTools.Engine.Tests.Bulk;

/// <summary>
/// The ordered in-flight queue of the changing cmdlets: items come out in input order whatever order their work
/// finishes in, no more than the limit run at once, two items holding the same key never run together, failures stay with
/// their item, and cancellation stops the waits and leaves the unfinished items for the error that names them.
/// </summary>
public sealed class InFlightQueueTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public void Items_come_out_in_input_order_though_their_work_finishes_in_reverse()
    {
        var gates = Enumerable.Range(0, 4).Select(_ => new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously)).ToArray();
        var queue = new InFlightQueue<int>(8, default);
        for (var i = 0; i < 4; i++)
        {
            var n = i;
            queue.Start($"input {n}", new[] { $"k{n}" }, _ => gates[n].Task);
        }
        queue.Add("input 4", 4);
        var taken = new List<int>();
        for (var i = 3; i >= 0; i--)
        {
            gates[i].SetResult(i);
            SpinUntil(() => queue.InFlight == i);
            taken.AddRange(queue.TakeFinished().Select(t => t.Value));
            // Nothing comes out before input 0 is done.
            if (i > 0) Assert.Empty(taken);
        }
        Assert.Equal(new[] { 0, 1, 2, 3, 4 }, taken);
        Assert.Equal(0, queue.Count);
    }

    [Fact]
    public void No_more_than_the_limit_run_at_once_and_a_full_queue_waits_for_the_oldest()
    {
        var running = 0;
        var most = 0;
        var queue = new InFlightQueue<int>(3, default);
        for (var i = 0; i < 12; i++)
        {
            var n = i;
            queue.Start($"input {n}", Array.Empty<string>(), async _ =>
            {
                var now = Interlocked.Increment(ref running);
                InterlockedMax(ref most, now);
                await Task.Delay(20);
                Interlocked.Decrement(ref running);
                return n;
            });
            Assert.True(queue.InFlight <= 3);
        }
        var all = new List<int>();
        while (queue.Count > 0) all.AddRange(queue.TakeNext().Select(t => t.Value));
        Assert.Equal(Enumerable.Range(0, 12), all);
        Assert.Equal(3, most);
    }

    [Fact]
    public async Task An_item_waits_for_the_in_flight_item_that_holds_its_key_and_items_of_other_keys_do_not()
    {
        var first = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var queue = new InFlightQueue<int>(8, default);
        queue.Start("input 0", new[] { "api|GET /a" }, _ => first.Task);
        Assert.True(queue.Holds(new[] { "api|GET /a" }));
        Assert.False(queue.Holds(new[] { "api|GET /b" }));
        // A key nobody holds does not wait.
        queue.WaitFor(new[] { "api|GET /b" });
        var waiter = Task.Run(() => queue.WaitFor(new[] { "api|GET /a" }));
        await Task.Delay(100);
        Assert.False(waiter.IsCompleted);
        first.SetResult(0);
        await waiter.WaitAsync(Patience);
        Assert.False(queue.Holds(new[] { "api|GET /a" }));
    }

    [Fact]
    public void A_failure_stays_with_its_item_and_the_items_after_it_still_come_out()
    {
        var queue = new InFlightQueue<int>(4, default);
        queue.Start("input 0", Array.Empty<string>(), _ => Task.FromResult(0));
        queue.Start("input 1", Array.Empty<string>(), _ => throw new InvalidOperationException("boom"));
        queue.Start("input 2", Array.Empty<string>(), async _ =>
        {
            await Task.Yield();
            throw new TimeoutException("late");
        });
        queue.Start("input 3", Array.Empty<string>(), _ => Task.FromResult(3));
        var all = new List<InFlightItem<int>>();
        while (queue.Count > 0) all.AddRange(queue.TakeNext());
        Assert.Equal(new[] { "input 0", "input 1", "input 2", "input 3" }, all.Select(i => i.Label));
        Assert.Equal(new[] { true, false, false, true }, all.Select(i => i.Succeeded));
        Assert.Equal("boom", Assert.IsType<InvalidOperationException>(all[1].Error).Message);
        Assert.IsType<TimeoutException>(all[2].Error);
        Assert.Null(all[0].Error);
    }

    [Fact]
    public async Task Cancellation_ends_the_wait_cancels_the_work_and_leaves_the_unfinished_items_to_abandon()
    {
        using var stop = new CancellationTokenSource();
        var queue = new InFlightQueue<int>(2, stop.Token);
        var started = new CountdownEvent(2);
        for (var i = 0; i < 2; i++)
        {
            var n = i;
            queue.Start($"input {n}", new[] { "same" }, async ct =>
            {
                started.Signal();
                await Task.Delay(Timeout.Infinite, ct);
                return n;
            });
        }
        queue.Add("input 2", 2);
        Assert.True(started.Wait(Patience), "both items should have started");
        // The queue is full (limit 2): starting one more waits for the oldest, on the owner's (here: another) thread.
        var blocked = Task.Run(() => queue.Start("input 3", Array.Empty<string>(), _ => Task.FromResult(3)));
        await Task.Delay(100);
        Assert.False(blocked.IsCompleted);

        stop.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => blocked.WaitAsync(Patience));
        SpinUntil(() => queue.InFlight == 0);
        var left = queue.Abandon();
        Assert.Equal(new[] { "input 0", "input 1", "input 2" }, left.Select(i => i.Label));
        Assert.Equal(new[] { false, false, true }, left.Select(i => i.Succeeded));
        Assert.IsAssignableFrom<OperationCanceledException>(left[0].Error);
        Assert.Equal(0, queue.Count);
    }

    [Fact]
    public void A_limit_below_one_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new InFlightQueue<int>(0, default));
    }

    private static void SpinUntil(Func<bool> condition) => Assert.True(SpinWait.SpinUntil(condition, Patience));

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}
