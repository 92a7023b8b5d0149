#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.5.0' }

# Definitions as ops scripts carry them: from files (JSON, CSV, YAML, the AWS CLI skeleton) and from the Get- cmdlets'
# own output, re-applied. Empty values count as not given whatever the source; Get- output of both API families
# re-applies as Unchanged, sending no write, after ConvertTo-Json/ConvertFrom-Json, Export-Csv/Import-Csv, YAML text
# read by ConvertFrom-IntegrationDefinition and Export-/Import-IntegrationDefinition (YAML and JSON), and copies to
# another API (REST: the same paths; HTTP and WebSocket: the same route keys).

BeforeDiscovery {
    $HasAwsCli = [bool](Get-Command -Name aws -ErrorAction Ignore)
    # Each protocol of HTTP and WebSocket APIs through each format of definitions files.
    $FileCases = foreach ($protocol in 'HTTP', 'WEBSOCKET') { foreach ($extension in 'yaml', 'json') { @{ Protocol = $protocol; Extension = $extension } } }
}

BeforeAll {
    Import-Module -Name (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $moto = Start-TestSuite
    $Endpoint = $moto.Endpoint
    $FunctionArn = 'arn:aws:lambda:us-east-1:123456789012:function:list-pets'

    # Every kind of REST integration moto stores, one per method of a new shop.
    function New-ShopWithEveryKind([string] $Name) {
        $shop = New-MotoShop -Name $Name -Endpoint $Endpoint
        $id = $shop.RestApiId
        $null = Set-RestIntegration -RestApiId $id -ResourcePath /pets -HttpMethod OPTIONS -Mock -EndpointUrl $Endpoint `
            -RequestTemplates @{ 'application/json' = '{"statusCode": 200}' } -PassthroughBehavior WHEN_NO_TEMPLATES
        $null = Set-RestIntegration -RestApiId $id -ResourcePath /pets -HttpMethod GET -Http -Uri 'https://search.example.com/find' `
            -IntegrationHttpMethod GET -RequestParameters @{ 'integration.request.querystring.term' = 'method.request.querystring.q' } `
            -CacheKeyParameters 'method.request.querystring.q' -TimeoutInMillis 5000 -EndpointUrl $Endpoint
        $null = Set-RestIntegration -RestApiId $id -ResourcePath '/pets/{petId}' -HttpMethod GET -HttpProxy -Uri 'https://pets.example.com/pets/{petId}' `
            -IntegrationHttpMethod GET -RequestParameters @{ 'integration.request.path.petId' = 'method.request.path.petId' } -EndpointUrl $Endpoint
        $null = Set-RestIntegration -RestApiId $id -ResourcePath /pets -HttpMethod POST -LambdaProxy -FunctionName $FunctionArn -EndpointUrl $Endpoint
        $null = Set-RestIntegration -RestApiId $id -ResourcePath '/pets/{petId}' -HttpMethod DELETE -Lambda -FunctionName $FunctionArn `
            -RequestTemplates @{ 'application/json' = '{"id": "$input.params(''petId'')"}' } -EndpointUrl $Endpoint
        $null = Set-RestIntegration -RestApiId $id -ResourcePath /orders -HttpMethod POST -AwsService -Service sqs -Action SendMessage `
            -IntegrationHttpMethod POST -Credentials 'arn:aws:iam::123456789012:role/apigw-sqs' -EndpointUrl $Endpoint
        return $shop
    }

    # Export-IntegrationDefinition to a file of the extension given, read back by Import-IntegrationDefinition.
    function Copy-ThroughFile([object[]] $Items, [string] $Extension) {
        $file = Join-Path $TestDrive "definitions-$([guid]::NewGuid()).$Extension"
        $Items | Export-IntegrationDefinition -Path $file
        Import-IntegrationDefinition -Path $file
    }

    # Applies definitions and returns the outputs and errors, and how many writes reached moto.
    function Invoke-Apply([object[]] $Definitions, [hashtable] $Parameters = @{}) {
        $errors = $null
        $output = @($Definitions | Set-RestIntegration -EndpointUrl $Endpoint @Parameters -ErrorVariable errors -ErrorAction SilentlyContinue)
        [pscustomobject]@{ Output = $output; Errors = @($errors) }
    }
}

AfterAll {
    Stop-TestSuite $moto
}

Describe 'Empty means not given' {

    It 'applies Import-Csv rows whose number, flag, map and list cells are blank' {
        $shop = New-MotoShop -Name 'empty-csv' -Endpoint $Endpoint
        $csv = @(
            'RestApiId,ResourcePath,HttpMethod,Type,IntegrationHttpMethod,Uri,TimeoutInMillis,InsecureSkipVerification,RequestParameters,CacheKeyParameters,Credentials'
            "$($shop.RestApiId),/pets,GET,HTTP_PROXY,GET,https://search.example.com/find,,,,,"
            "$($shop.RestApiId),/pets,OPTIONS,MOCK,,,,,{},[],"
        ) | ConvertFrom-Csv
        $csv[0].TimeoutInMillis | Should -BeExactly ''
        $run = Invoke-Apply $csv
        $run.Errors | Should -HaveCount 0
        $run.Output.Outcome | Should -Be @('Created', 'Created')
        $stored = Get-MotoRestIntegration -RestApiId $shop.RestApiId -ResourceId $shop.PetsId -HttpMethod GET -Endpoint $Endpoint
        $stored.uri | Should -BeExactly 'https://search.example.com/find'
        ConvertTo-Json -InputObject $stored.requestParameters -Compress | Should -BeIn @('null', '{}')
        $stored.PSObject.Properties['timeoutInMillis'].Value | Should -BeIn @($null, 29000)
    }

    It 'applies JSON whose members are "", {} and [] whatever their type' {
        $shop = New-MotoShop -Name 'empty-json' -Endpoint $Endpoint
        $json = @"
{ "restApiId": "$($shop.RestApiId)", "resourcePath": "/pets", "httpMethod": "GET", "type": "HTTP_PROXY",
  "integrationHttpMethod": "GET", "uri": "https://search.example.com/find", "timeoutInMillis": "",
  "tlsConfig": { "insecureSkipVerification": "" }, "requestParameters": "", "requestTemplates": {},
  "cacheKeyParameters": [], "connectionId": "", "contentHandling": null }
"@
        $run = Invoke-Apply @($json | ConvertFrom-Json)
        $run.Errors | Should -HaveCount 0
        $run.Output[0].Outcome | Should -Be 'Created'
        $stored = Get-MotoRestIntegration -RestApiId $shop.RestApiId -ResourceId $shop.PetsId -HttpMethod GET -Endpoint $Endpoint
        $stored.uri | Should -BeExactly 'https://search.example.com/find'
        $stored.PSObject.Properties['contentHandling'].Value | Should -BeNullOrEmpty
    }

    It 'Example 7 of Set-RestIntegration works as written, with the placeholders it names deleted' -Skip:(-not $HasAwsCli) {
        $shop = New-MotoShop -Name 'empty-skeleton' -Endpoint $Endpoint
        $file = Join-Path $TestDrive 'integration.json'
        aws apigateway put-integration --generate-cli-skeleton > $file
        # In integration.json, fill in restApiId, resourceId, httpMethod, type, integrationHttpMethod and uri ...
        $s = Get-Content $file -Raw | ConvertFrom-Json
        $s.restApiId = $shop.RestApiId; $s.resourceId = $shop.PetsId; $s.httpMethod = 'GET'
        $s.type = 'HTTP'; $s.integrationHttpMethod = 'GET'; $s.uri = 'https://pets.example.com/pets'
        # ... then delete the skeleton's placeholders the help names.
        foreach ($name in 'timeoutInMillis', 'tlsConfig', 'connectionType', 'contentHandling', 'responseTransferMode') { $s.PSObject.Properties.Remove($name) }
        $s.requestParameters.PSObject.Properties.Remove('KeyName')
        $s.requestTemplates.PSObject.Properties.Remove('KeyName')
        $s.cacheKeyParameters = @()
        $s | ConvertTo-Json -Depth 5 | Set-Content $file

        $result = @(Get-Content $file -Raw | ConvertFrom-Json | Set-RestIntegration -EndpointUrl $Endpoint)

        $result | Should -HaveCount 1
        $result[0].Type | Should -BeExactly 'HTTP'
        $result[0].ResourcePath | Should -BeExactly '/pets'
        $stored = Get-MotoRestIntegration -RestApiId $shop.RestApiId -ResourceId $shop.PetsId -HttpMethod GET -Endpoint $Endpoint
        $stored.uri | Should -BeExactly 'https://pets.example.com/pets'
    }

    It 'refuses the skeleton with its placeholders left in: they are values, not blanks' -Skip:(-not $HasAwsCli) {
        $shop = New-MotoShop -Name 'empty-placeholders' -Endpoint $Endpoint
        $s = (aws apigateway put-integration --generate-cli-skeleton) -join "`n" | ConvertFrom-Json
        $s.restApiId = $shop.RestApiId; $s.resourceId = $shop.PetsId; $s.httpMethod = 'GET'
        $s.type = 'HTTP'; $s.integrationHttpMethod = 'GET'; $s.uri = 'https://pets.example.com/pets'
        $run = Invoke-Apply @($s)
        $run.Output | Should -HaveCount 0
        $run.Errors | Should -HaveCount 1
        $run.Errors[0].FullyQualifiedErrorId | Should -BeExactly 'SetRestIntegrationInvalidDefinition,IntegrationTools.Commands.SetRestIntegrationCommand'
        $run.Errors[0].ToString() | Should -Not -Match 'IT0003'
        Get-MotoRestIntegration -RestApiId $shop.RestApiId -ResourceId $shop.PetsId -HttpMethod GET -Endpoint $Endpoint | Should -BeNullOrEmpty
    }
}

Describe 'Get-RestIntegration output re-applied' {

    BeforeAll {
        $source = New-ShopWithEveryKind 'round-source'
        $kinds = @(Get-RestIntegration -RestApiId $source.RestApiId -EndpointUrl $Endpoint)
    }

    It 'covers every kind of REST integration moto stores' {
        @($kinds.Type | Sort-Object -Unique) | Should -Be @('AWS', 'AWS_PROXY', 'HTTP', 'HTTP_PROXY', 'MOCK')
        $kinds | Should -HaveCount 6
    }

    It 'is Unchanged as it is (<Case>)' -ForEach @(
        @{ Case = 'the objects themselves'; Copy = { param($items) $items } }
        @{ Case = 'ConvertTo-Json | ConvertFrom-Json'; Copy = { param($items) $items | ConvertTo-Json -Depth 6 | ConvertFrom-Json } }
        @{ Case = 'Export-Csv | Import-Csv'; Copy = { param($items) $file = Join-Path $TestDrive 'integrations.csv'; $items | Export-Csv -LiteralPath $file -NoTypeInformation; Import-Csv -LiteralPath $file } }
        @{ Case = 'Export-IntegrationDefinition x.yaml, Import-IntegrationDefinition x.yaml'; Copy = { param($items) Copy-ThroughFile $items 'yaml' } }
        @{ Case = 'Export-IntegrationDefinition x.json, Import-IntegrationDefinition x.json'; Copy = { param($items) Copy-ThroughFile $items 'json' } }
    ) {
        $copies = @(& $Copy $kinds)
        $copies | Should -HaveCount 6
        $run = Invoke-Apply $copies -Parameters @{ Verbose = $false }
        $run.Errors | ForEach-Object { $_.ToString() } | Should -BeNullOrEmpty
        @($run.Output.Outcome | Sort-Object -Unique) | Should -Be @('Unchanged')
        $run.Output | Should -HaveCount 6
    }

    It 'writes the maps and lists as JSON cells that read back, and the alias columns Path and Method' {
        $file = Join-Path $TestDrive 'audit.csv'
        $kinds | Export-Csv -LiteralPath $file -NoTypeInformation
        $rows = @(Import-Csv -LiteralPath $file)
        $get = $rows | Where-Object { $_.HttpMethod -eq 'GET' -and $_.ResourcePath -eq '/pets' }
        $get.Path | Should -BeExactly '/pets'
        $get.Method | Should -BeExactly 'GET'
        ($get.RequestParameters | ConvertFrom-Json).'integration.request.querystring.term' | Should -BeExactly 'method.request.querystring.q'
        $cacheKeys = @(($kinds | Where-Object { $_.HttpMethod -eq 'GET' -and $_.ResourcePath -eq '/pets' }).CacheKeyParameters)
        $get.CacheKeyParameters | Should -BeExactly $(if ($cacheKeys.Count) { ConvertTo-Json -InputObject $cacheKeys -Compress } else { '' })
        # A fresh output object given two cache key parameters (moto does not keep them): its list is written as JSON.
        $made = Get-RestIntegration -RestApiId $source.RestApiId -ResourcePath /pets -HttpMethod GET -EndpointUrl $Endpoint
        $made.CacheKeyParameters.Clear()
        $made.CacheKeyParameters.AddRange([string[]] @('method.request.querystring.q', 'method.request.header.x-trace'))
        ($made | Export-Csv -LiteralPath (Join-Path $TestDrive 'list.csv') -NoTypeInformation)
        (Import-Csv -LiteralPath (Join-Path $TestDrive 'list.csv')).CacheKeyParameters | Should -BeExactly '["method.request.querystring.q","method.request.header.x-trace"]'
        ($rows | Where-Object Type -EQ 'AWS_PROXY').RequestParameters | Should -BeExactly ''
    }

    It 'copies the integrations to another API with the same paths (<Case>), then is Unchanged there' -ForEach @(
        @{ Case = 'Get- output'; Copy = { param($items) $items } }
        @{ Case = 'JSON'; Copy = { param($items) $items | ConvertTo-Json -Depth 6 | ConvertFrom-Json } }
        @{ Case = 'CSV'; Copy = { param($items) $file = Join-Path $TestDrive 'copy.csv'; $items | Export-Csv -LiteralPath $file -NoTypeInformation; Import-Csv -LiteralPath $file } }
        @{ Case = 'YAML file'; Copy = { param($items) Copy-ThroughFile $items 'yaml' } }
        @{ Case = 'JSON file'; Copy = { param($items) Copy-ThroughFile $items 'json' } }
    ) {
        $target = New-MotoShop -Name "round-target-$Case" -Endpoint $Endpoint
        $first = Invoke-Apply @(& $Copy $kinds) -Parameters @{ RestApiId = $target.RestApiId }
        $first.Errors | ForEach-Object { $_.ToString() } | Should -BeNullOrEmpty
        @($first.Output.Outcome | Sort-Object -Unique) | Should -Be @('Created')
        @($first.Output.RestApiId | Sort-Object -Unique) | Should -Be @($target.RestApiId)
        $copied = @(Get-RestIntegration -RestApiId $target.RestApiId -EndpointUrl $Endpoint)
        ($copied | ForEach-Object { "$($_.ResourcePath) $($_.HttpMethod) $($_.Type) $($_.Uri)" } | Sort-Object) |
            Should -Be ($kinds | ForEach-Object { "$($_.ResourcePath) $($_.HttpMethod) $($_.Type) $($_.Uri)" } | Sort-Object)
        $again = Invoke-Apply @(& $Copy $kinds) -Parameters @{ RestApiId = $target.RestApiId }
        @($again.Output.Outcome | Sort-Object -Unique) | Should -Be @('Unchanged')
        # The source API was not touched: its integrations are as they were.
        @(Get-RestIntegration -RestApiId $source.RestApiId -EndpointUrl $Endpoint).Count | Should -Be 6
    }
}

Describe 'Definitions files written by Export-IntegrationDefinition' {

    BeforeAll {
        $source = New-ShopWithEveryKind 'file-source'
        $kinds = @(Get-RestIntegration -RestApiId $source.RestApiId -EndpointUrl $Endpoint)
    }

    It 'hold exactly what re-applies: the targets and the fields with values, no ids, echoes, empties or defaults' {
        $file = Join-Path $TestDrive 'every-kind.json'
        $kinds | Export-IntegrationDefinition -Path $file
        $written = @(Get-Content -LiteralPath $file -Raw | ConvertFrom-Json)
        $written | Should -HaveCount 6
        $keys = @($written | ForEach-Object { $_.PSObject.Properties.Name } | Sort-Object -Unique)
        foreach ($left in 'ResourceId', 'Outcome', 'IntegrationResponses', 'Path', 'Method', 'CacheNamespace', 'ConnectionType') { $keys | Should -Not -Contain $left }
        $written | ForEach-Object { @($_.PSObject.Properties.Name)[0..2] | Should -Be @('RestApiId', 'ResourcePath', 'HttpMethod') }
        $get = $written | Where-Object { $_.HttpMethod -eq 'GET' -and $_.ResourcePath -eq '/pets' }
        $get.TimeoutInMillis | Should -Be 5000
        $get.RequestParameters.'integration.request.querystring.term' | Should -BeExactly 'method.request.querystring.q'
        ($written | Where-Object Type -EQ 'MOCK').PassthroughBehavior | Should -BeExactly 'WHEN_NO_TEMPLATES'
        # The same integrations write the same text again.
        $again = Join-Path $TestDrive 'every-kind-again.json'
        Get-RestIntegration -RestApiId $source.RestApiId -EndpointUrl $Endpoint | Export-IntegrationDefinition -Path $again
        Get-Content -LiteralPath $again -Raw | Should -BeExactly (Get-Content -LiteralPath $file -Raw)
    }

    It 'carry REST integration responses that Set-RestIntegrationResponse re-creates in another API' {
        Set-MotoIntegrationResponse -RestApiId $source.RestApiId -ResourceId $source.PetsId -HttpMethod GET -StatusCode 200 -Body @{
            responseTemplates = @{ 'application/json' = '{"found": true}' } }
        Set-MotoIntegrationResponse -RestApiId $source.RestApiId -ResourceId $source.PetsId -HttpMethod GET -StatusCode 404 -Body @{ selectionPattern = 'Not found.*' }
        $responses = @(Get-RestIntegrationResponse -RestApiId $source.RestApiId -ResourcePath /pets -HttpMethod GET -EndpointUrl $Endpoint)
        $responses | Should -HaveCount 2
        $target = New-MotoShop -Name 'file-responses-target' -Endpoint $Endpoint
        $null = Copy-ThroughFile $kinds 'yaml' | Set-RestIntegration -RestApiId $target.RestApiId -EndpointUrl $Endpoint -ErrorAction Stop

        $copied = @(Copy-ThroughFile $responses 'yaml' | Set-RestIntegrationResponse -RestApiId $target.RestApiId -EndpointUrl $Endpoint -ErrorAction Stop)

        $copied | Should -HaveCount 2
        $read = @(Get-RestIntegrationResponse -RestApiId $target.RestApiId -ResourcePath /pets -HttpMethod GET -EndpointUrl $Endpoint | Sort-Object StatusCode)
        @($read.StatusCode) | Should -Be @('200', '404')
        $read[0].ResponseTemplates['application/json'] | Should -BeExactly '{"found": true}'
        $read[1].SelectionPattern | Should -BeExactly 'Not found.*'
    }
}

Describe 'HTTP and WebSocket integrations through definitions files' {

    BeforeAll {
        # Every kind of HTTP API integration (Lambda proxy, HTTP proxy, AWS service, private over a VPC link) and of
        # WebSocket API integration (MOCK, HTTP, Lambda proxy), with the members each kind takes.
        function New-ApiWithEveryKind([string] $Name, [string] $Protocol) {
            $api = New-MotoApi -Name $Name -ProtocolType $Protocol -Endpoint $Endpoint
            $bodies = if ($Protocol -eq 'HTTP') {
                $link = New-MotoVpcLink -Name "$Name-link" -Endpoint $Endpoint
                @{ integrationType = 'AWS_PROXY'; integrationUri = 'arn:aws:lambda:us-east-1:123456789012:function:orders'; payloadFormatVersion = '2.0'; description = 'orders'; timeoutInMillis = 10000 }
                @{ integrationType = 'HTTP_PROXY'; integrationMethod = 'GET'; integrationUri = 'https://orders.example.com/{proxy}'; payloadFormatVersion = '1.0'
                    requestParameters = @{ 'overwrite:header.x-source' = '$context.requestId' }; responseParameters = @{ '404' = @{ 'overwrite:statuscode' = '410' } } }
                @{ integrationType = 'AWS_PROXY'; integrationSubtype = 'SQS-SendMessage'; payloadFormatVersion = '1.0'; credentialsArn = 'arn:aws:iam::123456789012:role/apigw-sqs'
                    requestParameters = @{ QueueUrl = 'https://sqs.us-east-1.amazonaws.com/123456789012/orders'; MessageBody = '$request.body' } }
                @{ integrationType = 'HTTP_PROXY'; integrationMethod = 'ANY'; connectionType = 'VPC_LINK'; connectionId = $link; payloadFormatVersion = '1.0'
                    integrationUri = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/orders/50dc6c495c0c9188/0467ef3c8400ae65'; tlsConfig = @{ serverNameToVerify = 'orders.internal.example.com' } }
            }
            else {
                # Each with a timeout: moto fills in 30,000 ms, which AWS allows only on HTTP APIs (it fills in 29,000 here).
                @{ integrationType = 'MOCK'; requestTemplates = @{ '200' = '{"statusCode": 200}' }; templateSelectionExpression = '200'; timeoutInMillis = 29000 }
                @{ integrationType = 'HTTP'; integrationMethod = 'POST'; integrationUri = 'https://chat.example.com/messages'; passthroughBehavior = 'WHEN_NO_TEMPLATES'
                    contentHandlingStrategy = 'CONVERT_TO_TEXT'; requestTemplates = @{ 'application/json' = "{`n  `"text`": `$input.json('`$.text')`n}" }; timeoutInMillis = 20000 }
                @{ integrationType = 'AWS_PROXY'; integrationMethod = 'POST'; timeoutInMillis = 15000
                    integrationUri = 'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:chat/invocations' }
            }
            foreach ($body in $bodies) { $null = New-MotoApiIntegration -ApiId $api -Body $body -Endpoint $Endpoint }
            return $api
        }

        # The export of an API's integrations without its id, one line per integration, sorted: what "equivalent" means.
        function Get-Equivalent([string] $ApiId) {
            $file = Join-Path $TestDrive "equivalent-$ApiId.json"
            Get-ApiIntegration -ApiId $ApiId -EndpointUrl $Endpoint | Export-IntegrationDefinition -Path $file
            @(Get-Content -LiteralPath $file -Raw | ConvertFrom-Json) | ForEach-Object {
                $_.PSObject.Properties.Remove('ApiId')
                $_ | ConvertTo-Json -Depth 5 -Compress
            } | Sort-Object
        }
    }

    It 'checks a <Protocol> API''s exported integrations without unknown fields (<Extension>)' -ForEach $FileCases {
        $api = New-ApiWithEveryKind "file-check-$Protocol-$Extension" $Protocol
        $definitions = @(Copy-ThroughFile @(Get-ApiIntegration -ApiId $api -EndpointUrl $Endpoint) $Extension)
        $definitions | Should -HaveCount $(if ($Protocol -eq 'HTTP') { 4 } else { 3 })
        $definitions | ForEach-Object { $_.Keys | Should -Not -Contain 'IntegrationId' }
        $findings = @($definitions | Test-ApiIntegration -EndpointUrl $Endpoint)
        @($findings | Where-Object { $_.RuleId -like 'IT000*' -or $_.Severity -eq 'Error' } | ForEach-Object { "$($_.RuleId) $($_.Field): $($_.Message)" }) | Should -BeNullOrEmpty
    }

    It 'recreates a <Protocol> API''s integrations in another API with New-ApiIntegration -ApiId (<Extension>)' -ForEach $FileCases {
        $source = New-ApiWithEveryKind "file-source-$Protocol-$Extension" $Protocol
        $target = New-MotoApi -Name "file-target-$Protocol-$Extension" -ProtocolType $Protocol -Endpoint $Endpoint
        $definitions = @(Copy-ThroughFile @(Get-ApiIntegration -ApiId $source -EndpointUrl $Endpoint) $Extension)

        $created = @($definitions | New-ApiIntegration -ApiId $target -EndpointUrl $Endpoint -ErrorVariable failed -ErrorAction SilentlyContinue)

        @($failed | ForEach-Object { "$_" }) | Should -BeNullOrEmpty
        @($created.Outcome | Sort-Object -Unique) | Should -Be @('Created')
        $expected = @(Get-Equivalent $source)
        $expected | Should -HaveCount $definitions.Count
        @(Get-Equivalent $target) | Should -Be $expected
        # Not a comparison of nothing: the exports hold the members each kind was given.
        ($expected -join "`n") | Should -Match $(if ($Protocol -eq 'HTTP') { 'serverNameToVerify|ServerNameToVerify' } else { 'TemplateSelectionExpression' })
    }
}

Describe 'Get-ApiIntegration output read back' {

    It 'is checked without unknown fields after <Case>' -ForEach @(
        @{ Case = 'ConvertTo-Json | ConvertFrom-Json'; Copy = { param($items) $items | ConvertTo-Json -Depth 6 | ConvertFrom-Json } }
        @{ Case = 'Export-Csv | Import-Csv'; Copy = { param($items) $file = Join-Path $TestDrive 'api.csv'; $items | Export-Csv -LiteralPath $file -NoTypeInformation; Import-Csv -LiteralPath $file } }
    ) {
        $orders = New-OrdersHttpApi -Name "round-http-$Case" -Endpoint $Endpoint
        $copies = @(& $Copy @(Get-ApiIntegration -ApiId $orders.ApiId -EndpointUrl $Endpoint))
        $copies | Should -HaveCount 2
        $copies[0].PSObject.Properties.Name | Should -Contain 'Uri'
        $findings = @($copies | Test-ApiIntegration -EndpointUrl $Endpoint)
        @($findings | Where-Object { $_.RuleId -like 'IT000*' }) | Should -HaveCount 0
    }
}

Describe 'Get-ApiIntegration output re-applied' {

    BeforeAll {
        $Listener = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/orders/50dc6c495c0c9188/0467ef3c8400ae65'
        $ChatFunction = 'arn:aws:lambda:us-east-1:123456789012:function:chat'
        $link = New-MotoVpcLink -Name 'round-link' -Endpoint $Endpoint

        # Every kind of HTTP API integration moto stores, some with routes.
        function New-HttpApiWithEveryKind([string] $Name) {
            $api = New-MotoApi -Name $Name -Endpoint $Endpoint
            $session = @{ ApiId = $api; EndpointUrl = $Endpoint }
            $null = New-ApiIntegration @session -FunctionArn $FunctionArn -PayloadFormatVersion 2.0 -RouteKey 'GET /pets', 'POST /pets'
            $null = New-ApiIntegration @session -Url 'https://search.example.com/{proxy}' -IntegrationMethod GET -TimeoutInMillis 8000 `
                -RequestParameters @{ 'overwrite:header.x-source' = '$context.requestId' } -ResponseParameters @{ '404' = @{ 'overwrite:statuscode' = '410' } } -RouteKey '$default'
            $null = New-ApiIntegration @session -ConnectionId $link -IntegrationUri $Listener -ServerNameToVerify orders.internal.example.com -Description 'private'
            $null = New-ApiIntegration @session -IntegrationSubtype SQS-SendMessage -CredentialsArn 'arn:aws:iam::123456789012:role/apigw-sqs' `
                -RequestParameters @{ QueueUrl = 'https://sqs.us-east-1.amazonaws.com/123456789012/orders'; MessageBody = '$request.body' }
            return $api
        }

        # Every kind of WebSocket API integration moto stores, some with routes. Each has its timeout: moto fills in 30,000 ms
        # for WebSocket integrations too, a value API Gateway refuses there (IT2014), so a copy of it could not be created.
        function New-WebSocketApiWithEveryKind([string] $Name) {
            $api = New-MotoApi -Name $Name -ProtocolType WEBSOCKET -Endpoint $Endpoint
            $session = @{ ApiId = $api; EndpointUrl = $Endpoint }
            $session['TimeoutInMillis'] = 29000
            $null = New-ApiIntegration @session -Mock -RequestTemplates @{ '$default' = '{"statusCode": 200}' } -TemplateSelectionExpression '\$default' -RouteKey '$connect'
            $null = New-ApiIntegration @session -Url https://chat.example.com/messages -IntegrationType HTTP -ContentHandlingStrategy CONVERT_TO_TEXT -RouteKey sendMessage
            $null = New-ApiIntegration @session -Url https://chat.example.com/relay -Proxy -IntegrationMethod PUT
            $null = New-ApiIntegration @session -FunctionArn $ChatFunction -IntegrationType AWS_PROXY -RouteKey '$default', '$disconnect'
            $null = New-ApiIntegration @session -FunctionArn $ChatFunction -IntegrationType AWS -PassthroughBehavior NEVER `
                -RequestTemplates @{ '$default' = '{"action": "$input.path(''$.action'')"}' }
            return $api
        }

        # YAML text of output objects, as a user would write it: a list of mappings, text single-quoted.
        function ConvertTo-TestYaml([object[]] $Items) {
            $quote = { param($text) "'" + ([string] $text).Replace("'", "''") + "'" }
            $lines = foreach ($item in $Items) {
                $first = $true
                foreach ($property in $item.PSObject.Properties | Where-Object { $_.MemberType -ne 'AliasProperty' }) {
                    $value = $property.Value
                    if ($null -eq $value -or ($value -is [System.Collections.ICollection] -and $value.Count -eq 0)) { continue }
                    $lead = if ($first) { '- ' } else { '  ' }
                    $first = $false
                    if ($value -is [System.Collections.IDictionary]) {
                        "$lead$($property.Name):"
                        foreach ($entry in $value.GetEnumerator()) {
                            if ($entry.Value -is [System.Collections.IDictionary]) {
                                "    $(& $quote $entry.Key):"
                                foreach ($inner in $entry.Value.GetEnumerator()) { "      $(& $quote $inner.Key): $(& $quote $inner.Value)" }
                            } else { "    $(& $quote $entry.Key): $(& $quote $entry.Value)" }
                        }
                    }
                    elseif ($value -is [System.Collections.IList]) { "$lead$($property.Name): [" + (($value | ForEach-Object { & $quote $_ }) -join ', ') + ']' }
                    elseif ($value -is [bool] -or $value -is [int]) { "$lead$($property.Name): $("$value".ToLowerInvariant())" }
                    else { "$lead$($property.Name): $(& $quote $value)" }
                }
            }
            $lines -join "`n"
        }

        function Copy-Definition([string] $Case, [object[]] $Items) {
            switch ($Case) {
                'Get- output' { $Items }
                'JSON' { $Items | ConvertTo-Json -Depth 6 | ConvertFrom-Json }
                'CSV' { $file = Join-Path $TestDrive "api-$([guid]::NewGuid()).csv"; $Items | Export-Csv -LiteralPath $file -NoTypeInformation; Import-Csv -LiteralPath $file }
                'YAML' { ConvertTo-TestYaml $Items | ConvertFrom-IntegrationDefinition -Format Yaml }
                # Definitions files hold no integration ids: the integrations are found again by route keys or backend.
                { $_ -in 'YAML file', 'JSON file' } {
                    $file = Join-Path $TestDrive ("api-$([guid]::NewGuid())." + $Case.Split(' ')[0].ToLowerInvariant())
                    $Items | Export-IntegrationDefinition -Path $file
                    Import-IntegrationDefinition -Path $file
                }
            }
        }

        # Applies definitions with -Verbose; the writes are the requests of the wire log that change something.
        function Invoke-ApiApply([object[]] $Definitions, [hashtable] $Parameters = @{}) {
            $run = Invoke-Captured { $Definitions | Set-ApiIntegration -EndpointUrl $Endpoint @Parameters -Verbose }
            $run | Add-Member -NotePropertyName Writes -NotePropertyValue @($run.Verbose | Where-Object { $_ -match '^(POST|PUT|PATCH|DELETE) ' }) -PassThru
        }

        $httpSource = New-HttpApiWithEveryKind 'round-http-source'
        $wsSource = New-WebSocketApiWithEveryKind 'round-ws-source'
        $http = @(Get-ApiIntegration -ApiId $httpSource -EndpointUrl $Endpoint)
        $ws = @(Get-ApiIntegration -ApiId $wsSource -EndpointUrl $Endpoint)
    }

    It 'covers every kind of HTTP and WebSocket integration moto stores, with their route keys' {
        @($http | ForEach-Object { "$($_.IntegrationType) $($_.IntegrationSubtype) $(if ($_.ConnectionId) { 'VPC_LINK' })".Trim() -replace '\s+', ' ' } | Sort-Object) |
            Should -Be @('AWS_PROXY', 'AWS_PROXY SQS-SendMessage', 'HTTP_PROXY', 'HTTP_PROXY VPC_LINK')
        @($ws.IntegrationType | Sort-Object) | Should -Be @('AWS', 'AWS_PROXY', 'HTTP', 'HTTP_PROXY', 'MOCK')
        @($http + $ws | ForEach-Object { $_.RouteKeys } | Sort-Object) | Should -Be @('$connect', '$default', '$default', '$disconnect', 'GET /pets', 'POST /pets', 'sendMessage')
    }

    It 'is Unchanged as it is and sends no write (<Case>)' -ForEach @(
        @{ Case = 'Get- output' }, @{ Case = 'JSON' }, @{ Case = 'CSV' }, @{ Case = 'YAML' }, @{ Case = 'YAML file' }, @{ Case = 'JSON file' }
    ) {
        $copies = @(Copy-Definition $Case ($http + $ws))
        $copies | Should -HaveCount 9
        $run = Invoke-ApiApply $copies
        $run.Errors | ForEach-Object { $_.ToString() } | Should -BeNullOrEmpty
        $run.Output | Should -HaveCount 9
        @($run.Output | ForEach-Object { "$($_.Outcome)" } | Sort-Object -Unique) | Should -Be @('Unchanged')
        $run.Writes | Should -HaveCount 0
        @($run.Output.IntegrationId | Sort-Object) | Should -Be @(($http + $ws).IntegrationId | Sort-Object)
    }

    It 'copies the integrations and their routes to another API (<Case>), then is Unchanged there with no write' -ForEach @(
        @{ Case = 'Get- output' }, @{ Case = 'JSON' }, @{ Case = 'CSV' }, @{ Case = 'YAML' }, @{ Case = 'YAML file' }, @{ Case = 'JSON file' }
    ) {
        $describe = { param($items) $items | ForEach-Object { "$($_.IntegrationType) $($_.IntegrationSubtype) $($_.IntegrationUri) [$($_.RouteKeys -join ',')]" } | Sort-Object }
        foreach ($pair in @(@{ Items = $http; Protocol = 'HTTP' }, @{ Items = $ws; Protocol = 'WEBSOCKET' })) {
            $target = New-MotoApi -Name "round-copy-$Case" -ProtocolType $pair.Protocol -Endpoint $Endpoint
            $first = Invoke-ApiApply @(Copy-Definition $Case $pair.Items) @{ ApiId = $target }
            $first.Errors | ForEach-Object { $_.ToString() } | Should -BeNullOrEmpty
            @($first.Output | ForEach-Object { "$($_.Outcome)" } | Sort-Object -Unique) | Should -Be @('Created')
            @($first.Output.ApiId | Sort-Object -Unique) | Should -Be @($target)
            $copied = @(Get-ApiIntegration -ApiId $target -EndpointUrl $Endpoint)
            (& $describe $copied) | Should -Be (& $describe $pair.Items)
            $again = Invoke-ApiApply @(Copy-Definition $Case $pair.Items) @{ ApiId = $target }
            $again.Errors | ForEach-Object { $_.ToString() } | Should -BeNullOrEmpty
            @($again.Output | ForEach-Object { "$($_.Outcome)" } | Sort-Object -Unique) | Should -Be @('Unchanged')
            $again.Writes | Should -HaveCount 0
        }
        # The sources were not touched.
        @(Get-ApiIntegration -ApiId $httpSource -EndpointUrl $Endpoint).Count | Should -Be 4
        @(Get-ApiIntegration -ApiId $wsSource -EndpointUrl $Endpoint).Count | Should -Be 5
    }
}
