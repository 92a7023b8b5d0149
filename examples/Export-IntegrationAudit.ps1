<#
.SYNOPSIS
    Audits every integration of REST APIs and HTTP/WebSocket APIs: a table on screen and a CSV file.

.DESCRIPTION
    Reads the integrations of each REST API given with -RestApiId (Get-RestIntegration) and of each HTTP or WebSocket
    API given with -ApiId (Get-ApiIntegration), shows them on screen through the module's table views, and writes one
    CSV row per integration with the columns an audit needs: the kind of API, the API id, the method and path (REST),
    the integration id (HTTP/WebSocket), the integration type, the backend URI, the connection (VPC link), the
    credentials, the timeout and the payload format version.

    The CSV is written with Export-Csv where it exists; otherwise (a bare PowerShell host) with a small writer that
    quotes every value the same way, so the file is the same either way. An API that cannot be read is reported as
    an error and the audit goes on with the others.

    Works in Windows PowerShell 5.1 and PowerShell 7 with the IntegrationTools module imported.

.PARAMETER RestApiId
    The ids of the REST APIs (API Gateway v1) to audit.

.PARAMETER ApiId
    The ids of the HTTP and WebSocket APIs (API Gateway v2) to audit.

.PARAMETER Path
    The CSV file to write; an existing file is replaced. Default: integration-audit.csv in the current folder.

.PARAMETER PassThru
    Also return the audit rows as objects (for example to filter them further).

.PARAMETER EndpointUrl
    Passed to the module's cmdlets: the API Gateway endpoint to call instead of the region's (such as a local moto).

.PARAMETER Region
    Passed to the module's cmdlets: the AWS region of the APIs.

.PARAMETER ProfileName
    Passed to the module's cmdlets: the AWS credentials profile to use.

.EXAMPLE
    ./Export-IntegrationAudit.ps1 -RestApiId luldfldnii -ApiId a1b2c3d4 -Path ./audit.csv -Region eu-west-1

    Shows the integrations of both APIs as tables and writes them to ./audit.csv.

.EXAMPLE
    ./Export-IntegrationAudit.ps1 -ApiId a1b2c3d4 -PassThru | Where-Object { $_.TimeoutInMillis -gt 10000 }

    Audits an HTTP API and returns the integrations with a timeout above 10 seconds.
#>
[CmdletBinding()]
param(
    [string[]] $RestApiId = @(),

    [string[]] $ApiId = @(),

    [string] $Path = 'integration-audit.csv',

    [switch] $PassThru,

    [string] $EndpointUrl,

    [string] $Region,

    [string] $ProfileName
)

if ($RestApiId.Count -eq 0 -and $ApiId.Count -eq 0) {
    throw 'Give -RestApiId, -ApiId or both: the ids of the APIs to audit.'
}

# The session parameters go to every cmdlet of the module as they were given.
$session = @{}
foreach ($name in 'EndpointUrl', 'Region', 'ProfileName') {
    if ($PSBoundParameters.ContainsKey($name)) { $session[$name] = $PSBoundParameters[$name] }
}

function ConvertTo-CsvLine([string[]] $Values) {
    # Every value in double quotes, double quotes inside doubled: what Export-Csv writes.
    ($Values | ForEach-Object { '"' + ([string]$_).Replace('"', '""') + '"' }) -join ','
}

function Write-CsvFile([object[]] $Rows, [string[]] $Columns, [string] $File) {
    $lines = [System.Collections.Generic.List[string]]::new()
    $lines.Add((ConvertTo-CsvLine $Columns))
    foreach ($row in $Rows) {
        $lines.Add((ConvertTo-CsvLine ($Columns | ForEach-Object { $row.$_ })))
    }
    [System.IO.File]::WriteAllLines($File, $lines.ToArray(), [System.Text.UTF8Encoding]::new($false))
}

$columns = 'ApiKind', 'ApiId', 'Method', 'Path', 'IntegrationId', 'Type', 'Uri', 'ConnectionType', 'ConnectionId',
    'Credentials', 'TimeoutInMillis', 'PayloadFormatVersion'
$rows = [System.Collections.Generic.List[object]]::new()

foreach ($id in $RestApiId) {
    $integrations = @(Get-RestIntegration -RestApiId $id @session)
    if ($integrations.Count -eq 0) { continue }
    $integrations | Out-Host
    foreach ($i in $integrations) {
        # Path and Method are the module's friendly aliases of ResourcePath and HttpMethod.
        $rows.Add([pscustomobject]@{
            ApiKind              = 'REST'
            ApiId                = $i.RestApiId
            Method               = $i.Method
            Path                 = $i.Path
            IntegrationId        = ''
            Type                 = $i.Type
            Uri                  = $i.Uri
            ConnectionType       = $i.ConnectionType
            ConnectionId         = $i.ConnectionId
            Credentials          = $i.Credentials
            TimeoutInMillis      = $i.TimeoutInMillis
            PayloadFormatVersion = ''
        })
    }
}

foreach ($id in $ApiId) {
    $integrations = @(Get-ApiIntegration -ApiId $id @session)
    if ($integrations.Count -eq 0) { continue }
    $integrations | Out-Host
    foreach ($i in $integrations) {
        # Id, Type and Uri are the module's friendly aliases, so v2 integrations read like REST ones.
        $rows.Add([pscustomobject]@{
            ApiKind              = $i.ProtocolType
            ApiId                = $i.ApiId
            Method               = $i.IntegrationMethod
            Path                 = ''
            IntegrationId        = $i.Id
            Type                 = $i.Type
            Uri                  = $i.Uri
            ConnectionType       = $i.ConnectionType
            ConnectionId         = $i.ConnectionId
            Credentials          = $i.CredentialsArn
            TimeoutInMillis      = $i.TimeoutInMillis
            PayloadFormatVersion = $i.PayloadFormatVersion
        })
    }
}

$file = $PSCmdlet.GetUnresolvedProviderPathFromPSPath($Path)
$ordered = @($rows | ForEach-Object { $_ })
if (Get-Command -Name Export-Csv -ErrorAction Ignore) {
    $ordered | Export-Csv -LiteralPath $file -NoTypeInformation -Encoding UTF8
    if ($ordered.Count -eq 0) { Write-CsvFile @() $columns $file }
}
else {
    Write-CsvFile $ordered $columns $file
}

$rest = @($ordered | Where-Object { $_.ApiKind -eq 'REST' }).Count
$Host.UI.WriteLine("Audited $($ordered.Count) integrations ($rest of REST APIs, $($ordered.Count - $rest) of HTTP/WebSocket APIs) into $file")
if ($PassThru) { $ordered }
