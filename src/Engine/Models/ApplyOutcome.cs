namespace IntegrationTools.Models
{
    /// <summary>
    /// What a changing cmdlet did with one definition, so a script can report it: Created (there was no integration),
    /// Updated (the live integration differed and was changed), Unchanged (it already matched: nothing was sent).
    /// </summary>
    public enum ApplyOutcome
    {
        Created,
        Updated,
        Unchanged,
    }
}
