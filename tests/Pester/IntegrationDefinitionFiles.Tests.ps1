#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.5.0' }

# Definitions files: Import-IntegrationDefinition reads files and ConvertFrom-IntegrationDefinition text into hashtables
# for the changing cmdlets; Export-IntegrationDefinition writes them.

BeforeAll {
    Import-Module -Name (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $moto = Start-TestSuite
    $Endpoint = $moto.Endpoint
    $Command = 'IntegrationTools.Commands.ImportIntegrationDefinitionCommand'
    $ConvertCommand = 'IntegrationTools.Commands.ConvertFromIntegrationDefinitionCommand'
    $ExportCommand = 'IntegrationTools.Commands.ExportIntegrationDefinitionCommand'
    $folder = Join-Path ([System.IO.Path]::GetTempPath()) "pester-definitions-$([guid]::NewGuid())"
    $null = New-Item -ItemType Directory -Path $folder
}

AfterAll {
    Remove-Item -LiteralPath $folder -Recurse -ErrorAction Ignore
    Stop-TestSuite $moto
}

Describe 'Import-IntegrationDefinition' {
    It 'reads a JSON file whose definitions Set-RestIntegration applies' {
        $store = New-PetStore -Name 'pester-convert-json'
        $file = Join-Path $folder 'rest.json'
        Set-Content -LiteralPath $file -Value (@"
{ "Definitions": [ { "restApiId": "$($store.RestApiId)", "resourcePath": "/pets/{id}", "httpMethod": "DELETE", "type": "HTTP_PROXY",
  "integrationHttpMethod": "DELETE", "uri": "https://pets.example.com/pets/{id}", "timeoutInMillis": 8000 } ] }
"@)
        Import-IntegrationDefinition -Path $file | Set-RestIntegration -EndpointUrl $Endpoint | Out-Null
        $integration = Invoke-MotoRequest GET "/restapis/$($store.RestApiId)/resources/$($store.PetId)/methods/DELETE/integration"
        $integration.type | Should -Be 'HTTP_PROXY'
        $integration.timeoutInMillis | Should -Be 8000
    }

    It 'expands wildcards, and takes paths and files from the pipeline' {
        $wild = Join-Path $folder 'wild'
        $null = New-Item -ItemType Directory -Path $wild
        Set-Content -LiteralPath (Join-Path $wild 'a.yaml') -Value "- ApiId: one`n- ApiId: two"
        Set-Content -LiteralPath (Join-Path $wild 'b.yml') -Value 'ApiId: three'
        Import-IntegrationDefinition -Path (Join-Path $wild '*.y*ml') | ForEach-Object { $_.ApiId } | Should -Be @('one', 'two', 'three')
        Get-ChildItem -LiteralPath $wild -File | Sort-Object Name | Import-IntegrationDefinition | ForEach-Object { $_.ApiId } | Should -Be @('one', 'two', 'three')
        @((Join-Path $wild 'b.yml'), (Join-Path $wild 'a.yaml')) | Import-IntegrationDefinition | ForEach-Object { $_.ApiId } | Should -Be @('three', 'one', 'two')
    }

    It 'reads a file whose name has wildcard characters with -LiteralPath, and says which format with -Format' {
        $odd = Join-Path $folder 'stage[1].txt'
        Set-Content -LiteralPath $odd -Value '{ "ApiId": "literal" }'
        (Import-IntegrationDefinition -LiteralPath $odd).ApiId | Should -BeExactly 'literal'
        Set-Content -LiteralPath $odd -Value 'ApiId: "0123"'
        (Import-IntegrationDefinition -LiteralPath $odd -Format Yaml).ApiId | Should -BeExactly '0123'
    }

    It 'names the file, line and column of a syntax error and returns nothing from that file' {
        $bad = Join-Path $folder 'bad.yaml'
        Set-Content -LiteralPath $bad -Value "- ApiId: a`n  IntegrationType: HTTP_PROXY`n   IntegrationUri: x: y"
        $good = Join-Path $folder 'good.json'
        Set-Content -LiteralPath $good -Value '[{ "ApiId": "g" }]'
        $result = @(Import-IntegrationDefinition -Path $bad, $good -ErrorVariable failed -ErrorAction SilentlyContinue)
        @($result.ApiId) | Should -Be @('g')
        $failed | Should -HaveCount 1
        $failed[0].FullyQualifiedErrorId | Should -Be "DefinitionSyntaxError,$Command"
        $failed[0].CategoryInfo.Category | Should -Be 'ParserError'
        $failed[0].TargetObject | Should -Be $bad
        "$($failed[0])" | Should -Match ('^' + [regex]::Escape($bad) + ', line 3, column \d+: not valid YAML: ')
        $failed[0].ErrorDetails.RecommendedAction | Should -BeLike 'Fix line 3, column*'
        "$($failed[0])" | Should -Not -Match '   at '
    }

    It 'reports a missing file, and a wildcard that matches nothing, as ObjectNotFound, and reads the other paths' {
        $ok = Join-Path $folder 'ok.yaml'
        Set-Content -LiteralPath $ok -Value 'ApiId: ok'
        $missing = Join-Path $folder 'missing.yaml'
        $run = Invoke-Captured { Import-IntegrationDefinition -Path $missing, $ok, (Join-Path $folder 'none*.json') }
        @($run.Output.ApiId) | Should -Be @('ok')
        $run.Errors | Should -HaveCount 2
        $run.Errors | ForEach-Object {
            $_.FullyQualifiedErrorId | Should -Be "DefinitionFileNotFound,$Command"
            $_.CategoryInfo.Category | Should -Be 'ObjectNotFound'
        }
        "$($run.Errors[0])" | Should -Match ([regex]::Escape($missing))
        $run.Errors[0].TargetObject | Should -Be $missing
    }
}

Describe 'ConvertFrom-IntegrationDefinition' {
    It 'turns YAML text into hashtables that New-ApiIntegration takes' {
        $api = New-MotoApi -Name 'pester-convert-yaml'
        $yaml = "- ApiId: $api`n  IntegrationType: HTTP_PROXY`n  IntegrationMethod: ANY`n  IntegrationUri: https://orders.example.com/{proxy}`n  PayloadFormatVersion: `"1.0`"`n  TimeoutInMillis: 9000"
        $definitions = @($yaml | ConvertFrom-IntegrationDefinition)
        $definitions[0] | Should -BeOfType [hashtable]
        # Keys match in any case, and numbers are numbers.
        $definitions[0].timeoutinmillis | Should -BeOfType [int]
        @($definitions | Test-ApiIntegration -ApiKind Api -ProtocolType HTTP) | Should -HaveCount 0
        $created = $definitions | New-ApiIntegration -EndpointUrl $Endpoint
        (Invoke-MotoRequest GET "/v2/apis/$api/integrations/$($created.IntegrationId)").timeoutInMillis | Should -Be 9000
    }

    It 'joins lines piped one by one' {
        @('- RestApiId: r1', '  HttpMethod: GET', '- RestApiId: r2') | ConvertFrom-IntegrationDefinition | ForEach-Object { $_.RestApiId } |
            Should -Be @('r1', 'r2')
    }

    It 'reads text, not files: a file piped in is its path as text, and the error points to Import-IntegrationDefinition' {
        $file = Join-Path $folder 'piped.yaml'
        Set-Content -LiteralPath $file -Value 'ApiId: piped'
        $run = Invoke-Captured { Get-Item -LiteralPath $file | ConvertFrom-IntegrationDefinition }
        $run.Output | Should -HaveCount 0
        $run.Errors | Should -HaveCount 1
        $run.Errors[0].FullyQualifiedErrorId | Should -Be "DefinitionSyntaxError,$ConvertCommand"
        $run.Errors[0].ErrorDetails.RecommendedAction | Should -Match 'Import-IntegrationDefinition -Path'
        (Get-Command ConvertFrom-IntegrationDefinition).Parameters.Keys | Should -Not -Contain 'Path'
    }

    It 'reports -Content that is not a list of definitions as a syntax error of the text, and returns nothing' {
        $run = Invoke-Captured { ConvertFrom-IntegrationDefinition -Content '[1, 2]' -Format Json }
        $run.Output | Should -HaveCount 0
        $run.Errors | Should -HaveCount 1
        $run.Errors[0].FullyQualifiedErrorId | Should -Be "DefinitionSyntaxError,$ConvertCommand"
        "$($run.Errors[0])" | Should -BeExactly 'the -Content text: item 1 of the list is the value 1, not a definition (an object with named members such as RestApiId or ApiId).'
    }

    It 'makes nested mappings hashtables and lists arrays' {
        $definition = ConvertFrom-IntegrationDefinition -Content "RequestTemplates:`n  application/json: '{}'`nCacheKeyParameters: [a, b]" -Format Yaml
        $definition.RequestTemplates | Should -BeOfType [hashtable]
        $definition.RequestTemplates['application/json'] | Should -BeExactly '{}'
        @($definition.CacheKeyParameters) | Should -Be @('a', 'b')
    }
}

Describe 'Export-IntegrationDefinition' {
    BeforeAll {
        $out = Join-Path $folder 'export'
        $null = New-Item -ItemType Directory -Path $out
        # A definition as a user writes it: aliases, camelCase, defaults and blanks that the file leaves out.
        $typed = @{ restApiId = 'abc123'; Path = '/pets'; Method = 'get'; Type = 'http_proxy'; Uri = 'https://pets.example.com'
            IntegrationHttpMethod = 'GET'; ConnectionType = 'INTERNET'; TimeoutInMillis = 29000; Credentials = ''; RequestTemplates = @{} }
    }

    It 'writes the format of the extension: <Name>' -ForEach @(
        @{ Name = 'a.json'; Format = $null; Start = '[' }
        @{ Name = 'a.yml'; Format = $null; Start = '- RestApiId: abc123' }
        @{ Name = 'a.txt'; Format = 'Yaml'; Start = '- RestApiId: abc123' }
        @{ Name = 'b.yaml'; Format = 'Json'; Start = '[' }
    ) {
        $file = Join-Path $out $Name
        $parameters = @{ Path = $file }
        if ($Format) { $parameters.Format = $Format }
        $typed | Export-IntegrationDefinition @parameters
        (Get-Content -LiteralPath $file)[0] | Should -BeExactly $Start
        $read = @(Import-IntegrationDefinition -LiteralPath $file -Format $(if ($Format) { $Format } else { 'Auto' }))
        $read | Should -HaveCount 1
        @($read[0].Keys | Sort-Object) | Should -Be @('HttpMethod', 'IntegrationHttpMethod', 'ResourcePath', 'RestApiId', 'Type', 'Uri')
        $read[0].HttpMethod | Should -BeExactly 'GET'
        $read[0].Type | Should -BeExactly 'HTTP_PROXY'
    }

    It 'refuses a file name that names no format, and writes nothing' {
        $file = Join-Path $out 'plain.txt'
        { $typed | Export-IntegrationDefinition -Path $file } | Should -Throw -ErrorId "ExportIntegrationDefinitionUnknownFormat,$ExportCommand"
        $file | Should -Not -Exist
    }

    It 'replaces a file unless -NoClobber, as Export-Csv does' {
        $file = Join-Path $out 'replace.yaml'
        Set-Content -LiteralPath $file -Value 'old'
        $run = Invoke-Captured { $typed | Export-IntegrationDefinition -Path $file -NoClobber }
        $run.Errors | Should -HaveCount 1
        $run.Errors[0].FullyQualifiedErrorId | Should -Be "ExportIntegrationDefinitionFileExists,$ExportCommand"
        $run.Errors[0].CategoryInfo.Category | Should -Be 'ResourceExists'
        Get-Content -LiteralPath $file | Should -BeExactly 'old'
        $typed | Export-IntegrationDefinition -Path $file
        (Import-IntegrationDefinition -Path $file).RestApiId | Should -BeExactly 'abc123'
    }

    It 'replaces a read-only file only with -Force, and keeps it read-only' {
        $file = Join-Path $out 'locked.json'
        Set-Content -LiteralPath $file -Value '[]'
        (Get-Item -LiteralPath $file).IsReadOnly = $true
        try {
            { $typed | Export-IntegrationDefinition -Path $file } | Should -Throw -ErrorId "ExportIntegrationDefinitionFileReadOnly,$ExportCommand"
            Get-Content -LiteralPath $file | Should -BeExactly '[]'
            $typed | Export-IntegrationDefinition -Path $file -Force
            (Import-IntegrationDefinition -Path $file).RestApiId | Should -BeExactly 'abc123'
            (Get-Item -LiteralPath $file).IsReadOnly | Should -BeTrue
        }
        finally {
            (Get-Item -LiteralPath $file).IsReadOnly = $false
        }
    }

    It 'writes nothing with -WhatIf, and says what it would write' {
        $file = Join-Path $out 'whatif.yaml'
        $text = Get-HostText { @($typed, $typed) | Export-IntegrationDefinition -Path $file -WhatIf }
        $text | Should -Match ([regex]::Escape("Write 2 integration definitions as Yaml"))
        $file | Should -Not -Exist
    }

    It 'passes the file on with -PassThru, into Import-IntegrationDefinition' {
        $file = Join-Path $out 'passthru.json'
        $written = @($typed | Export-IntegrationDefinition -Path $file -PassThru)
        $written | Should -HaveCount 1
        $written[0] | Should -BeOfType ([System.IO.FileInfo])
        $written[0].FullName | Should -Be $file
        ($written[0] | Import-IntegrationDefinition).ResourcePath | Should -BeExactly '/pets'
        @($typed | Export-IntegrationDefinition -Path $file) | Should -HaveCount 0
    }

    It 'reports each input that is not a definition, writes the others, and leaves the file alone when none is one' {
        $file = Join-Path $out 'some.yaml'
        $run = Invoke-Captured { @($typed, @{ RestApiId = 'abc123'; Colour = 'blue' }, 'text', @{ ApiId = 'v2'; IntegrationType = 'MOCK' }) | Export-IntegrationDefinition -Path $file }
        $run.Errors | Should -HaveCount 2
        $run.Errors | ForEach-Object {
            $_.FullyQualifiedErrorId | Should -Be "ExportIntegrationDefinitionInvalidDefinition,$ExportCommand"
            $_.CategoryInfo.Category | Should -Be 'InvalidArgument'
        }
        "$($run.Errors[0])" | Should -Match 'IT0002'
        "$($run.Errors[1])" | Should -Match 'IT0001'
        @(Import-IntegrationDefinition -Path $file | ForEach-Object { "$($_.RestApiId)$($_.ApiId)" }) | Should -Be @('abc123', 'v2')
        $before = Get-Content -LiteralPath $file -Raw
        $none = Invoke-Captured { @{ Colour = 'blue' } | Export-IntegrationDefinition -Path $file }
        $none.Errors | Should -HaveCount 1
        "$($none.Errors[0])" | Should -Match 'IT0005'
        Get-Content -LiteralPath $file -Raw | Should -BeExactly $before
    }

    It 'writes an empty list when nothing comes down the pipeline' {
        $file = Join-Path $out 'empty.json'
        @() | Export-IntegrationDefinition -Path $file
        Get-Content -LiteralPath $file -Raw | Should -BeExactly "[]`n"
        @(Import-IntegrationDefinition -Path $file) | Should -HaveCount 0
    }

    It 'refuses a wildcard that does not name exactly one file, and a folder' {
        Set-Content -LiteralPath (Join-Path $out 'w1.json') -Value '[]'
        Set-Content -LiteralPath (Join-Path $out 'w2.json') -Value '[]'
        { $typed | Export-IntegrationDefinition -Path (Join-Path $out 'w*.json') } | Should -Throw -ErrorId "ExportIntegrationDefinitionAmbiguousPath,$ExportCommand"
        { $typed | Export-IntegrationDefinition -Path $out -Format Json } | Should -Throw -ErrorId "ExportIntegrationDefinitionInvalidPath,$ExportCommand"
        $typed | Export-IntegrationDefinition -LiteralPath (Join-Path $out 'w[3].json')
        (Import-IntegrationDefinition -LiteralPath (Join-Path $out 'w[3].json')).RestApiId | Should -BeExactly 'abc123'
    }

    It 'exports Get-ApiIntegration output without its id and echoes, and the Lambda proxy''s method left out' {
        $orders = New-OrdersHttpApi -Name 'export-orders' -Endpoint $Endpoint
        $file = Join-Path $out 'orders.yaml'
        Get-ApiIntegration -ApiId $orders.ApiId -EndpointUrl $Endpoint | Export-IntegrationDefinition -Path $file
        $text = Get-Content -LiteralPath $file -Raw
        $text | Should -Not -Match 'IntegrationId|ApiGatewayManaged|Outcome|ConnectionType: INTERNET|TimeoutInMillis: 30000'
        $text | Should -Match ([regex]::Escape('PayloadFormatVersion: "2.0"'))
        $lambda = Import-IntegrationDefinition -Path $file | Where-Object { $_.IntegrationType -eq 'AWS_PROXY' }
        $lambda.Keys | Should -Not -Contain 'IntegrationMethod'
        $lambda.ProtocolType | Should -BeExactly 'HTTP'
        $lambda.Description | Should -BeExactly 'orders lambda'
    }
}
