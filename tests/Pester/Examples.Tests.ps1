#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.5.0' }

# The scripts in examples/ against a local moto server: seeded with what they need, checked on their output, on what
# they printed, on what they changed in moto (and, for the audit, on the CSV file); and every PowerShell script of the
# repository parses. Quickstart.ps1 and Set-MockEndpoints.ps1 also call the AWS CLI (aws); their tests are skipped
# when it is missing (./test.sh always has it).

BeforeDiscovery {
    Import-Module -Name (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $HasAwsCli = [bool](Find-AwsCli)
    $root = Get-RepositoryRoot
    # The scripts of the repository a user or CI runs: examples/, this suite, tests/ and the root (build.ps1).
    $Scripts = @(
        foreach ($folder in 'examples', 'tests/Pester', 'tests', '.') {
            Get-ChildItem -LiteralPath (Join-Path $root $folder) -File | Where-Object { $_.Extension -in '.ps1', '.psm1' } |
                ForEach-Object { @{ Script = $_.FullName.Substring($root.Length + 1).Replace('\', '/'); Path = $_.FullName } }
        }
    )
}

BeforeAll {
    Import-Module -Name (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $savedEnvironment = Set-TestAwsEnvironment
    $savedDefaultRegion = $env:AWS_DEFAULT_REGION
    $env:AWS_DEFAULT_REGION = 'us-east-1'   # older AWS CLIs read only this one
    # The scripts call `aws` by name, as a user's would: put the AWS CLI the suite found on PATH.
    $savedPath = $env:PATH
    $cli = Find-AwsCli
    if ($cli -and -not (Get-Command -Name aws -CommandType Application -ErrorAction Ignore)) {
        $env:PATH = (Split-Path -Parent $cli) + [System.IO.Path]::PathSeparator + $env:PATH
    }
    $moto = Start-MotoServer
    $Endpoint = $moto.Endpoint
    $null = Import-BuiltModule
    $Examples = Join-Path (Get-RepositoryRoot) 'examples'

    # Runs an example as a user would type it and returns what it wrote: Output, Errors (the error stream, and the
    # error that ended the script if one did), Terminating and HostText (views, -WhatIf's lines and what it wrote with
    # $Host.UI, which a transcript does not record).
    function Invoke-Example([string] $Script, [hashtable] $Arguments) {
        Invoke-WithCapturingHost -Script 'param() & $Script @Arguments -EndpointUrl $Endpoint' -Variables @{
            Script = (Join-Path $Examples $Script); Arguments = $Arguments; Endpoint = $Endpoint
        }
    }

    function Get-RestIntegrationResponseFromMoto([string] $RestApiId, [string] $ResourceId, [string] $HttpMethod, [string] $StatusCode) {
        # moto answers an empty object for a status code without an integration response.
        $answer = Invoke-MotoRequest GET "/restapis/$RestApiId/resources/$ResourceId/methods/$HttpMethod/integration/responses/$StatusCode"
        if ($answer.PSObject.Properties['statusCode']) { $answer } else { $null }
    }
}

AfterAll {
    Stop-MotoServer -Server $moto
    $env:PATH = $savedPath
    $env:AWS_DEFAULT_REGION = $savedDefaultRegion
    Restore-TestAwsEnvironment -Saved $savedEnvironment
}

Describe 'examples/' {
    It 'has a test for every script' {
        $tested = 'Quickstart.ps1', 'Export-IntegrationAudit.ps1', 'Import-IntegrationDefinitions.ps1', 'Move-LambdaPayloadFormat.ps1', 'Set-MockEndpoints.ps1'
        $scripts = @(Get-ChildItem -Path $Examples -Filter *.ps1 | ForEach-Object { $_.Name })
        $scripts | Should -Not -BeNullOrEmpty
        $scripts | ForEach-Object { $tested | Should -Contain $_ }
    }

    It 'has comment-based help in every script: a synopsis, a description, an example, and every parameter described' {
        $common = [System.Management.Automation.PSCmdlet]::CommonParameters + [System.Management.Automation.PSCmdlet]::OptionalCommonParameters
        $problems = Get-ChildItem -Path $Examples -Filter *.ps1 | ForEach-Object {
            $file = $_
            $help = Get-Help -Name $file.FullName -Full
            if (-not "$($help.Synopsis)".Trim()) { "$($file.Name): no synopsis" }
            if (-not "$($help.Description.Text)".Trim()) { "$($file.Name): no description" }
            if (@($help.Examples.Example).Count -lt 1) { "$($file.Name): no example" }
            (Get-Command -Name $file.FullName).Parameters.Keys | Where-Object { $_ -notin $common } | ForEach-Object {
                $name = $_
                if (-not ($help.Parameters.Parameter | Where-Object { $_.Name -eq $name -and "$($_.Description.Text)".Trim() })) {
                    "$($file.Name): -$name is not described"
                }
            }
        }
        @($problems) | Should -BeNullOrEmpty
    }
}

Describe 'The PowerShell scripts of the repository' {
    It '<Script> parses without errors' -ForEach $Scripts {
        $tokens = $null
        $parseErrors = $null
        $null = [System.Management.Automation.Language.Parser]::ParseFile($Path, [ref] $tokens, [ref] $parseErrors)
        @($parseErrors | ForEach-Object { "${Script}:$($_.Extent.StartLineNumber):$($_.Extent.StartColumnNumber) $($_.Message)" }) | Should -BeNullOrEmpty
    }
}

Describe 'Quickstart.ps1' {
    It 'creates and changes the integrations through the cmdlets, and shows them' -Skip:(-not $HasAwsCli) {
        $run = Invoke-Example 'Quickstart.ps1' @{}
        $run.Errors | Should -HaveCount 0
        $text = $run.HostText
        $text | Should -Match ([regex]::Escape("== Integrating the REST API's methods with Set-RestIntegration"))
        $text | Should -Match 'GET\s+/pets\s+MOCK'
        $text | Should -Match 'POST\s+/pets\s+HTTP_PROXY POST\s+https://petstore.example.com/pets'
        $text | Should -Match 'GET\s+/pets/\{id\}\s+AWS_PROXY\s+POST\s+arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/'
        $text | Should -Match 'GET\s+/pets\s+200'
        # New-ApiIntegration created both, Set-ApiIntegration changed the proxy's timeout to 10000.
        $text | Should -Match 'AWS_PROXY\s+POST\s+arn:aws:lambda:us-east-1:123456789012:function:orders\s+2\.0\s+30000'
        $text | Should -Match 'HTTP_PROXY GET\s+https://orders.example.com/\{proxy\}\s+1\.0\s+10000'

        $api = @((Invoke-MotoRequest GET '/v2/apis').items | Where-Object name -EQ 'quickstart-orders')[0]
        $integrations = @(Get-MotoApiIntegrationList -ApiId $api.apiId)
        $integrations | Should -HaveCount 2
        $proxy = $integrations | Where-Object integrationType -EQ 'HTTP_PROXY'
        $proxy.timeoutInMillis | Should -Be 10000
        $proxy.description | Should -Be 'orders backend'
        $rest = @((Invoke-MotoRequest GET '/restapis').item | Where-Object name -EQ 'quickstart-pets')[0]
        @(Get-RestIntegration -RestApiId $rest.id -EndpointUrl $Endpoint).Type | Sort-Object | Should -Be @('AWS_PROXY', 'HTTP_PROXY', 'MOCK')
    }
}

Describe 'Export-IntegrationAudit.ps1' {
    BeforeAll {
        $store = New-PetStore -Name 'audit-rest'
        $api = New-MotoApi -Name 'audit-http'
        $lambda = New-MotoApiIntegration -ApiId $api -Body @{
            integrationType = 'AWS_PROXY'; integrationUri = 'arn:aws:lambda:us-east-1:123456789012:function:orders'; payloadFormatVersion = '2.0'
        }
        $proxy = New-MotoApiIntegration -ApiId $api -Body @{
            integrationType = 'HTTP_PROXY'; integrationMethod = 'GET'; payloadFormatVersion = '1.0'; timeoutInMillis = 12000
            integrationUri = 'https://items.example.com/list?ids=1,2&tag="a"'
        }
        $csv = Join-Path $TestDrive 'audit.csv'
        $run = Invoke-Example 'Export-IntegrationAudit.ps1' @{ RestApiId = $store.RestApiId; ApiId = $api; Path = $csv; PassThru = $true }
    }

    It 'shows the views of both kinds of API, and a summary' {
        $run.Errors | Should -HaveCount 0
        $run.HostText | Should -Match ([regex]::Escape("REST API: $($store.RestApiId)"))
        $run.HostText | Should -Match ([regex]::Escape("API: $api (HTTP)"))
        $run.HostText | Should -Match ([regex]::Escape("Audited 5 integrations (3 of REST APIs, 2 of HTTP/WebSocket APIs) into $csv"))
    }

    It 'returns a row per integration with -PassThru, the friendly names filled in for both kinds' {
        $run.Output | Should -HaveCount 5
        $post = @($run.Output | Where-Object { $_.ApiKind -eq 'REST' -and $_.Method -eq 'POST' })
        $post | Should -HaveCount 1
        "$($post[0].ApiKind) $($post[0].Path) $($post[0].Type) $($post[0].Uri)" | Should -BeExactly 'REST /pets HTTP_PROXY https://petstore.example.com/pets'
        $v2 = @($run.Output | Where-Object IntegrationId -EQ $lambda)
        $v2 | Should -HaveCount 1
        "$($v2[0].ApiKind) $($v2[0].Type) $($v2[0].PayloadFormatVersion)" | Should -BeExactly 'HTTP AWS_PROXY 2.0'
    }

    It 'writes a header and one quoted line per integration to the CSV, quotes inside values doubled' {
        $lines = @(Get-Content -LiteralPath $csv)
        $lines | Should -HaveCount 6
        $lines[0] | Should -BeExactly '"ApiKind","ApiId","Method","Path","IntegrationId","Type","Uri","ConnectionType","ConnectionId","Credentials","TimeoutInMillis","PayloadFormatVersion"'
        @($lines | Where-Object { $_.StartsWith("`"REST`",`"$($store.RestApiId)`",`"GET`",`"/pets`",`"`",`"MOCK`",") }) | Should -HaveCount 1
        @($lines | Where-Object {
                $_.StartsWith("`"HTTP`",`"$api`",`"GET`",`"`",`"$proxy`",`"HTTP_PROXY`",`"https://items.example.com/list?ids=1,2&tag=`"`"a`"`"`",") -and
                $_.EndsWith(',"12000","1.0"')
            }) | Should -HaveCount 1
        $rows = @(Import-Csv -LiteralPath $csv)
        ($rows | Where-Object IntegrationId -EQ $proxy).Uri | Should -BeExactly 'https://items.example.com/list?ids=1,2&tag="a"'
        ($rows | Where-Object { $_.ApiKind -eq 'REST' -and $_.Type -eq 'MOCK' }).Uri | Should -BeExactly ''
    }

    It 'reports an API that cannot be read and goes on with the others' {
        $partialApi = New-MotoApi -Name 'audit-partial'
        $null = New-MotoApiIntegration -ApiId $partialApi -Body @{ integrationType = 'HTTP_PROXY'; integrationMethod = 'ANY'; integrationUri = 'https://p.example.com'; payloadFormatVersion = '1.0' }
        $partialCsv = Join-Path $TestDrive 'audit-partial.csv'
        $partial = Invoke-Example 'Export-IntegrationAudit.ps1' @{ ApiId = @('nosuchapi', $partialApi); Path = $partialCsv }
        $partial.Terminating | Should -BeNullOrEmpty
        @($partial.Errors | Where-Object { $_.FullyQualifiedErrorId -like 'GetApiIntegrationNotFound*' }) | Should -Not -BeNullOrEmpty
        @(Get-Content -LiteralPath $partialCsv) | Should -HaveCount 2
    }
}

Describe 'Import-IntegrationDefinitions.ps1' {
    BeforeAll {
        $store = New-PetStore -Name 'import-rest'
        $api = New-MotoApi -Name 'import-http'
        $existing = New-MotoApiIntegration -ApiId $api -Body @{ integrationType = 'HTTP_PROXY'; integrationMethod = 'GET'; integrationUri = 'https://old.example.com'; payloadFormatVersion = '1.0' }
        $file = Join-Path $TestDrive 'definitions.yaml'
        Set-Content -LiteralPath $file -Value @"
# REST: the DELETE method has no integration yet
- RestApiId: $($store.RestApiId)
  ResourcePath: /pets/{id}
  HttpMethod: DELETE
  Type: HTTP_PROXY
  IntegrationHttpMethod: DELETE
  Uri: https://petstore.example.com/pets/{id}
# HTTP API: a new integration
- ApiId: $api
  IntegrationType: HTTP_PROXY
  IntegrationMethod: ANY
  IntegrationUri: https://orders.example.com/{proxy}
  PayloadFormatVersion: "1.0"
# HTTP API: change the existing one
- ApiId: $api
  IntegrationId: $existing
  TimeoutInMillis: 12000
# A misspelt key: reported, nothing sent
- RestApiId: $($store.RestApiId)
  ResourcePath: /pets
  HttpMethod: POST
  Type: HTTP_PROXY
  IntegrationHttpMethod: POST
  Uir: https://typo.example.com
"@
    }

    It 'shows everything with -WhatIf, reports the misspelt definition, and changes nothing' {
        $run = Invoke-Example 'Import-IntegrationDefinitions.ps1' @{ Path = $file; WhatIf = $true }
        $run.Terminating | Should -BeNullOrEmpty
        @($run.Output.Status) | Should -Be @('WhatIf', 'WhatIf', 'WhatIf', 'Failed')
        @($run.Output.Cmdlet) | Should -Be @('Set-RestIntegration', 'New-ApiIntegration', 'Set-ApiIntegration', 'Set-RestIntegration')
        $run.Output[3].Message | Should -Match 'Uir'
        $run.HostText | Should -Match ([regex]::Escape("What if: Performing the operation `"PUT /restapis/$($store.RestApiId)/resources/$($store.PetId)/methods/DELETE/integration"))
        $run.HostText | Should -Match ([regex]::Escape('4 definitions: 0 applied, 3 shown with -WhatIf, 1 failed.'))
        $run.Errors | Should -HaveCount 1
        Get-MotoRestIntegration -RestApiId $store.RestApiId -ResourceId $store.PetId -HttpMethod DELETE | Should -BeNullOrEmpty
        Get-MotoApiIntegrationList -ApiId $api | Should -HaveCount 1
        (Get-MotoApiIntegration -ApiId $api -IntegrationId $existing).timeoutInMillis | Should -Not -Be 12000
    }

    It 'applies each definition with the cmdlet that owns it, and reports the misspelt one in the error stream once' {
        $run = Invoke-Example 'Import-IntegrationDefinitions.ps1' @{ Path = $file }
        $run.Terminating | Should -BeNullOrEmpty
        @($run.Output.Status) | Should -Be @('Applied', 'Applied', 'Applied', 'Failed')
        @($run.Output.Cmdlet) | Should -Be @('Set-RestIntegration', 'New-ApiIntegration', 'Set-ApiIntegration', 'Set-RestIntegration')
        $run.Output[0].Message | Should -BeExactly 'HTTP_PROXY https://petstore.example.com/pets/{id}'
        $created = $run.Output[1].IntegrationId
        $created | Should -Not -BeNullOrEmpty
        # The script silences the cmdlet's error and writes it again: the error stream holds it once.
        $run.Errors | Should -HaveCount 1
        $run.HostText | Should -Match ([regex]::Escape('4 definitions: 3 applied, 0 shown with -WhatIf, 1 failed.'))
        (Get-MotoRestIntegration -RestApiId $store.RestApiId -ResourceId $store.PetId -HttpMethod DELETE).httpMethod | Should -BeExactly 'DELETE'
        (Get-MotoApiIntegration -ApiId $api -IntegrationId $created).integrationUri | Should -BeExactly 'https://orders.example.com/{proxy}'
        (Get-MotoApiIntegration -ApiId $api -IntegrationId $existing).timeoutInMillis | Should -Be 12000
    }

    It 'stops before applying anything when the file is broken, naming the line and column' {
        $broken = Join-Path $TestDrive 'broken.json'
        Set-Content -LiteralPath $broken -Value "[`n  { `"ApiId`": `"abc`", }`n  { `"ApiId`": `"def`" }`n]"
        $run = Invoke-Example 'Import-IntegrationDefinitions.ps1' @{ Path = $broken }
        $run.Output | Should -HaveCount 0
        $run.Errors | Should -HaveCount 1
        $run.Errors[0].FullyQualifiedErrorId | Should -BeExactly 'DefinitionSyntaxError,IntegrationTools.Commands.ImportIntegrationDefinitionCommand'
        "$($run.Errors[0])" | Should -Match ([regex]::Escape("$broken, line 3, column 3"))
    }
}

Describe 'Move-LambdaPayloadFormat.ps1' {
    BeforeAll {
        $api = New-MotoApi -Name 'payload-move'
        $old = New-MotoApiIntegration -ApiId $api -Body @{ integrationType = 'AWS_PROXY'; integrationUri = 'arn:aws:lambda:us-east-1:123456789012:function:old'; payloadFormatVersion = '1.0' }
        $current = New-MotoApiIntegration -ApiId $api -Body @{ integrationType = 'AWS_PROXY'; integrationUri = 'arn:aws:lambda:us-east-1:123456789012:function:new'; payloadFormatVersion = '2.0' }
        $http = New-MotoApiIntegration -ApiId $api -Body @{ integrationType = 'HTTP_PROXY'; integrationMethod = 'ANY'; integrationUri = 'https://h.example.com'; payloadFormatVersion = '1.0' }
    }

    It 'shows with -WhatIf what it would move, and changes nothing' {
        $run = Invoke-Example 'Move-LambdaPayloadFormat.ps1' @{ ApiId = $api; WhatIf = $true }
        $run.Errors | Should -HaveCount 0
        @($run.Output | Sort-Object Status | ForEach-Object { "$($_.IntegrationId) $($_.Status)" }) | Should -Be @("$current AlreadyOn2.0", "$old WhatIf")
        $run.HostText | Should -Match ([regex]::Escape("What if: Performing the operation `"PATCH /v2/apis/$api/integrations/$old"))
        $run.HostText | Should -Match ([regex]::Escape('would move 1 to payload format 2.0, 1 already on 2.0, 0 failed; 1 other integrations'))
        (Get-MotoApiIntegration -ApiId $api -IntegrationId $old).payloadFormatVersion | Should -Be '1.0'
    }

    It 'moves only the Lambda proxies on 1.0' {
        $run = Invoke-Example 'Move-LambdaPayloadFormat.ps1' @{ ApiId = $api }
        $run.Errors | Should -HaveCount 0
        $moved = @($run.Output | Where-Object Status -EQ 'Moved')
        $moved | Should -HaveCount 1
        "$($moved[0].IntegrationId) $($moved[0].From) $($moved[0].To)" | Should -BeExactly "$old 1.0 2.0"
        $run.HostText | Should -Match ([regex]::Escape('moved 1 to payload format 2.0'))
        (Get-MotoApiIntegration -ApiId $api -IntegrationId $old).payloadFormatVersion | Should -Be '2.0'
        (Get-MotoApiIntegration -ApiId $api -IntegrationId $http).payloadFormatVersion | Should -Be '1.0'
    }
}

Describe 'Set-MockEndpoints.ps1' {
    BeforeAll {
        $store = New-PetStore -Name 'mock-endpoints'
    }

    It 'shows with -WhatIf the methods it would mock, and changes nothing' -Skip:(-not $HasAwsCli) {
        $run = Invoke-Example 'Set-MockEndpoints.ps1' @{ RestApiId = $store.RestApiId; WhatIf = $true }
        $run.Errors | Should -HaveCount 0
        $run.Output | Should -HaveCount 1
        "$($run.Output[0].Method) $($run.Output[0].Path) $($run.Output[0].Status)" | Should -BeExactly 'DELETE /pets/{id} WhatIf'
        Get-MotoRestIntegration -RestApiId $store.RestApiId -ResourceId $store.PetId -HttpMethod DELETE | Should -BeNullOrEmpty
    }

    It 'mocks every method without an integration, with a 200 response' -Skip:(-not $HasAwsCli) {
        $run = Invoke-Example 'Set-MockEndpoints.ps1' @{ RestApiId = $store.RestApiId; ResponseBody = '{"pet": "mock"}' }
        $run.Errors | Should -HaveCount 0
        $run.Output | Should -HaveCount 1
        "$($run.Output[0].Method) $($run.Output[0].Path) $($run.Output[0].Status)" | Should -BeExactly 'DELETE /pets/{id} Mocked'
        (Get-MotoRestIntegration -RestApiId $store.RestApiId -ResourceId $store.PetId -HttpMethod DELETE).type | Should -BeExactly 'MOCK'
        (Get-RestIntegrationResponseFromMoto $store.RestApiId $store.PetId DELETE 200).responseTemplates.'application/json' | Should -BeExactly '{"pet": "mock"}'
        $run.HostText | Should -Match ([regex]::Escape("REST API $($store.RestApiId): 1 methods mocked, 0 shown with -WhatIf, 0 failed."))
    }

    It 'replaces the integrations of the methods given, in any case' -Skip:(-not $HasAwsCli) {
        $run = Invoke-Example 'Set-MockEndpoints.ps1' @{ RestApiId = $store.RestApiId; Method = 'get /pets/{id}' }
        $run.Errors | Should -HaveCount 0
        $run.Output | Should -HaveCount 1
        $run.Output[0].Status | Should -BeExactly 'Mocked'
        (Get-MotoRestIntegration -RestApiId $store.RestApiId -ResourceId $store.PetId -HttpMethod GET).type | Should -BeExactly 'MOCK'
        Get-RestIntegrationResponseFromMoto $store.RestApiId $store.PetId GET 200 | Should -Not -BeNullOrEmpty
    }
}
