using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;

namespace IntegrationTools.Commands
{
    /// <summary>
    /// Several items in flight (the changing cmdlets' -ThrottleLimit): an item is read, checked, compared and confirmed
    /// on the pipeline thread in ProcessRecord, and only its writes run as a task. What the command writes for an item
    /// (its object or its error) is written on the pipeline thread in input order, as the items at the head of the queue
    /// finish; an item waits for an in-flight item that holds a key it needs (the same method, integration or route)
    /// before it is planned. Ctrl+C cancels what is in flight, and one error names the items that were not done.
    /// </summary>
    public abstract partial class IntegrationToolsCmdlet
    {
        /// <summary>The default -ThrottleLimit: enough requests in flight to reach the management quota (10/s) at a 300 ms round trip.</summary>
        protected const int DefaultThrottleLimit = 8;

        private InFlightQueue<PendingWrite>? _queue;
        private readonly List<InFlightItem<PendingWrite>> _unwritten = new List<InFlightItem<PendingWrite>>();
        private readonly List<string> _stoppedWhilePlanned = new List<string>();
        private string _lastQueued = "";
        private bool _atHead;

        /// <summary>The item ProcessRecord is working on, for the error that names the items not done ("input 3 (restapi/abc /pets GET)").</summary>
        protected string ItemLabel { get; set; } = "";

        /// <summary>How many pipeline inputs this command has taken, the current one included (see <see cref="NextInput"/>).</summary>
        protected int InputNumber { get; private set; }

        /// <summary>"input 3": the current pipeline input, as errors and progress name it before its target is known.</summary>
        protected string InputName => $"input {InputNumber}";

        /// <summary>Takes the next pipeline input: counts it and labels it <see cref="InputName"/>.</summary>
        protected void NextInput()
        {
            InputNumber++;
            ItemLabel = InputName;
        }

        /// <summary>Labels the current input with its target once that is known: "input 3 (restapi/abc /pets GET)".</summary>
        protected void LabelInput(string target) => ItemLabel = $"{InputName} ({target})";

        /// <summary>How many items may have requests in flight at once: the -ThrottleLimit of the cmdlets that have it, else 1.</summary>
        protected virtual int InFlightLimit => 1;

        private InFlightQueue<PendingWrite> Queue => _queue ??= new InFlightQueue<PendingWrite>(InFlightLimit, CancellationToken);

        /// <summary>Writes <paramref name="sendToPipeline"/> after what the items before this one write (at once when none is in flight).</summary>
        protected new void WriteObject(object? sendToPipeline) => InOrder(() => base.WriteObject(sendToPipeline), done: true);

        /// <summary>Writes <paramref name="errorRecord"/> after what the items before this one write (at once when none is in flight).</summary>
        protected new void WriteError(ErrorRecord errorRecord) => InOrder(() => base.WriteError(errorRecord), done: false);

        /// <summary>
        /// Plans an item with <paramref name="plan"/> until no in-flight item holds a key the plan waits on
        /// (<paramref name="waits"/>): while one does, waits for it (writing what finished) and plans again, since the plan
        /// depends on what that item wrote.
        /// </summary>
        protected TPlan PlanWhenFree<TPlan>(Func<TPlan> plan, Func<TPlan, IEnumerable<string>> waits)
        {
            while (true)
            {
                var planned = plan();
                var keys = waits(planned).ToList();
                if (!Queue.Holds(keys)) return planned;
                Queue.WaitFor(keys);
                WriteFinished();
            }
        }

        /// <summary>
        /// Sends an item's writes as a task that holds <paramref name="holds"/> until it ends; <paramref name="written"/>
        /// writes its result, and a failure is the item's error (as in <see cref="RunForItem"/>), both on the pipeline thread in
        /// input order. Waits first for a free place when -ThrottleLimit items are in flight.
        /// </summary>
        protected void StartWrite<T>(IEnumerable<string> holds, Func<CancellationToken, Task<T>> work, Action<T> written,
            object target, Func<ApiGatewayException, string?>? recommendedAction)
        {
            Queue.Start(ItemLabel, holds, async ct =>
            {
                try
                {
                    var result = await work(ct).ConfigureAwait(false);
                    return new PendingWrite(() => written(result), done: true);
                }
                catch (Exception ex) when (!(ex is OperationCanceledException && ct.IsCancellationRequested))
                {
                    return new PendingWrite(() =>
                    {
                        if (!TryWriteFailure(ex, target, recommendedAction)) ExceptionDispatchInfo.Capture(ex).Throw();
                    }, done: false);
                }
            });
            _lastQueued = ItemLabel;
            WriteFinished();
        }

        /// <summary>Writes what the finished items at the head of the queue have to write.</summary>
        protected void WriteFinished()
        {
            if (_queue == null || CancellationToken.IsCancellationRequested) return;
            foreach (var item in _queue.TakeFinished()) Write(item);
            FlushWireLog();
        }

        /// <summary>Waits for every item still in flight and writes what each has to write; false when stopped meanwhile.</summary>
        private bool WriteRemaining()
        {
            if (_queue == null) return true;
            try
            {
                while (_queue.Count > 0)
                {
                    foreach (var item in _queue.TakeNext()) Write(item);
                    FlushWireLog();
                    if (CancellationToken.IsCancellationRequested) return false;
                }
                return true;
            }
            catch (OperationCanceledException) when (CancellationToken.IsCancellationRequested)
            {
                return false;
            }
        }

        /// <summary>Writes what a finished item has to write; one cancelled (Ctrl+C) is kept for the error that names it.</summary>
        private void Write(InFlightItem<PendingWrite> item)
        {
            if (!item.Succeeded || CancellationToken.IsCancellationRequested)
            {
                _unwritten.Add(item);
                return;
            }
            _atHead = true;
            try
            {
                item.Value.Write();
            }
            finally
            {
                _atHead = false;
            }
        }

        private void InOrder(Action write, bool done)
        {
            if (_atHead || _queue == null || _queue.Count == 0)
            {
                write();
                return;
            }
            WriteFinished();
            if (_queue.Count == 0)
            {
                write();
                return;
            }
            _queue.Add(ItemLabel, new PendingWrite(write, done));
            _lastQueued = ItemLabel;
        }

        /// <summary>Ctrl+C while the current item was planned or waited for a place: it is one of the items not done.</summary>
        private void StoppedWhilePlanned()
        {
            if (ItemLabel.Length > 0 && ItemLabel != _lastQueued) _stoppedWhilePlanned.Add(ItemLabel);
        }

        /// <summary>
        /// The end of the command (after its last item, after an error that ended it, or after Ctrl+C): items not written
        /// yet mean it did not get to finish them. What is in flight is cancelled, and one error (ErrorId
        /// {Cmdlet}Stopped, category OperationStopped, the labels of the items as its target) says which items were not done
        /// and which were done but not written. A stopped pipeline takes no more records, so the error is added to $Error
        /// and shown on the host's error line.
        /// </summary>
        public void Dispose()
        {
            _cancellation.Cancel();
            // Each item once, in input order; done only when everything it had to write was done.
            var items = _unwritten.Concat(_queue?.Abandon() ?? new List<InFlightItem<PendingWrite>>())
                .Select(i => (i.Label, Done: i.Succeeded && i.Value.Done))
                .Concat(_stoppedWhilePlanned.Select(label => (Label: label, Done: false)))
                .Where(i => i.Label.Length > 0)
                .GroupBy(i => i.Label)
                .Select(g => (Label: g.Key, Done: g.All(i => i.Done)))
                .ToList();
            if (items.Count > 0) ReportNotDone(items);
            foreach (var client in _retiredClients) client.Dispose();
            _retiredClients.Clear();
            GC.SuppressFinalize(this);
        }

        private void ReportNotDone(List<(string Label, bool Done)> items)
        {
            var notDone = items.Where(i => !i.Done).Select(i => i.Label).ToList();
            var notWritten = items.Where(i => i.Done).Select(i => i.Label).ToList();
            var name = MyInvocation.MyCommand.Name;
            var message = $"{name} was stopped before it was done with {notDone.Count} item{(notDone.Count == 1 ? "" : "s")}";
            if (notDone.Count > 0) message += ": " + string.Join(", ", notDone);
            message += ".";
            if (notWritten.Count > 0) message += $" Done, but not written to the pipeline: {string.Join(", ", notWritten)}.";
            var record = Failures.ForStopped(name, message, notDone.ToArray());
            try
            {
                if (SessionState.PSVariable.GetValue("Error") is ArrayList errors) errors.Insert(0, record);
                Host?.UI?.WriteErrorLine($"{name}: {message}");
            }
            catch (Exception ex) when (ex is PSInvalidOperationException || ex is InvalidOperationException || ex is NotSupportedException)
            {
                // The runspace is going away; nothing more can be told.
            }
        }
    }

    /// <summary>What an item has to write when its turn comes, and whether its work was done (false: it failed).</summary>
    internal sealed class PendingWrite
    {
        internal PendingWrite(Action write, bool done)
        {
            Write = write;
            Done = done;
        }

        internal Action Write { get; }

        internal bool Done { get; }
    }
}
