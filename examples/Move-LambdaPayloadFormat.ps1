<#
.SYNOPSIS
    Moves the Lambda proxy integrations of HTTP APIs from payload format 1.0 to 2.0.

.DESCRIPTION
    For each HTTP API given with -ApiId, reads its integrations (Get-ApiIntegration), picks the Lambda proxy
    integrations (AWS_PROXY to a Lambda function) that still use payload format version 1.0, and changes them to 2.0
    with Set-ApiIntegration -PayloadFormatVersion 2.0. Other integrations are left alone; WebSocket APIs are skipped
    (they only know 1.0).

    The functions must understand the 2.0 event (for example event.requestContext.http.method instead of
    event.httpMethod) before you move them: run the script with -WhatIf first to see which integrations it would
    change. -WhatIf and -Confirm are passed through to Set-ApiIntegration.

    The script returns one object per Lambda proxy integration it looked at (ApiId, IntegrationId, Uri, From, To,
    Status: Moved, WhatIf, AlreadyOn2.0 or Failed) and ends with a summary line.

    Works in Windows PowerShell 5.1 and PowerShell 7 with the IntegrationTools module imported.

.PARAMETER ApiId
    The ids of the HTTP APIs whose Lambda integrations to move. Accepts the ApiId property of piped objects.

.PARAMETER EndpointUrl
    Passed to the module's cmdlets: the API Gateway endpoint to call instead of the region's (such as a local moto).

.PARAMETER Region
    Passed to the module's cmdlets: the AWS region of the APIs.

.PARAMETER ProfileName
    Passed to the module's cmdlets: the AWS credentials profile to use.

.EXAMPLE
    ./Move-LambdaPayloadFormat.ps1 -ApiId a1b2c3d4 -WhatIf
    ./Move-LambdaPayloadFormat.ps1 -ApiId a1b2c3d4

    Shows which integrations would move, then moves them.

.EXAMPLE
    ./Move-LambdaPayloadFormat.ps1 -ApiId a1b2c3d4, e5f6g7h8 -Region eu-west-1 -Confirm

    Asks before changing each integration of the two APIs.
#>
[CmdletBinding(SupportsShouldProcess = $true, ConfirmImpact = 'Medium')]
param(
    [Parameter(Mandatory = $true, Position = 0, ValueFromPipelineByPropertyName = $true)]
    [string[]] $ApiId,

    [string] $EndpointUrl,

    [string] $Region,

    [string] $ProfileName
)

begin {
    $session = @{}
    foreach ($name in 'EndpointUrl', 'Region', 'ProfileName') {
        if ($PSBoundParameters.ContainsKey($name)) { $session[$name] = $PSBoundParameters[$name] }
    }
    $counts = @{ Moved = 0; WhatIf = 0; 'AlreadyOn2.0' = 0; Failed = 0; Other = 0; SkippedWebSocket = 0 }
}

process {
    foreach ($id in $ApiId) {
        $integrations = @(Get-ApiIntegration -ApiId $id @session)
        foreach ($integration in $integrations) {
            if ($integration.ProtocolType -eq 'WEBSOCKET') { $counts.SkippedWebSocket++; continue }
            # A Lambda proxy: AWS_PROXY without a subtype (a subtype means an AWS service action such as SQS-SendMessage).
            $isLambda = $integration.IntegrationType -eq 'AWS_PROXY' -and -not $integration.IntegrationSubtype -and
                $integration.IntegrationUri -like '*:lambda:*'
            if (-not $isLambda) { $counts.Other++; continue }

            $row = [pscustomobject]@{
                ApiId         = $integration.ApiId
                IntegrationId = $integration.IntegrationId
                Uri           = $integration.IntegrationUri
                From          = $integration.PayloadFormatVersion
                To            = $integration.PayloadFormatVersion
                Status        = 'AlreadyOn2.0'
                Message       = ''
            }
            if ($integration.PayloadFormatVersion -eq '2.0') { $counts['AlreadyOn2.0']++; $row; continue }

            $failures = $null
            try {
                $changed = $integration | Set-ApiIntegration -PayloadFormatVersion '2.0' -PassThru @session `
                    -WhatIf:([bool]$WhatIfPreference) -ErrorVariable failures -ErrorAction SilentlyContinue
            }
            catch {
                $failures = @($_)
            }
            if ($failures -and @($failures).Count -gt 0) {
                $row.Status = 'Failed'
                $row.Message = "$(@($failures)[0])"
                foreach ($failure in $failures) { $PSCmdlet.WriteError($failure) }
            }
            elseif ($WhatIfPreference) {
                $row.To = '2.0'
                $row.Status = 'WhatIf'
            }
            elseif ($changed) {
                $row.To = @($changed)[0].PayloadFormatVersion
                $row.Status = 'Moved'
            }
            else {
                # Declined at a -Confirm prompt: nothing was sent.
                $row.Status = 'Declined'
                $counts['Declined'] = 1 + [int]$counts['Declined']
                $row
                continue
            }
            $counts[$row.Status]++
            $row
        }
    }
}

end {
    $verb = if ($WhatIfPreference) { 'would move' } else { 'moved' }
    $moved = if ($WhatIfPreference) { $counts.WhatIf } else { $counts.Moved }
    $Host.UI.WriteLine("Lambda proxy integrations: $verb $moved to payload format 2.0, $($counts['AlreadyOn2.0']) already on 2.0, " +
        "$($counts.Failed) failed; $($counts.Other) other integrations and $($counts.SkippedWebSocket) WebSocket integrations left alone.")
}
