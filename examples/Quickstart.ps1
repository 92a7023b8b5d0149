<#
.SYNOPSIS
    IntegrationTools quickstart: set up a REST API and an HTTP API with a few integrations on an API Gateway
    endpoint (a local moto server by default), then read them back with the module's cmdlets.

.DESCRIPTION
    The APIs and their integrations are created with the AWS CLI (`aws`), the same way they would be set up by
    hand; the module's Get-RestIntegration and Get-ApiIntegration then read them and show them through the
    module's table and list views.

    Run it against a local moto server, never against a real account:
        python3 -m moto.server -H 127.0.0.1 -p 5000
        $env:AWS_ACCESS_KEY_ID = 'testing'; $env:AWS_SECRET_ACCESS_KEY = 'testing'
        ./examples/Quickstart.ps1 -EndpointUrl http://127.0.0.1:5000
    On a machine without pwsh, ./quickstart.sh runs it in the hosted engine with moto started for you.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)]
    [string] $EndpointUrl,

    [string] $Region = 'us-east-1'
)

$ErrorActionPreference = 'Stop'

function Say([string] $Text) {
    # $Host.UI works in every host, including the bare hosted engine that ./quickstart.sh uses.
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
$null = Invoke-Aws apigateway put-integration --rest-api-id $restApiId --resource-id $petsId --http-method GET `
    --type MOCK --request-templates '{"application/json": "{\"statusCode\": 200}"}' --query type
$null = Invoke-Aws apigateway put-integration --rest-api-id $restApiId --resource-id $petsId --http-method POST `
    --type HTTP_PROXY --integration-http-method POST --uri 'https://petstore.example.com/pets' --query type
$lambda = "arn:aws:apigateway:${Region}:lambda:path/2015-03-31/functions/arn:aws:lambda:${Region}:123456789012:function:get-pet/invocations"
$null = Invoke-Aws apigateway put-integration --rest-api-id $restApiId --resource-id $petId --http-method GET `
    --type AWS_PROXY --integration-http-method POST --uri $lambda --query type

Say "== Setting up an HTTP API (API Gateway v2) with the AWS CLI"
$apiId = Invoke-Aws apigatewayv2 create-api --name 'quickstart-orders' --protocol-type HTTP --query ApiId
$null = Invoke-Aws apigatewayv2 create-integration --api-id $apiId --integration-type AWS_PROXY `
    --integration-uri "arn:aws:lambda:${Region}:123456789012:function:orders" --payload-format-version 2.0 --query IntegrationId
$null = Invoke-Aws apigatewayv2 create-integration --api-id $apiId --integration-type HTTP_PROXY `
    --integration-method GET --integration-uri 'https://orders.example.com/{proxy}' --payload-format-version 1.0 --query IntegrationId

Say ""
Say "== Get-RestIntegration -RestApiId $restApiId   (every integration of the REST API)"
Get-RestIntegration -RestApiId $restApiId -EndpointUrl $EndpointUrl -Region $Region | Out-Default

Say "== Get-RestIntegration -ResourcePath '/pets/{id}' -HttpMethod GET   (one method, found by its path)"
$one = Get-RestIntegration -RestApiId $restApiId -ResourcePath '/pets/{id}' -HttpMethod GET -EndpointUrl $EndpointUrl -Region $Region
$one | Out-Default
Say "   backend: $($one.IntegrationHttpMethod) $($one.Uri)"

Say "== Get-ApiIntegration -ApiId $apiId   (every integration of the HTTP API)"
Get-ApiIntegration -ApiId $apiId -EndpointUrl $EndpointUrl -Region $Region | Out-Default

Say "== Piping: the HTTP API's integrations read again one by one from the objects of the first call"
Get-ApiIntegration -ApiId $apiId -EndpointUrl $EndpointUrl -Region $Region |
    Get-ApiIntegration -EndpointUrl $EndpointUrl -Region $Region |
    ForEach-Object { "{0}  {1,-10} {2}" -f $_.IntegrationId, $_.IntegrationType, $_.IntegrationUri } | Out-Default
