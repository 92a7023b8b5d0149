using System.Diagnostics;
using System.Globalization;
using System.Threading;

namespace IntegrationTools.Commands
{
    /// <summary>
    /// The Write-Progress record of one command working through pipeline items: its own activity id, how many items are
    /// done, the current target, and the request rate (requests/s, every attempt counted by the wire client) since the
    /// first item. A pipeline's total is unknown, so PercentComplete stays -1 unless the caller knows a total.
    /// </summary>
    internal sealed class PipelineProgress
    {
        private static int _lastActivityId = 7000;
        private readonly int _activityId;
        private readonly string _activity;
        private string _target = "";
        private readonly Stopwatch _clock = new Stopwatch();
        private long _requestsAtStart;
        private int _done = -1;

        public PipelineProgress(string activity)
        {
            _activityId = Interlocked.Increment(ref _lastActivityId);
            _activity = activity;
        }

        public int ActivityId => _activityId;

        /// <summary>The record for the next item, <paramref name="target"/>; <paramref name="requests"/> is the wire client's count so far.</summary>
        public ProgressRecord Next(string target, long requests, int? position = null, int? total = null)
        {
            if (!_clock.IsRunning)
            {
                _clock.Start();
                _requestsAtStart = requests;
            }
            _done++;
            _target = target;
            // A new record each time: hosts and the progress stream keep the records they were given.
            return new ProgressRecord(_activityId, _activity, Status(requests))
            {
                RecordType = ProgressRecordType.Processing,
                CurrentOperation = target,
                PercentComplete = position.HasValue && total.HasValue && total.Value > 0
                    ? Math.Max(0, Math.Min(100, position.Value * 100 / total.Value))
                    : -1,
            };
        }

        /// <summary>The Completed record, or null when no item was shown.</summary>
        public ProgressRecord? Complete(long requests)
        {
            if (!_clock.IsRunning) return null;
            _done++;
            return new ProgressRecord(_activityId, _activity, Status(requests))
            {
                RecordType = ProgressRecordType.Completed,
                CurrentOperation = _target,
                PercentComplete = 100,
            };
        }

        private string Status(long requests)
        {
            var seconds = _clock.Elapsed.TotalSeconds;
            var sent = requests - _requestsAtStart;
            var rate = seconds >= 0.5 ? (sent / seconds).ToString("0.0", CultureInfo.InvariantCulture) : "-";
            return string.Format(CultureInfo.InvariantCulture, "{0} done, {1} requests/s ({2} requests sent)", _done, rate, sent);
        }
    }
}
