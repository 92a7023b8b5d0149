<#
.SYNOPSIS
    Applies the integrations of a JSON or YAML definitions file: run it with -WhatIf first, then without.

.DESCRIPTION
    Reads the definitions file with Import-IntegrationDefinition and sends each definition to the cmdlet that
    owns it:
      - a definition with RestApiId goes to Set-RestIntegration (REST API, creates or replaces the method's integration);
      - a definition with ApiId and IntegrationId goes to Set-ApiIntegration (changes that HTTP/WebSocket integration);
      - a definition with ApiId only goes to New-ApiIntegration (creates an HTTP/WebSocket integration).
    Each definition is checked by the cmdlet before anything is sent; a definition that fails is reported and the
    script goes on with the next one. The script returns one report object per definition (Index, Kind, Target,
    Cmdlet, Status, IntegrationId, Message): Status is WhatIf, Applied or Failed.

    -WhatIf and -Confirm are passed through to the module's cmdlets, which show the exact request they would send
    (What if: PUT /restapis/...) and change nothing. The script asks no questions of its own: the cmdlets do.

    Works in Windows PowerShell 5.1 and PowerShell 7 with the IntegrationTools module imported.

.PARAMETER Path
    The definitions file: .json, .yaml or .yml. A list of definitions, one definition, or an object with a
    'Definitions' list.

.PARAMETER EndpointUrl
    Passed to the module's cmdlets: the API Gateway endpoint to call instead of the region's (such as a local moto).

.PARAMETER Region
    Passed to the module's cmdlets: the AWS region of the APIs.

.PARAMETER ProfileName
    Passed to the module's cmdlets: the AWS credentials profile to use.

.EXAMPLE
    ./Import-IntegrationDefinitions.ps1 -Path ./integrations.yaml -WhatIf
    ./Import-IntegrationDefinitions.ps1 -Path ./integrations.yaml

    First shows what each definition would send, then applies them and reports each one.

.EXAMPLE
    $report = ./Import-IntegrationDefinitions.ps1 -Path ./integrations.json -Region eu-west-1 -ErrorAction SilentlyContinue
    $report | Where-Object Status -eq 'Failed'

    Applies the file unattended and lists the definitions that failed, with the reason.
#>
[CmdletBinding(SupportsShouldProcess = $true, ConfirmImpact = 'Medium')]
param(
    [Parameter(Mandatory = $true, Position = 0)]
    [string] $Path,

    [string] $EndpointUrl,

    [string] $Region,

    [string] $ProfileName
)

$session = @{}
foreach ($name in 'EndpointUrl', 'Region', 'ProfileName') {
    if ($PSBoundParameters.ContainsKey($name)) { $session[$name] = $PSBoundParameters[$name] }
}
# -WhatIf and -Confirm reach the cmdlets through $WhatIfPreference and $ConfirmPreference; say it explicitly.
$session['WhatIf'] = [bool]$WhatIfPreference

# A file that cannot be read or parsed stops the script before anything is applied.
$definitions = @(Import-IntegrationDefinition -LiteralPath $Path -ErrorAction Stop)
$PSCmdlet.WriteVerbose("$($definitions.Count) definitions in $Path")

function Get-Value($Definition, [string] $Name) {
    if ($Definition.ContainsKey($Name)) { [string]$Definition[$Name] } else { '' }
}

$index = 0
$counts = @{ WhatIf = 0; Applied = 0; Failed = 0 }
foreach ($definition in $definitions) {
    $index++
    $restApiId = Get-Value $definition 'RestApiId'
    $apiId = Get-Value $definition 'ApiId'
    $integrationId = Get-Value $definition 'IntegrationId'
    $report = [pscustomobject]@{
        Index         = $index
        Kind          = ''
        Target        = ''
        Cmdlet        = ''
        Status        = ''
        IntegrationId = $integrationId
        Message       = ''
    }
    $failures = $null
    $result = $null
    if ($restApiId) {
        $report.Kind = 'REST'
        $report.Cmdlet = 'Set-RestIntegration'
        $report.Target = ("restapi/$restApiId " + (Get-Value $definition 'ResourcePath') + (Get-Value $definition 'ResourceId') + ' ' + (Get-Value $definition 'HttpMethod')).Trim()
        try { $result = $definition | Set-RestIntegration @session -ErrorVariable failures -ErrorAction SilentlyContinue }
        catch { $failures = @($_) }
    }
    elseif ($apiId -and $integrationId) {
        $report.Kind = 'HTTP/WebSocket'
        $report.Cmdlet = 'Set-ApiIntegration'
        $report.Target = "api/$apiId integration/$integrationId"
        # Set-ApiIntegration takes the definition's members as parameters (only the ones given are changed).
        $parameters = @{}
        foreach ($key in $definition.Keys) { $parameters[$key] = $definition[$key] }
        try {
            $result = Set-ApiIntegration @parameters @session -PassThru -ErrorVariable failures -ErrorAction SilentlyContinue
        }
        catch {
            # A member that is not a parameter of Set-ApiIntegration stops the call before it starts.
            $failures = @($_)
        }
    }
    elseif ($apiId) {
        $report.Kind = 'HTTP/WebSocket'
        $report.Cmdlet = 'New-ApiIntegration'
        $report.Target = "api/$apiId"
        try { $result = $definition | New-ApiIntegration @session -ErrorVariable failures -ErrorAction SilentlyContinue }
        catch { $failures = @($_) }
    }
    else {
        $report.Kind = 'Unknown'
        $report.Status = 'Failed'
        $report.Message = 'The definition has neither RestApiId (REST API) nor ApiId (HTTP or WebSocket API).'
        $counts.Failed++
        $report
        continue
    }

    if ($failures -and @($failures).Count -gt 0) {
        $first = @($failures)[0]
        $report.Status = 'Failed'
        $report.Message = "$first [$($first.FullyQualifiedErrorId)]"
        # Keep the error in the error stream too, for -ErrorVariable and unattended runs.
        foreach ($failure in $failures) { $PSCmdlet.WriteError($failure) }
    }
    elseif ($WhatIfPreference) {
        $report.Status = 'WhatIf'
        $report.Message = 'Nothing was changed (-WhatIf).'
    }
    else {
        $report.Status = 'Applied'
        $one = @($result)[0]
        if ($one -and $one.IntegrationId) { $report.IntegrationId = $one.IntegrationId }
        # Type and Uri read alike on REST and HTTP/WebSocket integrations (the module's type data).
        $report.Message = "$($one.Type) $($one.Uri)".Trim()
    }
    $counts[$report.Status]++
    $report
}

$Host.UI.WriteLine("$($definitions.Count) definitions: $($counts.Applied) applied, $($counts.WhatIf) shown with -WhatIf, $($counts.Failed) failed.")
