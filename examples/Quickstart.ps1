<#
.SYNOPSIS
    IntegrationTools quickstart: set up a REST API and an HTTP API with a few integrations on an API Gateway
    endpoint (a local moto server by default), then read them back with the module's cmdlets.

.DESCRIPTION
    The APIs, their resources and methods are created with the AWS CLI (`aws`), because the module manages
    integrations only. Everything about integrations then goes through the module's cmdlets:
    Set-RestIntegration and Set-RestIntegrationResponse for the REST API, New-ApiIntegration, Set-ApiIntegration and
    Test-ApiIntegration for the HTTP API, and Get-RestIntegration and Get-ApiIntegration to read them back through
    the module's table and list views. (Update-RestIntegration, which sends a PATCH, is left out: moto does not
    implement it.)

    Run it against a local moto server, never against a real account:
        python3 -m moto.server -H 127.0.0.1 -p 5000
        $env:AWS_ACCESS_KEY_ID = 'testing'; $env:AWS_SECRET_ACCESS_KEY = 'testing'
        ./examples/Quickstart.ps1 -EndpointUrl http://127.0.0.1:5000
    ./quickstart.sh does all of this for you: it restores the pinned pwsh, builds the module, starts moto and runs
    this script.

.PARAMETER EndpointUrl
    The API Gateway endpoint to call: a local moto server.

.PARAMETER Region
    The region to use. Default: us-east-1.

.EXAMPLE
    ./examples/Quickstart.ps1 -EndpointUrl http://127.0.0.1:5000

    Sets up both APIs on the local moto server and shows their integrations.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)]
    [string] $EndpointUrl,

    [string] $Region = 'us-east-1'
)

$ErrorActionPreference = 'Stop'

function Say([string] $Text) {
    # $Host.UI writes to the console in every host, whatever the output stream is redirected to.
    $Host.UI.WriteLine($Text)
}

function Invoke-Aws {
    # The AWS CLI against the same endpoint; returns its text output (--output text).
    $output = & aws @args --endpoint-url $EndpointUrl --region $Region --output text
    if ($LASTEXITCODE -ne 0) { throw "aws $($args -join ' ') failed with exit code $LASTEXITCODE" }
    $output
}

Say "== Setting up a REST API (API Gateway v1) with the AWS CLI"
$restApiId = Invoke-Aws apigateway create-rest-api --name 'quickstart-pets' --query id
$rootId = Invoke-Aws apigateway get-resources --rest-api-id $restApiId --query 'items[0].id'
$petsId = Invoke-Aws apigateway create-resource --rest-api-id $restApiId --parent-id $rootId --path-part pets --query id
$petId = Invoke-Aws apigateway create-resource --rest-api-id $restApiId --parent-id $petsId --path-part '{id}' --query id
foreach ($m in @(@($petsId, 'GET'), @($petsId, 'POST'), @($petId, 'GET'))) {
    $null = Invoke-Aws apigateway put-method --rest-api-id $restApiId --resource-id $m[0] --http-method $m[1] --authorization-type NONE --query httpMethod
}
# The mock's integration response below maps onto this method response.
$null = Invoke-Aws apigateway put-method-response --rest-api-id $restApiId --resource-id $petsId --http-method GET --status-code 200 --query statusCode

# The session parameters every cmdlet of the module gets.
$session = @{ EndpointUrl = $EndpointUrl; Region = $Region }

Say "== Integrating the REST API's methods with Set-RestIntegration"
$null = Set-RestIntegration -RestApiId $restApiId -ResourcePath /pets -HttpMethod GET -Mock `
    -RequestTemplates @{ 'application/json' = '{"statusCode": 200}' } @session
$null = Set-RestIntegrationResponse -RestApiId $restApiId -ResourcePath /pets -HttpMethod GET -StatusCode 200 `
    -ResponseTemplates @{ 'application/json' = '[{"id": 1, "name": "Rex"}]' } @session
$post = Set-RestIntegration -RestApiId $restApiId -ResourcePath /pets -HttpMethod POST -HttpProxy `
    -Uri 'https://petstore.example.com/pets' -IntegrationHttpMethod POST @session
$again = Set-RestIntegration -RestApiId $restApiId -ResourcePath /pets -HttpMethod POST -HttpProxy `
    -Uri 'https://petstore.example.com/pets' -IntegrationHttpMethod POST @session
Say "   POST /pets: $($post.Outcome); the same definition applied again: $($again.Outcome) (nothing was sent)"
$null = Set-RestIntegration -RestApiId $restApiId -ResourcePath '/pets/{id}' -HttpMethod GET -LambdaProxy `
    -FunctionName "arn:aws:lambda:${Region}:123456789012:function:get-pet" @session

Say "== Setting up an HTTP API (API Gateway v2) with the AWS CLI"
$apiId = Invoke-Aws apigatewayv2 create-api --name 'quickstart-orders' --protocol-type HTTP --query ApiId

Say "== Checking two definitions offline with Test-ApiIntegration (no output means no findings)"
$definitions = @(
    @{ ApiId = $apiId; IntegrationType = 'AWS_PROXY'; IntegrationUri = "arn:aws:lambda:${Region}:123456789012:function:orders"; PayloadFormatVersion = '2.0' }
    @{ ApiId = $apiId; IntegrationType = 'HTTP_PROXY'; IntegrationMethod = 'GET'; IntegrationUri = 'https://orders.example.com/{proxy}'; PayloadFormatVersion = '1.0' }
)
$definitions | Test-ApiIntegration -ApiKind Api -ProtocolType HTTP | Out-Default

Say "== Creating the HTTP API's integrations with New-ApiIntegration, then changing one with Set-ApiIntegration"
$lambda = New-ApiIntegration -ApiId $apiId -FunctionArn "arn:aws:lambda:${Region}:123456789012:function:orders" -PayloadFormatVersion 2.0 @session
$proxy = New-ApiIntegration -ApiId $apiId -Url 'https://orders.example.com/{proxy}' -IntegrationMethod GET @session
$null = Set-ApiIntegration -ApiId $apiId -IntegrationId $proxy.IntegrationId -TimeoutInMillis 10000 -Description 'orders backend' @session

Say ""
Say "== Get-RestIntegration -RestApiId $restApiId   (every integration of the REST API)"
Get-RestIntegration -RestApiId $restApiId -EndpointUrl $EndpointUrl -Region $Region | Out-Default

Say "== Get-RestIntegration -ResourcePath '/pets/{id}' -HttpMethod GET   (one method, found by its path)"
$one = Get-RestIntegration -RestApiId $restApiId -ResourcePath '/pets/{id}' -HttpMethod GET -EndpointUrl $EndpointUrl -Region $Region
$one | Out-Default
Say "   backend: $($one.IntegrationHttpMethod) $($one.Uri)"

Say "== Get-RestIntegrationResponse -ResourcePath /pets -HttpMethod GET   (the mock's integration response)"
Get-RestIntegrationResponse -RestApiId $restApiId -ResourcePath /pets -HttpMethod GET -EndpointUrl $EndpointUrl -Region $Region | Out-Default

Say "== Get-ApiIntegration -ApiId $apiId   (every integration of the HTTP API)"
Get-ApiIntegration -ApiId $apiId -EndpointUrl $EndpointUrl -Region $Region | Out-Default

Say "== Piping: the HTTP API's integrations read again one by one from the objects of the first call"
Get-ApiIntegration -ApiId $apiId -EndpointUrl $EndpointUrl -Region $Region |
    Get-ApiIntegration -EndpointUrl $EndpointUrl -Region $Region |
    ForEach-Object { "{0}  {1,-10} {2}" -f $_.IntegrationId, $_.IntegrationType, $_.IntegrationUri } | Out-Default
