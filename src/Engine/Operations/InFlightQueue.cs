namespace IntegrationTools.Operations
{
    /// <summary>
    /// The items of one pipeline in input order, some of them with work (requests) in flight. An item is added either
    /// done (its outcome known without a request) or started; at most <see cref="Limit"/> are in flight at once (starting
    /// one more waits for the oldest), and an item whose keys meet those an in-flight item holds waits for it before it
    /// is planned (<see cref="WaitFor"/>), so two items for the same target are never in flight together. The owner takes
    /// the finished items from the head (<see cref="TakeFinished"/>), so what it writes keeps the input order. Only the
    /// owner's thread calls it; the work runs on the thread pool with the queue's cancellation token.
    /// </summary>
    internal sealed class InFlightQueue<T>
    {
        private readonly Queue<InFlightItem<T>> _items = new Queue<InFlightItem<T>>();
        private readonly List<InFlightItem<T>> _running = new List<InFlightItem<T>>();
        private readonly CancellationToken _cancellation;

        public InFlightQueue(int limit, CancellationToken cancellation)
        {
            if (limit < 1) throw new ArgumentOutOfRangeException(nameof(limit), limit, "At least one item must be allowed in flight.");
            Limit = limit;
            _cancellation = cancellation;
        }

        /// <summary>How many items may be in flight at once.</summary>
        public int Limit { get; }

        /// <summary>How many items are in flight (started, not finished).</summary>
        public int InFlight
        {
            get
            {
                Prune();
                return _running.Count;
            }
        }

        /// <summary>How many items have not been taken yet (in flight, or finished behind one that is not).</summary>
        public int Count => _items.Count;

        /// <summary>An item whose outcome is known now: it is taken after the items before it.</summary>
        public void Add(string label, T value) =>
            _items.Enqueue(new InFlightItem<T>(label, Task.FromResult(value), Array.Empty<string>()));

        /// <summary>
        /// Starts <paramref name="work"/> for an item that holds <paramref name="holds"/> while it runs. Waits first for a
        /// free place (the oldest item in flight, when <see cref="Limit"/> are). An exception of the work is the item's
        /// <see cref="InFlightItem{T}.Error"/>.
        /// </summary>
        public void Start(string label, IEnumerable<string> holds, Func<CancellationToken, Task<T>> work)
        {
            if (work == null) throw new ArgumentNullException(nameof(work));
            Prune();
            while (_running.Count >= Limit)
            {
                Wait(_running[0].Task);
                Prune();
            }
            var token = _cancellation;
            var task = Task.Run(() => work(token), token);
            var item = new InFlightItem<T>(label, task, holds.ToArray());
            _items.Enqueue(item);
            _running.Add(item);
        }

        /// <summary>Whether an item in flight holds one of <paramref name="keys"/>.</summary>
        public bool Holds(IEnumerable<string> keys)
        {
            Prune();
            var wanted = new HashSet<string>(keys, StringComparer.Ordinal);
            return _running.Any(i => i.Keys.Any(wanted.Contains));
        }

        /// <summary>Waits until no item in flight holds one of <paramref name="keys"/>.</summary>
        public void WaitFor(IEnumerable<string> keys)
        {
            var wanted = new HashSet<string>(keys, StringComparer.Ordinal);
            if (wanted.Count == 0) return;
            while (true)
            {
                Prune();
                var holder = _running.FirstOrDefault(i => i.Keys.Any(wanted.Contains));
                if (holder == null) return;
                Wait(holder.Task);
            }
        }

        /// <summary>The finished items at the head, in input order; the first unfinished one and those behind it stay.</summary>
        public List<InFlightItem<T>> TakeFinished()
        {
            var done = new List<InFlightItem<T>>();
            while (_items.Count > 0 && _items.Peek().Task.IsCompleted) done.Add(_items.Dequeue());
            Prune();
            return done;
        }

        /// <summary>Waits for the item at the head, then takes the finished ones; empty when the queue is.</summary>
        public List<InFlightItem<T>> TakeNext()
        {
            if (_items.Count == 0) return new List<InFlightItem<T>>();
            Wait(_items.Peek().Task);
            return TakeFinished();
        }

        /// <summary>
        /// Every item not taken, in input order, and the queue emptied: what a stopped pipeline did not write. It does
        /// not wait: an item in flight is not done (its work was cancelled, or is being).
        /// </summary>
        public List<InFlightItem<T>> Abandon()
        {
            var left = _items.ToList();
            _items.Clear();
            _running.Clear();
            return left;
        }

        private void Prune() => _running.RemoveAll(i => i.Task.IsCompleted);

        private void Wait(Task task)
        {
            try
            {
                task.Wait(_cancellation);
            }
            catch (AggregateException)
            {
                // The item's failure is read from the item when it is taken.
            }
        }
    }

    /// <summary>One item of an <see cref="InFlightQueue{T}"/>: its label, its work, and what it came to.</summary>
    internal sealed class InFlightItem<T>
    {
        internal InFlightItem(string label, Task<T> task, IReadOnlyList<string> keys)
        {
            Label = label;
            Task = task;
            Keys = keys;
        }

        /// <summary>What the item is, for messages ("input 3 (restapi/abc /pets GET)").</summary>
        public string Label { get; }

        /// <summary>The keys it holds while in flight.</summary>
        public IReadOnlyList<string> Keys { get; }

        internal Task<T> Task { get; }

        /// <summary>Whether the work finished with a value (not failed, not cancelled).</summary>
        public bool Succeeded => Task.Status == TaskStatus.RanToCompletion;

        /// <summary>The value; only when <see cref="Succeeded"/>.</summary>
        public T Value => Task.Result;

        /// <summary>Why the work failed (the exception it threw, an <see cref="OperationCanceledException"/> when cancelled), or null.</summary>
        public Exception? Error =>
            Task.IsCanceled ? new OperationCanceledException() : Task.Exception?.InnerExceptions.Count == 1 ? Task.Exception.InnerException : Task.Exception;
    }
}
