#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.5.0' }

# The examples of the documentation run as written, against a local moto server: every '### Example N' code block of
# docs/help/*.md and every ```powershell block of README.md and docs/help/about_IntegrationTools.md is one test,
# '<page> Example N'. The blocks of a page run in order in one PowerShell runspace, statement by statement (as a
# reader types them into one console: a variable set by one example is there for the next), in a working folder of their own that holds the
# files the examples read. Before the first example of a page, and again after each example that changed something
# (a changing cmdlet without -WhatIf), moto is emptied and seeded with the APIs the page's examples name, with their
# paths and names, so each example starts from the account the page describes.
#
# What an example may not do is checked against what its page shows:
#   - every line of its ```output block appears in what it wrote (through the format views, 120 columns wide), in the
#     order shown, blanks left out (a long cell wraps where the console's width says);
#   - a 'What if:' line is matched whole; an error id line (Id,IntegrationTools.Commands.XCommand) is matched by the
#     text written or by an error of that id; a 'Cmdlet: message' line by an error with that message;
#   - every error it wrote is one its output shows (by id or message): an example that shows no error writes none.
#
# The only differences from the text as written are these, applied to the code before it runs and (the other way
# round) to what it wrote before the comparison:
#   - Ids. REST API ids are the ids the pages use (moto takes a REST API's id from the tag _custom_id_). The ids
#     that moto chooses itself (resources, HTTP and WebSocket APIs, integrations, routes, VPC links, integration
#     responses) are mapped from the placeholder each page uses to the id of the resource seeded with the page's path,
#     name or backend ($IdMap below, filled in while seeding), and from the placeholder a page shows for what an
#     example creates to the id of what it created ($CreatedIds, looked up after each example).
#   - The session. AWS_ENDPOINT_URL points at moto, AWS_REGION is us-east-1, and the config and credentials files of
#     the test process (Set-TestAwsProfileFile) hold the profiles the pages name ('default', 'prod'), so that
#     '-ProfileName prod -Region eu-west-1' reaches moto; http://127.0.0.1:5000 (the pages' local moto server) is this
#     file's moto server, and /home/ops (the folder the pages work in) is the page's working folder.
#   - The lines of $LineSubstitutions: what a reader does elsewhere (start moto in another terminal, build the module,
#     which the suite has done) and the paths of the repository's own files.
#   - $WhatIfInstead: examples whose request moto does not serve (UpdateIntegration of REST APIs) or serves otherwise
#     than the service (request parameters of HTTP API integrations) run with -WhatIf, and the request they would
#     send is checked instead of their output.
#   - $MotoDifferences and Convert-MotoWebSocketTimeout: the values moto answers otherwise than the service (README,
#     "Known differences of moto") are applied to the output a page shows before the comparison.
# Examples that cannot run against moto at all are skipped with the reason in their name ($Skipped); the examples of
# pages being reworked are skipped as pending ($Pending).

BeforeDiscovery {
    Import-Module -Name (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $root = Get-RepositoryRoot
    $HasAwsCli = [bool](Find-AwsCli)

    # The pages whose examples are being reworked; each of their examples is reported as skipped until this is empty.
    $Pending = @()

    # Examples that cannot run against moto, with the reason (shown in the test's name).
    $Skipped = @{
        'Test-ApiIntegration Example 5' = 'moto lacks TestInvokeMethod'
        'Test-ApiIntegration Example 6' = 'moto lacks TestInvokeMethod'
    }

    # The fenced blocks of a markdown file, in order: Info (the language), Code and Line (where it starts), with the
    # '### ' heading above each.
    function Get-FencedBlock([string] $Path) {
        $lines = [System.IO.File]::ReadAllLines($Path)
        $heading = $null
        for ($i = 0; $i -lt $lines.Count; $i++) {
            if ($lines[$i] -match '^#{1,3} ') { $heading = $lines[$i] }
            if ($lines[$i] -match '^```(\S*)\s*$') {
                $info = $Matches[1].ToLowerInvariant()
                $start = $i + 1
                $body = New-Object System.Collections.Generic.List[string]
                for ($i++; $i -lt $lines.Count -and $lines[$i] -notmatch '^```\s*$'; $i++) { $body.Add($lines[$i]) }
                [pscustomobject]@{ Info = $info; Code = ($body -join "`n"); Line = $start; Heading = $heading }
            }
        }
    }

    $Pages = New-Object System.Collections.Generic.List[object]
    $sources = @(Get-ChildItem -LiteralPath (Join-Path $root 'docs/help') -Filter '*.md' | Sort-Object Name | ForEach-Object FullName) +
        @(Join-Path $root 'README.md')
    foreach ($path in $sources) {
        $page = [System.IO.Path]::GetFileNameWithoutExtension($path)
        $blocks = @(Get-FencedBlock $path)
        $examples = New-Object System.Collections.Generic.List[object]
        # A cmdlet page is Verb-Noun.md; about topics, READMEs and _SessionParameters.md are not.
        $isCommandPage = $page -match '^[A-Za-z][A-Za-z0-9]*-[A-Za-z0-9]+$'
        for ($b = 0; $b -lt $blocks.Count; $b++) {
            $block = $blocks[$b]
            if ($block.Info -ne 'powershell') { continue }
            if ($isCommandPage) {
                # The EXAMPLES section: '### Example N: title', the code, then its output.
                if ($block.Heading -notmatch '^### Example (\d+)') { continue }
                $number = [int] $Matches[1]
            }
            else {
                $number = $examples.Count + 1
            }
            $output = $null
            if ($b + 1 -lt $blocks.Count -and $blocks[$b + 1].Info -eq 'output' -and $blocks[$b + 1].Heading -eq $block.Heading) {
                $output = $blocks[$b + 1].Code
            }
            $name = "$page Example $number"
            $skip = $null
            if ($page -in $Pending) { $skip = 'example rework in progress' }
            elseif ($Skipped.ContainsKey($name)) { $skip = $Skipped[$name] }
            elseif ($block.Code -match '(?m)^\s*\$?\w*\s*=?\s*aws ' -and -not $HasAwsCli) { $skip = 'the AWS CLI is missing' }
            $examples.Add(@{
                    Page     = $page
                    Number   = $number
                    Name     = if ($skip) { "$name (skipped: $skip)" } else { $name }
                    Skip     = [bool] $skip
                    Code     = $block.Code
                    Output   = $output
                    Location = "$([System.IO.Path]::GetFileName($path)):$($block.Line)"
                })
        }
        if ($isCommandPage -and $examples.Count -eq 0) { throw "$path has no example" }
        if ($examples.Count -gt 0) { $Pages.Add(@{ Page = $page; Examples = $examples.ToArray() }) }
    }
}

BeforeAll {
    Import-Module -Name (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $root = Get-RepositoryRoot
    $moto = Start-MotoServer
    $Endpoint = $moto.Endpoint
    $null = Import-BuiltModule

    # The session of every example: moto through AWS_ENDPOINT_URL, and the profiles the pages name, in the credentials
    # and config files of this process (the only ones the module reads: see Set-TestAwsProfileFile).
    $savedProfiles = Set-TestAwsProfileFile -Credentials @(
        '[default]', 'aws_access_key_id = testing', 'aws_secret_access_key = testing',
        '[prod]', 'aws_access_key_id = testing', 'aws_secret_access_key = testing'
    ) -Config @('[default]', 'region = us-east-1', '[profile prod]', 'region = us-east-1')
    $savedEnvironment = Set-TestAwsEnvironment -Variables ([ordered]@{
            AWS_ACCESS_KEY_ID           = 'testing'
            AWS_SECRET_ACCESS_KEY       = 'testing'
            AWS_SESSION_TOKEN           = $null
            AWS_REGION                  = 'us-east-1'
            AWS_DEFAULT_REGION          = 'us-east-1'
            AWS_PROFILE                 = $null
            AWS_ENDPOINT_URL            = $Endpoint
            AWS_ENDPOINT_URL_API_GATEWAY = $null
            AWS_ENDPOINT_URL_STS        = $null
            AWS_EC2_METADATA_DISABLED   = 'true'
            # moto has no quota: the examples need not wait for the default pace.
            INTEGRATIONTOOLS_REQUESTS_PER_SECOND = '1000'
            INTEGRATIONTOOLS_REQUEST_BURST       = '1000'
        })
    # The examples call `aws` by name, as a reader would.
    $savedPath = $env:PATH
    $cli = Find-AwsCli
    if ($cli -and -not (Get-Command -Name aws -CommandType Application -ErrorAction Ignore)) {
        $env:PATH = (Split-Path -Parent $cli) + [System.IO.Path]::PathSeparator + $env:PATH
    }

    # Lines a reader runs elsewhere or that name the repository's own files: pattern (a regex on one line of code)
    # and what the line becomes.
    $LineSubstitutions = @(
        # README: the suite has built the module; moto runs already ("in another terminal").
        @{ Pattern = '^\./build\.ps1\b.*$'; Replacement = '' }
        @{ Pattern = '^python3 -m moto\.server\b.*# in another terminal$'; Replacement = '' }
        # README: the module and the example scripts of the repository, from any folder.
        @{ Pattern = '\./out/IntegrationTools/'; Replacement = ($root.Replace('\', '/') + '/out/IntegrationTools/') }
        @{ Pattern = '\./examples/'; Replacement = ($root.Replace('\', '/') + '/examples/') }
        # The pages' local moto server is this file's.
        @{ Pattern = 'http://127\.0\.0\.1:5000'; Replacement = $Endpoint }
    )

    # Examples whose request moto does not serve, or serves otherwise than the service: they run with -WhatIf instead of
    # the switch named, and the line given must be among what they write (instead of the output shown).
    $WhatIfInstead = @{
        # moto replaces the request parameters of an HTTP API integration whole; the service merges them key by key.
        'Set-ApiIntegration Example 3' = @{
            Replace = '-PassThru'
            Expect  = @('What if: Performing the operation "PATCH /v2/apis/xydqnyll/integrations/jqvxmffu {"requestParameters":{"append:header.x-tenant":"$request.header.x-tenant","remove:querystring.debug":""}}" on target "api/xydqnyll integration/jqvxmffu".')
        }
        'Update-RestIntegration Example 1' = @{
            Replace = '-PassThru'
            Expect  = @('What if: Performing the operation "PATCH /restapis/luldfldnii/resources/ygsbctq8gy/methods/GET/integration {"patchOperations":[{"op":"replace","path":"/timeoutInMillis","value":"5000"}]}" on target "restapi/luldfldnii /pets/{petId} GET".')
        }
        'Update-RestIntegration Example 3' = @{
            Replace = '-PassThru'
            Expect  = @(
                'What if: Performing the operation "PATCH /restapis/luldfldnii/resources/i365slptos/methods/POST/integration {"patchOperations":[{"op":"replace","path":"/timeoutInMillis","value":"8000"}]}" on target "restapi/luldfldnii /pets POST".'
                'What if: Performing the operation "PATCH /restapis/luldfldnii/resources/ygsbctq8gy/methods/GET/integration {"patchOperations":[{"op":"replace","path":"/timeoutInMillis","value":"8000"}]}" on target "restapi/luldfldnii /pets/{petId} GET".'
            )
        }
    }

    #region Seeding

    $script:IdMap = [ordered]@{}

    function Invoke-Seed([string] $Method, [string] $Path, $Body, [string] $Region = 'us-east-1') {
        Invoke-MotoRequest $Method $Path $Body -Region $Region
    }

    # A REST API with the given id, its resources (paths) and methods: each method is @{ Path; Method; Parameters;
    # Integration (wire body); Responses (status code -> wire body) }. Resource ids are mapped from Placeholders
    # (path -> the id the pages show).
    function New-DocRestApi([string] $Id, [object[]] $Methods, [hashtable] $Placeholders = @{}, [string] $Region = 'us-east-1') {
        $api = Invoke-Seed POST '/restapis' @{ name = "$Id-api"; tags = @{ _custom_id_ = $Id } } -Region $Region
        if ($api.id -ne $Id) { throw "moto gave the REST API the id '$($api.id)', not '$Id'" }
        $rootId = @((Invoke-Seed GET "/restapis/$Id/resources" -Region $Region).item | Where-Object path -EQ '/')[0].id
        $ids = @{ '/' = $rootId }
        $paths = @($Methods | ForEach-Object { $_.Path }) | Sort-Object { $_.Length } -Unique
        foreach ($path in $paths) {
            $parent = '/'
            foreach ($part in $path.Trim('/').Split('/')) {
                $current = ($parent.TrimEnd('/') + '/' + $part)
                if (-not $ids.ContainsKey($current)) {
                    $ids[$current] = [string] (Invoke-Seed POST "/restapis/$Id/resources/$($ids[$parent])" @{ pathPart = $part } -Region $Region).id
                }
                $parent = $current
            }
        }
        foreach ($m in $Methods) {
            $resource = $ids[$m.Path]
            $declared = @{}
            foreach ($parameter in @($m.Parameters)) { if ($parameter) { $declared[$parameter] = $true } }
            $null = Invoke-Seed PUT "/restapis/$Id/resources/$resource/methods/$($m.Method)" @{ authorizationType = 'NONE'; requestParameters = $declared } -Region $Region
            if ($m.Integration) {
                $null = Invoke-Seed PUT "/restapis/$Id/resources/$resource/methods/$($m.Method)/integration" $m.Integration -Region $Region
                if ($m.Responses) {
                    foreach ($code in $m.Responses.Keys) {
                        $null = Invoke-Seed PUT "/restapis/$Id/resources/$resource/methods/$($m.Method)/integration/responses/$code" $m.Responses[$code] -Region $Region
                    }
                }
            }
        }
        foreach ($path in $Placeholders.Keys) { $script:IdMap[$Placeholders[$path]] = $ids[$path] }
    }

    function New-DocApi([string] $Placeholder, [string] $ProtocolType, [string] $Region = 'us-east-1') {
        $body = @{ name = $Placeholder; protocolType = $ProtocolType }
        if ($ProtocolType -eq 'WEBSOCKET') { $body['routeSelectionExpression'] = '$request.body.action' }
        $id = [string] (Invoke-Seed POST '/v2/apis' $body -Region $Region).apiId
        $script:IdMap[$Placeholder] = $id
        return $id
    }

    function New-DocApiIntegration([string] $ApiId, [string] $Placeholder, [hashtable] $Body) {
        $id = [string] (Invoke-Seed POST "/v2/apis/$ApiId/integrations" $Body).integrationId
        $script:IdMap[$Placeholder] = $id
        return $id
    }

    # Routes of an HTTP or WebSocket API that target the integration given (route key -> integration id).
    function New-DocRoute([string] $ApiId, [string[]] $RouteKey, [string] $IntegrationId) {
        foreach ($key in $RouteKey) {
            $null = Invoke-Seed POST "/v2/apis/$ApiId/routes" @{ routeKey = $key; target = "integrations/$IntegrationId" }
        }
    }

    # An integration that an example creates: mapped after the example from the placeholder the page shows to the id of
    # the API's one integration whose members (wire names) are those given.
    function Register-DocIntegration([string] $Placeholder, [string] $ApiId, [hashtable] $Members) {
        $script:CreatedIds[$Placeholder] = @{ Kind = 'Integration'; ApiId = $ApiId; Members = $Members }
    }

    $lambda = 'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:{0}/invocations'
    $cors = [ordered]@{
        'method.response.header.Access-Control-Allow-Origin'  = "'*'"
        'method.response.header.Access-Control-Allow-Methods' = "'GET,POST,OPTIONS'"
    }
    $validationError = @{
        selectionPattern  = '.*ValidationError.*'
        responseTemplates = @{ 'application/json' = '{"message": "$util.escapeJavaScript($input.path(''$.errorMessage''))"}' }
    }

    # The pet store of the REST API pages (luldfldnii): /pets, /pets/{petId}, /orders and /orders/bulk.
    function Get-PetStoreMethod([string] $Page) {
        $petId = 'method.request.path.petId'
        $methods = @(
            @{ Path = '/pets'; Method = 'GET'; Integration = @{ type = 'AWS_PROXY'; httpMethod = 'POST'; uri = ($lambda -f 'list-pets') } }
            @{ Path = '/pets'; Method = 'POST'; Integration = @{ type = 'HTTP_PROXY'; httpMethod = 'POST'; uri = 'https://pets.example.com/pets' } }
            @{ Path = '/pets'; Method = 'OPTIONS'; Integration = @{ type = 'MOCK'; requestTemplates = @{ 'application/json' = '{"statusCode": 200}' } }; Responses = [ordered]@{ '200' = @{ responseParameters = $cors } } }
            @{ Path = '/pets/{petId}'; Method = 'GET'; Parameters = $petId; Integration = @{
                    type = 'HTTP_PROXY'; httpMethod = 'GET'; uri = 'https://pets.example.com/pets/{petId}'; timeoutInMillis = 10000
                    requestParameters = @{ 'integration.request.path.petId' = $petId }
                } 
            }
            @{ Path = '/pets/{petId}'; Method = 'DELETE'; Parameters = $petId; Integration = @{ type = 'HTTP'; httpMethod = 'DELETE'; uri = 'https://pets.example.com/pets/{petId}'; timeoutInMillis = 10000 } }
            @{ Path = '/pets/{petId}'; Method = 'OPTIONS'; Integration = @{ type = 'MOCK'; requestTemplates = @{ 'application/json' = '{"statusCode": 200}' } } }
            @{ Path = '/orders'; Method = 'POST'; Integration = @{ type = 'AWS'; httpMethod = 'POST'; uri = ($lambda -f 'create-order') }; Responses = [ordered]@{ '200' = @{}; '400' = $validationError } }
            @{ Path = '/orders/bulk'; Method = 'POST'; Integration = @{ type = 'AWS'; httpMethod = 'POST'; uri = ($lambda -f 'create-order') } }
        )
        switch ($Page) {
            # Its examples list the Lambda functions of the API: POST /pets creates a pet.
            'Get-RestIntegration' { $methods[1].Integration = @{ type = 'AWS_PROXY'; httpMethod = 'POST'; uri = ($lambda -f 'create-pet') } }
            # Its examples give /orders its first integration.
            'Set-RestIntegration' { $methods[6].Remove('Integration') }
        }
        return $methods
    }

    # Every API a page names, with the paths, names and backends its examples use.
    function Initialize-DocWorld([string] $Page) {
        Reset-MotoServer
        # moto's own ids come from its random generator: seeded, the same world gets the same ids every time.
        $request = @{ Uri = "$Endpoint/moto-api/seed?a=42"; Method = 'POST'; UseBasicParsing = $true; NoProxy = $true }
        $null = Invoke-WebRequest @request
        $script:IdMap = [ordered]@{}
        $script:CreatedIds = [ordered]@{}
        $petPaths = @{ '/pets' = 'i365slptos'; '/pets/{petId}' = 'ygsbctq8gy'; '/orders' = 'w0g1fh4v2q' }
        $rest = $Page -match 'RestIntegration|^README$|^about_|^Test-ApiIntegration$|^ConvertFrom-|^Import-'
        if ($rest) {
            New-DocRestApi -Id 'luldfldnii' -Methods (Get-PetStoreMethod $Page) -Placeholders $petPaths
        }
        if ($Page -match '^about_') {
            # The API that its definitions example applies the file to: the pet store's paths, no integrations.
            New-DocRestApi -Id 'x7k2m9p4q1' -Methods @(Get-PetStoreMethod $Page | ForEach-Object { @{ Path = $_.Path; Method = $_.Method; Parameters = $_.Parameters } })
        }
        if ($Page -eq 'ConvertFrom-IntegrationDefinition') {
            # Example 2 creates an integration in an HTTP API that has none.
            $api = New-DocApi 'a1b2c3d4' 'HTTP'
            Register-DocIntegration 'nizfgidi' $api @{ integrationUri = 'https://orders.example.com/{proxy}' }
        }
        if ($Page -eq 'Export-IntegrationDefinition') {
            # A REST API with three integrations (one with an integration response), another with the same paths and
            # none, and an HTTP API with two integrations and their routes.
            $pets = @(
                @{ Path = '/pets'; Method = 'GET'; Integration = @{ type = 'HTTP_PROXY'; httpMethod = 'GET'; uri = 'https://pets.example.com/pets'; timeoutInMillis = 10000 } }
                @{ Path = '/pets'; Method = 'OPTIONS'; Integration = @{ type = 'MOCK'; requestTemplates = @{ 'application/json' = '{"statusCode": 200}' } }; Responses = [ordered]@{ '200' = @{ responseParameters = $cors } } }
                @{ Path = '/pets/{petId}'; Method = 'GET'; Parameters = 'method.request.path.petId'; Integration = @{ type = 'AWS_PROXY'; httpMethod = 'POST'; uri = ($lambda -f 'get-pet') } }
            )
            New-DocRestApi -Id 'ek8ckevy78' -Methods $pets
            New-DocRestApi -Id 'voabdmuc7o' -Methods @($pets | ForEach-Object { @{ Path = $_.Path; Method = $_.Method; Parameters = $_.Parameters } })
            $api = New-DocApi 'zrvpujjp' 'HTTP'
            $orders = New-DocApiIntegration $api 'jrfmsbxe' @{ integrationType = 'AWS_PROXY'; integrationUri = 'arn:aws:lambda:us-east-1:123456789012:function:orders'; description = 'orders lambda'; payloadFormatVersion = '2.0' }
            $proxy = New-DocApiIntegration $api 'kwcpzvtn' @{
                integrationType = 'HTTP_PROXY'; integrationMethod = 'GET'; integrationUri = 'https://orders.example.com/{proxy}'; payloadFormatVersion = '1.0'
                requestParameters = @{ 'overwrite:header.x-source' = '$context.requestId' }
            }
            New-DocRoute $api 'POST /orders' $orders
            New-DocRoute $api 'GET /orders/{proxy+}' $proxy
        }
        if ($Page -eq 'Set-RestIntegration') {
            # The second API that Example 8 copies to: the same paths, no integrations.
            New-DocRestApi -Id 'x7k2m9q4ab' -Methods @(Get-PetStoreMethod $Page | ForEach-Object { @{ Path = $_.Path; Method = $_.Method; Parameters = $_.Parameters } })
        }
        if ($Page -eq 'Test-ApiIntegration') {
            New-DocRestApi -Id 'qshr02fztd' -Methods @(
                @{ Path = '/pets'; Method = 'GET'; Integration = @{ type = 'MOCK'; requestTemplates = @{ 'application/json' = '{"statusCode": 200}' } } }
                @{ Path = '/pets'; Method = 'POST'; Integration = @{ type = 'HTTP_PROXY'; httpMethod = 'POST'; uri = 'https://petstore.example.com/pets'; timeoutInMillis = 10000 } }
            )
            $api = New-DocApi 'x9y8z7w6' 'HTTP'
            $null = New-DocApiIntegration $api 'abc1234' @{ integrationType = 'HTTP_PROXY'; integrationMethod = 'GET'; integrationUri = 'https://orders.example.com/orders'; payloadFormatVersion = '2.0' }
        }
        if ($Page -in 'README') {
            foreach ($region in 'us-east-1', 'eu-west-1') {
                New-DocRestApi -Id 'a1b2c3d4e5' -Region $region -Methods @(
                    @{ Path = '/pets/{id}'; Method = 'GET'; Parameters = 'method.request.path.id'; Integration = @{ type = 'HTTP_PROXY'; httpMethod = 'GET'; uri = 'https://petstore.example.com/pets/{id}' } }
                )
            }
            $null = New-DocApi 'x9y8z7' 'HTTP' -Region 'eu-west-1'
        }
        if ($Page -match '^about_') {
            $api = New-DocApi 'ckacwiap' 'HTTP'
            $null = New-DocApiIntegration $api 'gcfkdwyg' @{ integrationType = 'AWS_PROXY'; integrationUri = 'arn:aws:lambda:us-east-1:123456789012:function:orders-handler'; payloadFormatVersion = '2.0' }
            $null = New-DocApiIntegration $api 'lrudyhqp' @{ integrationType = 'HTTP_PROXY'; integrationMethod = 'GET'; integrationUri = 'https://inventory.example.com/stock'; payloadFormatVersion = '1.0'; timeoutInMillis = 15000 }
        }
        if ($Page -eq 'Get-ApiIntegration') {
            $api = New-DocApi 'ckacwiap' 'HTTP'
            $orders = New-DocApiIntegration $api 'gcfkdwyg' @{ integrationType = 'AWS_PROXY'; integrationUri = 'arn:aws:lambda:us-east-1:123456789012:function:orders-handler'; payloadFormatVersion = '2.0' }
            $null = New-DocApiIntegration $api 'lrudyhqp' @{ integrationType = 'HTTP_PROXY'; integrationMethod = 'GET'; integrationUri = 'https://inventory.example.com/stock'; payloadFormatVersion = '1.0'; timeoutInMillis = 15000 }
            New-DocRoute $api 'GET /orders', 'POST /orders' $orders
            $ws = New-DocApi 'mzbnmqyr' 'WEBSOCKET'
            $chat = New-DocApiIntegration $ws 'zsrtefbz' @{ integrationType = 'AWS_PROXY'; integrationMethod = 'POST'; integrationUri = ($lambda -f 'chat-handler') }
            $null = New-DocApiIntegration $ws 'dgdwtshx' @{ integrationType = 'MOCK'; requestTemplates = @{ '$default' = '{"statusCode": 200}' }; templateSelectionExpression = '\$default' }
            New-DocRoute $ws 'sendMessage' $chat
        }
        if ($Page -eq 'New-ApiIntegration') {
            # Its examples create every integration they show, in APIs that have none, and copy an API's integrations
            # with their routes (ckacwiap) to another (k2l3m4n5o6).
            $api = New-DocApi 'xydqnyll' 'HTTP'
            $ws = New-DocApi 'bzbuxpdi' 'WEBSOCKET'
            $script:IdMap['cafaapsh'] = [string] (Invoke-Seed POST '/v2/vpclinks' @{ name = 'orders-link'; subnetIds = @('subnet-0a1b2c3d'); securityGroupIds = @() }).vpcLinkId
            $source = New-DocApi 'ckacwiap' 'HTTP'
            $orders = New-DocApiIntegration $source 'gcfkdwyg' @{ integrationType = 'AWS_PROXY'; integrationUri = 'arn:aws:lambda:us-east-1:123456789012:function:orders-handler'; payloadFormatVersion = '2.0' }
            $stock = New-DocApiIntegration $source 'lrudyhqp' @{ integrationType = 'HTTP_PROXY'; integrationMethod = 'GET'; integrationUri = 'https://inventory.example.com/stock'; payloadFormatVersion = '1.0'; timeoutInMillis = 15000 }
            New-DocRoute $source 'GET /orders', 'POST /orders' $orders
            New-DocRoute $source 'GET /stock' $stock
            $copy = New-DocApi 'k2l3m4n5o6' 'HTTP'
            $ordersArn = 'arn:aws:lambda:us-east-1:123456789012:function:orders-handler'
            Register-DocIntegration 'pzezefws' $api @{ integrationUri = $ordersArn; timeoutInMillis = 30000 }
            Register-DocIntegration 'wdkqmzxt' $api @{ integrationUri = $ordersArn; timeoutInMillis = 10000 }
            Register-DocIntegration 'jqvxmffu' $api @{ integrationUri = 'https://inventory.example.com/{proxy}' }
            Register-DocIntegration 'lchkghkk' $api @{ connectionType = 'VPC_LINK' }
            Register-DocIntegration 'lfjjvjvz' $api @{ integrationSubtype = 'SQS-SendMessage' }
            Register-DocIntegration 'vbnrtzqa' $api @{ integrationUri = 'https://billing.example.com/{proxy}' }
            Register-DocIntegration 'hghuyhku' $ws @{ integrationType = 'MOCK' }
            Register-DocIntegration 'mutnlrgg' $ws @{ integrationType = 'AWS_PROXY' }
            Register-DocIntegration 'qqrlfxgm' $ws @{ integrationType = 'HTTP_PROXY' }
            Register-DocIntegration 'tqmkvxro' $copy @{ integrationUri = $ordersArn }
            Register-DocIntegration 'hbsnwfye' $copy @{ integrationUri = 'https://inventory.example.com/stock' }
        }
        if ($Page -eq 'Set-ApiIntegration') {
            # The orders API of the HTTP API pages with two integrations (the Lambda function already at 20,000 ms)
            # and a route, and an empty API (k2l3m4n5o6) that its examples copy them to.
            $api = New-DocApi 'xydqnyll' 'HTTP'
            $ordersArn = 'arn:aws:lambda:us-east-1:123456789012:function:orders-handler'
            $orders = New-DocApiIntegration $api 'pzezefws' @{ integrationType = 'AWS_PROXY'; integrationUri = $ordersArn; payloadFormatVersion = '2.0'; timeoutInMillis = 20000 }
            $null = New-DocApiIntegration $api 'jqvxmffu' @{
                integrationType = 'HTTP_PROXY'; integrationMethod = 'GET'; integrationUri = 'https://inventory.example.com/{proxy}'; payloadFormatVersion = '1.0'; timeoutInMillis = 15000
                requestParameters = @{ 'overwrite:header.x-request-id' = '$context.requestId'; 'remove:querystring.debug' = "''" }
            }
            New-DocRoute $api 'GET /orders' $orders
            $copy = New-DocApi 'k2l3m4n5o6' 'HTTP'
            Register-DocIntegration 'qwmbrtzk' $api @{ integrationUri = 'https://inventory.example.com/{proxy}'; integrationMethod = 'ANY' }
            Register-DocIntegration 'tqmkvxro' $copy @{ integrationUri = $ordersArn }
            Register-DocIntegration 'hbsnwfye' $copy @{ integrationUri = 'https://inventory.example.com/{proxy}' }
        }
        if ($Page -eq 'Remove-ApiIntegration' -or $Page -eq 'New-ApiIntegrationResponse') {
            $api = New-DocApi 'xydqnyll' 'HTTP'
            $orders = New-DocApiIntegration $api 'pzezefws' @{ integrationType = 'AWS_PROXY'; integrationUri = 'arn:aws:lambda:us-east-1:123456789012:function:orders-handler'; payloadFormatVersion = '2.0' }
            $null = New-DocApiIntegration $api 'jqvxmffu' @{
                integrationType = 'HTTP_PROXY'; integrationMethod = 'GET'; integrationUri = 'https://inventory.example.com/{proxy}'; payloadFormatVersion = '1.0'; timeoutInMillis = 15000
                requestParameters = @{ 'overwrite:header.x-request-id' = '$context.requestId'; 'remove:querystring.debug' = "''" }
            }
            $link = [string] (Invoke-Seed POST '/v2/vpclinks' @{ name = 'orders-link'; subnetIds = @('subnet-0a1b2c3d'); securityGroupIds = @() }).vpcLinkId
            $script:IdMap['cafaapsh'] = $link
            $null = New-DocApiIntegration $api 'lchkghkk' @{
                integrationType = 'HTTP_PROXY'; integrationMethod = 'ANY'; payloadFormatVersion = '1.0'; connectionType = 'VPC_LINK'; connectionId = $link
                integrationUri = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/orders/50dc6c495c0c9188/0467ef3c8400ae65'
                tlsConfig = @{ serverNameToVerify = 'orders.internal.example.com' }
            }
            $null = New-DocApiIntegration $api 'lfjjvjvz' @{
                integrationType = 'AWS_PROXY'; integrationSubtype = 'SQS-SendMessage'; payloadFormatVersion = '1.0'; credentialsArn = 'arn:aws:iam::123456789012:role/apigw-sqs'
                requestParameters = @{ QueueUrl = 'https://sqs.us-east-1.amazonaws.com/123456789012/orders'; MessageBody = '$request.body' }
            }
            $route = [string] (Invoke-Seed POST "/v2/apis/$api/routes" @{ routeKey = 'GET /orders'; target = "integrations/$orders" }).routeId
            $script:IdMap['ezmdpxwh'] = $route
        }
        if ($Page -match 'ApiIntegrationResponse') {
            $api = New-DocApi 'bzbuxpdi' 'WEBSOCKET'
            $mock = New-DocApiIntegration $api 'hghuyhku' @{ integrationType = 'MOCK'; requestTemplates = @{ '$default' = '{"statusCode": 200}' }; templateSelectionExpression = '\$default' }
            $script:CreatedIds['jwpxdolw'] = @{ ApiId = $api; IntegrationId = $mock; Key = '$default' }
            $script:CreatedIds['sazmslkb'] = @{ ApiId = $api; IntegrationId = $mock; Key = '/4\d\d/' }
            if ($Page -ne 'New-ApiIntegrationResponse') {
                $script:IdMap['jwpxdolw'] = [string] (Invoke-Seed POST "/v2/apis/$api/integrations/$mock/integrationresponses" @{
                        integrationResponseKey = '$default'; responseTemplates = @{ '$default' = '{"message": "pong"}' }; templateSelectionExpression = '\$default'
                    }).integrationResponseId
                $script:IdMap['sazmslkb'] = [string] (Invoke-Seed POST "/v2/apis/$api/integrations/$mock/integrationresponses" @{
                        integrationResponseKey = '/4\d\d/'; contentHandlingStrategy = 'CONVERT_TO_TEXT'
                    }).integrationResponseId
            }
        }
    }

    # Ids that examples create are mapped by what they are: an integration response by its API, integration and key.
    # Filled in while seeding, looked up after each example.
    $script:CreatedIds = [ordered]@{}

    function Update-DocIdMap {
        $integrations = @{}
        foreach ($placeholder in @($script:CreatedIds.Keys)) {
            $wanted = $script:CreatedIds[$placeholder]
            if ($wanted.Kind -eq 'Integration') {
                if (-not $integrations.ContainsKey($wanted.ApiId)) {
                    $integrations[$wanted.ApiId] = @((Invoke-Seed GET "/v2/apis/$($wanted.ApiId)/integrations").items)
                }
                $found = @($integrations[$wanted.ApiId] | Where-Object {
                        $item = $_
                        @($wanted.Members.Keys | Where-Object { [string] $item.$_ -cne [string] $wanted.Members[$_] }).Count -eq 0
                    })
                if ($found.Count -gt 1) { throw "$($found.Count) integrations of $($wanted.ApiId) are like the one shown as $placeholder" }
                if ($found.Count -eq 1) { $script:IdMap[$placeholder] = [string] $found[0].integrationId }
                continue
            }
            $found = @((Invoke-Seed GET "/v2/apis/$($wanted.ApiId)/integrations/$($wanted.IntegrationId)/integrationresponses").items |
                    Where-Object { $_.integrationResponseKey -eq $wanted.Key })
            if ($found.Count -gt 0) { $script:IdMap[$placeholder] = [string] $found[0].integrationResponseId }
        }
    }

    # The files the examples of a page read, in its working folder (written after seeding: they hold moto's ids).
    function Write-DocFile([string] $Page, [string] $Folder) {
        $files = @{}
        if ($Page -match '^README$|^about_|^ConvertFrom-|^Import-') {
            $files['integrations.yaml'] = @(
                '- RestApiId: luldfldnii', '  ResourcePath: /pets', '  HttpMethod: GET', '  Type: HTTP_PROXY',
                '  IntegrationHttpMethod: GET', '  Uri: https://pets.example.com/pets', '  TimeoutInMillis: 10000')
        }
        if ($Page -match '^about_') {
            $files['apis.csv'] = @('ApiId,IntegrationId,Region', "$($script:IdMap['ckacwiap']),$($script:IdMap['lrudyhqp']),us-east-1")
            $files['integrations.csv'] = @(
                'RestApiId,ResourcePath,HttpMethod,Type,IntegrationHttpMethod,Uri,TimeoutInMillis'
                'luldfldnii,/pets,POST,HTTP_PROXY,POST,https://pets.example.com/pets,'
                'luldfldnii,/pets/{petId},GET,HTTP_PROXY,GET,https://pets.example.com/v2/pets/{petId},10000'
                'luldfldnii,/orders/bulk,POST,MOCK,,,'
            )
        }
        if ($Page -eq 'Get-ApiIntegration') {
            $files['integrations.csv'] = @('ApiId,IntegrationId,Region', "$($script:IdMap['mzbnmqyr']),$($script:IdMap['dgdwtshx']),us-east-1")
        }
        if ($Page -eq 'New-ApiIntegration') {
            # Example 8: a skeleton of 'aws apigatewayv2 create-integration', filled in.
            $files['orders-lambda.json'] = @(
                '{'
                "    `"ApiId`": `"$($script:IdMap['xydqnyll'])`","
                '    "IntegrationType": "AWS_PROXY",'
                '    "IntegrationUri": "arn:aws:lambda:us-east-1:123456789012:function:orders-handler",'
                '    "PayloadFormatVersion": "2.0",'
                '    "Description": "",'
                '    "TimeoutInMillis": 10000'
                '}'
            )
            # Example 10: 300 backends, one a row.
            $files['backends.csv'] = @('IntegrationType,IntegrationMethod,IntegrationUri,PayloadFormatVersion') +
                @(1..300 | ForEach-Object { "HTTP_PROXY,GET,https://backend$_.example.com/{proxy},1.0" })
        }
        if ($Page -eq 'Test-ApiIntegration') {
            $files['integrations.json'] = @(
                '['
                '  { "RestApiId": "luldfldnii", "ResourcePath": "/pets", "HttpMethod": "POST", "Type": "HTTP_PROXY", "IntegrationHttpMethod": "POST", "Uri": "https://pets.example.com/v2/pets" },'
                '  { "RestApiId": "luldfldnii", "ResourcePath": "/orders", "HttpMethod": "POST", "Type": "HTTP_PROXY", "Uri": "pets.example.com/orders" }'
                ']'
            )
        }
        if ($Page -eq 'Import-IntegrationDefinition') {
            # Example 2: a folder with the files that Export-IntegrationDefinition's examples write.
            $files['definitions/pets.yaml'] = @(
                '- RestApiId: ek8ckevy78', '  ResourcePath: /pets', '  HttpMethod: GET', '  Type: HTTP_PROXY',
                '  IntegrationHttpMethod: GET', '  Uri: https://pets.example.com/pets', '  TimeoutInMillis: 10000'
                '- RestApiId: ek8ckevy78', '  ResourcePath: /pets', '  HttpMethod: OPTIONS', '  Type: MOCK',
                '  RequestTemplates:', "    application/json: '{`"statusCode`": 200}'"
                '- RestApiId: ek8ckevy78', '  ResourcePath: /pets/{petId}', '  HttpMethod: GET', '  Type: AWS_PROXY',
                '  IntegrationHttpMethod: POST', ('  Uri: ' + ($lambda -f 'get-pet'))
            )
            $files['definitions/orders.json'] = @(
                '['
                '  {'
                '    "ApiId": "zrvpujjp",'
                '    "ProtocolType": "HTTP",'
                '    "RouteKeys": ['
                '      "POST /orders"'
                '    ],'
                '    "IntegrationType": "AWS_PROXY",'
                '    "IntegrationUri": "arn:aws:lambda:us-east-1:123456789012:function:orders",'
                '    "Description": "orders lambda",'
                '    "PayloadFormatVersion": "2.0"'
                '  },'
                '  {'
                '    "ApiId": "zrvpujjp",'
                '    "ProtocolType": "HTTP",'
                '    "RouteKeys": ['
                '      "GET /orders/{proxy+}"'
                '    ],'
                '    "IntegrationType": "HTTP_PROXY",'
                '    "IntegrationUri": "https://orders.example.com/{proxy}",'
                '    "IntegrationMethod": "GET",'
                '    "PayloadFormatVersion": "1.0",'
                '    "RequestParameters": {'
                '      "overwrite:header.x-source": "$context.requestId"'
                '    }'
                '  }'
                ']'
            )
            # Example 3: two definitions without the comma between them.
            $files['broken.json'] = @(
                '['
                '  { "ApiId": "zrvpujjp", "IntegrationType": "HTTP_PROXY", "IntegrationUri": "https://orders.example.com/{proxy}" }'
                '  { "ApiId": "zrvpujjp", "IntegrationType": "AWS_PROXY", "IntegrationUri": "arn:aws:lambda:us-east-1:123456789012:function:orders" }'
                ']'
            )
        }
        foreach ($name in $files.Keys) {
            $null = New-Item -ItemType Directory -Path (Split-Path -Parent (Join-Path $Folder $name)) -Force
            Set-Content -LiteralPath (Join-Path $Folder $name) -Value $files[$name] -Encoding utf8
        }
    }

    # The edit that Set-RestIntegration's Example 7 asks for, in its comments: fill in the six members, delete the
    # placeholders it names.
    function Edit-CliSkeleton([string] $Path) {
        $skeleton = Get-Content -LiteralPath $Path -Raw | ConvertFrom-Json
        $skeleton.restApiId = 'luldfldnii'
        $skeleton.resourceId = $script:IdMap['i365slptos']
        $skeleton.httpMethod = 'GET'
        $skeleton.type = 'HTTP'
        $skeleton.integrationHttpMethod = 'GET'
        $skeleton.uri = 'https://pets.example.com/pets'
        foreach ($map in 'requestParameters', 'requestTemplates') { $skeleton.$map.PSObject.Properties.Remove('KeyName') }
        foreach ($name in 'timeoutInMillis', 'cacheKeyParameters', 'tlsConfig', 'connectionType', 'contentHandling', 'responseTransferMode') {
            $skeleton.PSObject.Properties.Remove($name)
        }
        Set-Content -LiteralPath $Path -Value ($skeleton | ConvertTo-Json -Depth 5) -Encoding utf8
    }

    #endregion

    #region Running and comparing

    # Runs the code as a console runs what is typed: each top-level statement on its own, its output formatted by
    # itself; an error that ends one statement does not stop the next.
    function Invoke-DocCode([object] $Session, [string] $Code) {
        $tokens = $null
        $parseErrors = $null
        $ast = [System.Management.Automation.Language.Parser]::ParseInput($Code, [ref] $tokens, [ref] $parseErrors)
        if ($parseErrors) { throw "The example does not parse: $($parseErrors[0].Message)" }
        $text = New-Object System.Text.StringBuilder
        $errors = New-Object System.Collections.Generic.List[object]
        foreach ($statement in $ast.EndBlock.Statements) {
            $run = Invoke-InCapturingRunspace -Session $Session -Script $statement.Extent.Text
            $null = $text.Append($run.HostText)
            foreach ($e in $run.Errors) { $errors.Add($e) }
        }
        return [pscustomobject]@{ HostText = $text.ToString(); Errors = $errors.ToArray() }
    }

    function Convert-Id([string] $Text, [switch] $Back) {
        # Longest first, whole words only: 'a1b2c3' must not touch 'a1b2c3d4e5'.
        $pairs = @($script:IdMap.GetEnumerator() | ForEach-Object {
                if ($Back) { @{ From = [string] $_.Value; To = [string] $_.Key } } else { @{ From = [string] $_.Key; To = [string] $_.Value } }
            } | Sort-Object { $_.From.Length } -Descending)
        foreach ($pair in $pairs) {
            $Text = [regex]::Replace($Text, '(?<![A-Za-z0-9])' + [regex]::Escape($pair.From) + '(?![A-Za-z0-9])', $pair.To.Replace('$', '$$'))
        }
        return $Text
    }

    function ConvertTo-DocCode([string] $Code) {
        $lines = foreach ($line in ($Code -split "`n")) {
            foreach ($substitution in $LineSubstitutions) {
                $line = [regex]::Replace($line, $substitution.Pattern, $substitution.Replacement.Replace('$', '$$'))
            }
            $line
        }
        return Convert-Id ($lines -join "`n")
    }

    function Format-Line([string] $Line) {
        # Runs of blanks count as one; a request id differs on every call.
        return (($Line.Trim() -replace '\s+', ' ') -replace 'request id [0-9A-Za-z-]+', 'request id *')
    }

    function Get-ErrorLine([System.Management.Automation.ErrorRecord] $ErrorRecord) {
        # As PowerShell's concise error view shows it: 'Cmdlet: message'.
        $message = if ($ErrorRecord.ErrorDetails -and $ErrorRecord.ErrorDetails.Message) { $ErrorRecord.ErrorDetails.Message } else { $ErrorRecord.Exception.Message }
        $command = if ($ErrorRecord.InvocationInfo -and $ErrorRecord.InvocationInfo.MyCommand) { $ErrorRecord.InvocationInfo.MyCommand.Name } else { '' }
        return Format-Line (Convert-Id -Back "${command}: $message")
    }

    # What moto answers differently from API Gateway (README, "Known differences of moto"), applied to the output a page
    # shows before the comparison: moto leaves out the defaults that the service fills in on REST integrations, and
    # fills in another timeout on some WebSocket integrations (Convert-MotoWebSocketTimeout).
    $MotoDifferences = @(
        # TimeoutMs 29000 (the service's default) of a REST integration row: moto answers no timeout.
        @{ Pattern = '^((GET|POST|PUT|DELETE|PATCH|HEAD|OPTIONS|ANY)\s+/.*\S)\s+29000$'; Replacement = '$1' }
        # ConnectionType INTERNET, PassthroughBehavior WHEN_NO_MATCH and CacheNamespace (the resource id) of a REST
        # integration: moto answers none.
        @{ Pattern = '^(ConnectionType\s+:) INTERNET$'; Replacement = '$1' }
        @{ Pattern = '^(PassthroughBehavior\s+:) WHEN_NO_MATCH$'; Replacement = '$1' }
        @{ Pattern = '^(CacheNamespace\s+:) \w+$'; Replacement = '$1' }
    )

    # moto gives a WebSocket API's proxy integrations (AWS_PROXY, HTTP_PROXY) a timeout of 30000 when none is sent;
    # the service fills in 29000 for every integration of a WebSocket API. Applied to the rows of the WEBSOCKET groups
    # of the integration table that a page shows.
    function Convert-MotoWebSocketTimeout([string[]] $Expected) {
        $protocol = $null
        foreach ($line in $Expected) {
            if ($line -match '^\s*API: \S+ \((\w+)\)\s*$') { $protocol = $Matches[1] }
            if ($protocol -eq 'WEBSOCKET' -and $line -match '^(\w+\s+(AWS_PROXY|HTTP_PROXY)\s.*\S)\s+29000\s*$') { $line = "$($Matches[1]) 30000" }
            $line
        }
    }

    # What differs between the output shown and what the example wrote: one line per difference. Table and list lines
    # are compared without their blanks (a long cell wraps where the console's width says), in the order shown.
    function Compare-DocOutput([string[]] $Expected, [object] $Run) {
        $Expected = @(Convert-MotoWebSocketTimeout $Expected)
        $actual = @((Convert-Id -Back $Run.HostText) -split '\r?\n' | ForEach-Object { Format-Line $_ } | Where-Object { $_ })
        $squeezed = -join @($actual | ForEach-Object { $_ -replace '\s', '' })
        $errors = @($Run.Errors)
        $accounted = New-Object System.Collections.Generic.HashSet[int]
        $position = 0
        foreach ($line in @($Expected | ForEach-Object { Format-Line $_ } | Where-Object { $_ })) {
            if ($line -match '^\w+,IntegrationTools\.Commands\.\w+$') {
                $found = $false
                for ($e = 0; $e -lt $errors.Count; $e++) {
                    if ($errors[$e].FullyQualifiedErrorId -eq $line) { $null = $accounted.Add($e); $found = $true }
                }
                if ($actual -contains $line) { $found = $true }
                if (-not $found) { "no error with the id $line" }
                continue
            }
            if ($line -match '^(Get|Set|New|Remove|Update|Test|ConvertFrom|Export|Import)-\w+: ') {
                $found = $false
                for ($e = 0; $e -lt $errors.Count; $e++) {
                    if ((Get-ErrorLine $errors[$e]) -eq $line) { $null = $accounted.Add($e); $found = $true }
                }
                if (-not $found) { "no error shown as: $line" }
                continue
            }
            if ($line.StartsWith('What if:')) {
                if ($actual -notcontains $line) { "not written: $line" }
                continue
            }
            foreach ($difference in $MotoDifferences) { $line = $line -replace $difference.Pattern, $difference.Replacement }
            $needle = $line -replace '\s', ''
            $index = $squeezed.IndexOf($needle, [Math]::Min($position, $squeezed.Length), [System.StringComparison]::Ordinal)
            if ($index -lt 0) {
                if ($squeezed.Contains($needle)) { "out of order: $line" } else { "not written: $line" }
                continue
            }
            $position = $index + $needle.Length
        }
        for ($e = 0; $e -lt $errors.Count; $e++) {
            if (-not $accounted.Contains($e) -and $actual -notcontains $errors[$e].FullyQualifiedErrorId) {
                "an error the page does not show: $($errors[$e].FullyQualifiedErrorId): $(Get-ErrorLine $errors[$e])"
            }
        }
    }

    #endregion
}

AfterAll {
    Stop-MotoServer -Server $moto
    $env:PATH = $savedPath
    Restore-TestAwsEnvironment -Saved $savedEnvironment
    Restore-TestAwsProfileFile -Saved $savedProfiles
}

Describe '<Page>' -ForEach $Pages.ToArray() {
    BeforeAll {
        $folder = Join-Path $TestDrive $Page
        $null = New-Item -ItemType Directory -Path $folder -Force
        $session = Open-CapturingRunspace -Width 120
        $null = Invoke-InCapturingRunspace -Session $session -Script "Set-Location -LiteralPath '$($folder.Replace("'", "''"))'"
        # Whether moto still holds the page's world as seeded (no example has changed it since).
        $state = @{ Fresh = $false }
    }

    AfterAll {
        if ($session) { $session.Runspace.Dispose() }
    }

    It '<Name>' -ForEach @($Examples | Where-Object { $_.Skip }) -Skip {
    }

    It '<Name>' -ForEach @($Examples | Where-Object { -not $_.Skip }) {
        if (-not $state.Fresh) {
            Initialize-DocWorld $Page
            # The pages show their working folder as /home/ops.
            $script:IdMap['/home/ops'] = $folder
            Write-DocFile $Page $folder
            $state.Fresh = $true
        }
        $code = ConvertTo-DocCode $Code
        $expected = if ($Output) { @($Output -split '\r?\n') } else { @() }
        $instead = $WhatIfInstead["$Page Example $Number"]
        if ($instead) {
            $code = $code.Replace($instead.Replace, '-WhatIf')
            $expected = $instead.Expect
        }
        if ($code -match '--generate-cli-skeleton > (\S+)') {
            # The reader edits the skeleton as the comments of the example say; the test does the same.
            $file = Join-Path $folder $Matches[1]
            $first, $rest = $code -split "`n", 2
            $run = Invoke-InCapturingRunspace -Session $session -Script $first
            $run.Errors | Should -HaveCount 0 -Because "$Location"
            Edit-CliSkeleton -Path $file
            $code = $rest
        }
        $run = Invoke-DocCode -Session $session -Code $code
        Update-DocIdMap
        # A changing command without -WhatIf: the next example starts from the page's world again.
        if ($code -match '(?i)\b(Set|New|Remove|Update)-\w*Integration\w*\b|\baws\s+apigateway\b' -and $code -notmatch '(?i)-WhatIf\b') { $state.Fresh = $false }
        $differences = @(Compare-DocOutput -Expected $expected -Run $run)
        $differences | Should -BeNullOrEmpty -Because "$Location should run as written; it wrote:`n$(Convert-Id -Back $run.HostText)"
    }
}
