using IntegrationTools.Models;

namespace IntegrationTools.Rules
{
    /// <summary>
    /// A rule's failing and passing example, and how to check one: what the docs show and what the catalog test runs, so
    /// the two cannot drift. Rules that need more than the definition (what the account holds, what TestInvokeMethod
    /// answered, the API's protocol) carry that as a state beside each example.
    /// </summary>
    internal sealed class RuleExample
    {
        private readonly Func<object?, IDictionary?, IEnumerable<Finding>> _check;

        public RuleExample(object? failing, object? passing, Func<object?, IDictionary?, IEnumerable<Finding>> check,
            IDictionary? failingState = null, IDictionary? passingState = null, string? stateLabel = null)
        {
            Failing = failing;
            Passing = passing;
            _check = check ?? throw new ArgumentNullException(nameof(check));
            FailingState = failingState;
            PassingState = passingState;
            StateLabel = stateLabel;
        }

        /// <summary>The input (usually a definition as a user would write it) on which the rule reports a finding.</summary>
        public object? Failing { get; }

        /// <summary>The input fixed (or the same input against a fixed state): the rule reports nothing.</summary>
        public object? Passing { get; }

        /// <summary>What else the check sees for the failing example (e.g. what the account holds), or null.</summary>
        public IDictionary? FailingState { get; }

        public IDictionary? PassingState { get; }

        /// <summary>What the state is, for the docs: "the account holds", "TestInvokeMethod answers".</summary>
        public string? StateLabel { get; }

        public IReadOnlyList<Finding> CheckFailing() => _check(Failing, FailingState).ToList();

        public IReadOnlyList<Finding> CheckPassing() => _check(Passing, PassingState).ToList();
    }
}
