namespace IntegrationTools.Commands
{
    /// <summary>
    /// Base of Import-IntegrationDefinition and ConvertFrom-IntegrationDefinition, which read JSON or YAML definitions
    /// documents into hashtables without calling AWS: their -Format parameter.
    /// </summary>
    public abstract class DefinitionReaderCmdlet : PSCmdlet
    {
        #region Parameters

        /// <summary>Json or Yaml; Auto decides by the file extension, if there is one, then by the first character (JSON starts with { or [).</summary>
        [Parameter]
        [ValidateSet("Auto", "Json", "Yaml", IgnoreCase = true)]
        public string Format { get; set; } = "Auto";

        #endregion

        /// <summary>-Format as the engine's document reader takes it.</summary>
        private protected DefinitionFormat DocumentFormat => (DefinitionFormat)Enum.Parse(typeof(DefinitionFormat), Format, ignoreCase: true);
    }
}
