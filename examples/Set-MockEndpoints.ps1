<#
.SYNOPSIS
    Wires REST API methods as MOCK integrations that answer 200, for a test stage.

.DESCRIPTION
    Sets up a MOCK integration (Set-RestIntegration -Mock, with the request template {"statusCode": 200}) and its 200
    integration response with a fixed body (Set-RestIntegrationResponse) on each method:
      - the methods given with -Method, such as 'GET /pets' or 'OPTIONS /pets/{id}' (an existing integration of such a
        method is replaced), or
      - without -Method, every method of the API that has no integration yet, so a fresh API answers on every route.

    Resources, methods and method responses are not the IntegrationTools module's business: the script uses the AWS
    CLI (aws) to list the API's methods and to add the 200 method response an integration response needs. Deploy the
    API to your test stage afterwards (aws apigateway create-deployment --rest-api-id ... --stage-name test).

    -WhatIf and -Confirm are passed through to the module's cmdlets. The script returns one object per method
    (Method, Path, Status: Mocked, WhatIf or Failed, Message) and ends with a summary line.

    Works in Windows PowerShell 5.1 and PowerShell 7 with the IntegrationTools module imported.

.PARAMETER RestApiId
    The id of the REST API.

.PARAMETER Method
    The methods to mock, each as 'HTTPMETHOD /path'. Without it: every method without an integration.

.PARAMETER ResponseBody
    The body the mock answers with (application/json). Default: {"mock": true}.

.PARAMETER EndpointUrl
    Passed to the module's cmdlets and the AWS CLI: the API Gateway endpoint to call instead of the region's.

.PARAMETER Region
    Passed to the module's cmdlets and the AWS CLI: the AWS region of the API.

.PARAMETER ProfileName
    Passed to the module's cmdlets and the AWS CLI: the AWS credentials profile to use.

.EXAMPLE
    ./Set-MockEndpoints.ps1 -RestApiId luldfldnii -WhatIf
    ./Set-MockEndpoints.ps1 -RestApiId luldfldnii

    Shows, then wires, a mock on every method of the API that has no integration yet.

.EXAMPLE
    ./Set-MockEndpoints.ps1 -RestApiId luldfldnii -Method 'GET /pets', 'GET /pets/{id}' -ResponseBody '{"id": 1, "name": "Rex"}'

    Replaces the integrations of two methods with mocks that answer a fixed pet.
#>
[CmdletBinding(SupportsShouldProcess = $true, ConfirmImpact = 'Medium')]
param(
    [Parameter(Mandatory = $true, Position = 0)]
    [string] $RestApiId,

    [string[]] $Method = @(),

    [string] $ResponseBody = '{"mock": true}',

    [string] $EndpointUrl,

    [string] $Region,

    [string] $ProfileName
)

$session = @{}
$cli = @()
foreach ($name in 'EndpointUrl', 'Region', 'ProfileName') {
    if ($PSBoundParameters.ContainsKey($name)) { $session[$name] = $PSBoundParameters[$name] }
}
if ($EndpointUrl) { $cli += '--endpoint-url', $EndpointUrl }
# The module also honours AWS_REGION; older AWS CLIs read only AWS_DEFAULT_REGION, so pass it on.
if ($Region) { $cli += '--region', $Region } elseif ($env:AWS_REGION) { $cli += '--region', $env:AWS_REGION }
if ($ProfileName) { $cli += '--profile', $ProfileName }

function Invoke-Aws {
    if (-not (Get-Command -Name aws -ErrorAction Ignore)) {
        throw 'This script needs the AWS CLI (aws) to list methods and add method responses: install it, or give -Method and add the method responses yourself.'
    }
    $output = & aws @args @cli --output text
    if ($LASTEXITCODE -ne 0) { throw "aws $($args -join ' ') failed with exit code $LASTEXITCODE" }
    $output
}

# What to mock: 'METHOD /path' pairs.
$targets = [System.Collections.Generic.List[object]]::new()
if ($Method.Count -gt 0) {
    foreach ($entry in $Method) {
        $parts = $entry.Trim() -split '\s+', 2
        if ($parts.Count -ne 2 -or -not $parts[1].StartsWith('/')) {
            throw "'$entry' is not a method: write it as 'GET /pets'."
        }
        $targets.Add([pscustomobject]@{ Method = $parts[0].ToUpperInvariant(); Path = $parts[1] })
    }
}
else {
    $integrated = @{}
    foreach ($i in @(Get-RestIntegration -RestApiId $RestApiId @session -ErrorAction Stop)) {
        $integrated["$($i.HttpMethod) $($i.ResourcePath)"] = $true
    }
    # One line per resource: its path, a tab, and its methods separated by commas.
    $lines = Invoke-Aws apigateway get-resources --rest-api-id $RestApiId --query 'items[].[path, join(`,`, keys(resourceMethods || `{}`))]'
    foreach ($line in @($lines)) {
        $fields = ([string]$line) -split "`t"
        if ($fields.Count -lt 2 -or -not $fields[1] -or $fields[1] -eq 'None') { continue }
        foreach ($m in $fields[1].Split(',')) {
            if (-not $integrated.ContainsKey("$m $($fields[0])")) {
                $targets.Add([pscustomobject]@{ Method = $m; Path = $fields[0] })
            }
        }
    }
}

$counts = @{ Mocked = 0; WhatIf = 0; Failed = 0 }
foreach ($target in $targets) {
    $row = [pscustomobject]@{ Method = $target.Method; Path = $target.Path; Status = ''; Message = '' }
    $failures = $null
    try {
        $where = @{ RestApiId = $RestApiId; ResourcePath = $target.Path; HttpMethod = $target.Method }
        $null = Set-RestIntegration @where @session -Mock -RequestTemplates @{ 'application/json' = '{"statusCode": 200}' } `
            -ErrorVariable failures -ErrorAction SilentlyContinue
        if (-not $failures) {
            # An integration response maps onto an existing method response with the same status code.
            if (-not $WhatIfPreference) {
                $resourceId = Invoke-Aws apigateway get-resources --rest-api-id $RestApiId --query "items[?path=='$($target.Path)'].id | [0]"
                $null = Invoke-Aws apigateway put-method-response --rest-api-id $RestApiId --resource-id $resourceId `
                    --http-method $target.Method --status-code 200 --query statusCode
            }
            $null = Set-RestIntegrationResponse @where @session -StatusCode 200 -ResponseTemplates @{ 'application/json' = $ResponseBody } `
                -ErrorVariable failures -ErrorAction SilentlyContinue
        }
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
        $row.Status = 'WhatIf'
        $row.Message = 'Nothing was changed (-WhatIf).'
    }
    else {
        $row.Status = 'Mocked'
        $row.Message = "MOCK, 200 answers $ResponseBody"
    }
    $counts[$row.Status]++
    $row
}

$Host.UI.WriteLine("REST API ${RestApiId}: $($counts.Mocked) methods mocked, $($counts.WhatIf) shown with -WhatIf, $($counts.Failed) failed.")
