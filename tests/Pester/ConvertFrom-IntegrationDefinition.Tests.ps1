#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.5.0' }

# ConvertFrom-IntegrationDefinition: files and text in, hashtables out, into the changing cmdlets.

BeforeAll {
    Import-Module -Name (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $savedEnvironment = Set-TestAwsEnvironment
    $moto = Start-MotoServer
    $Endpoint = $moto.Endpoint
    $null = Import-BuiltModule
    $Command = 'IntegrationTools.Commands.ConvertFromIntegrationDefinitionCommand'
    $folder = Join-Path ([System.IO.Path]::GetTempPath()) "pester-definitions-$([guid]::NewGuid())"
    $null = New-Item -ItemType Directory -Path $folder
}

AfterAll {
    Remove-Item -LiteralPath $folder -Recurse -ErrorAction Ignore
    Stop-MotoServer -Server $moto
    Restore-TestAwsEnvironment -Saved $savedEnvironment
}

Describe 'ConvertFrom-IntegrationDefinition' {
    It 'reads a JSON file whose definitions Set-RestIntegration applies' {
        $store = New-PetStore -Name 'pester-convert-json'
        $file = Join-Path $folder 'rest.json'
        Set-Content -LiteralPath $file -Value (@"
{ "Definitions": [ { "restApiId": "$($store.RestApiId)", "resourcePath": "/pets/{id}", "httpMethod": "DELETE", "type": "HTTP_PROXY",
  "integrationHttpMethod": "DELETE", "uri": "https://pets.example.com/pets/{id}", "timeoutInMillis": 8000 } ] }
"@)
        ConvertFrom-IntegrationDefinition -Path $file | Set-RestIntegration -EndpointUrl $Endpoint | Out-Null
        $integration = Invoke-MotoRequest GET "/restapis/$($store.RestApiId)/resources/$($store.PetId)/methods/DELETE/integration"
        $integration.type | Should -Be 'HTTP_PROXY'
        $integration.timeoutInMillis | Should -Be 8000
    }

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

    It 'joins lines piped one by one and expands wildcards' {
        Set-Content -LiteralPath (Join-Path $folder 'a.yaml') -Value "- ApiId: one`n- ApiId: two"
        Set-Content -LiteralPath (Join-Path $folder 'b.yml') -Value 'ApiId: three'
        @('- RestApiId: r1', '  HttpMethod: GET', '- RestApiId: r2') | ConvertFrom-IntegrationDefinition | ForEach-Object { $_.RestApiId } |
            Should -Be @('r1', 'r2')
        ConvertFrom-IntegrationDefinition -Path (Join-Path $folder '*.y*ml') | ForEach-Object { $_.ApiId } | Should -Be @('one', 'two', 'three')
    }

    It 'names the file, line and column of a syntax error and returns nothing from that file' {
        $bad = Join-Path $folder 'bad.yaml'
        Set-Content -LiteralPath $bad -Value "- ApiId: a`n  IntegrationType: HTTP_PROXY`n   IntegrationUri: x: y"
        $good = Join-Path $folder 'good.json'
        Set-Content -LiteralPath $good -Value '[{ "ApiId": "g" }]'
        $result = @(ConvertFrom-IntegrationDefinition -Path $bad, $good -ErrorVariable failed -ErrorAction SilentlyContinue)
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
        $run = Invoke-Captured { ConvertFrom-IntegrationDefinition -Path $missing, $ok, (Join-Path $folder 'none*.json') }
        @($run.Output.ApiId) | Should -Be @('ok')
        $run.Errors | Should -HaveCount 2
        $run.Errors | ForEach-Object {
            $_.FullyQualifiedErrorId | Should -Be "DefinitionFileNotFound,$Command"
            $_.CategoryInfo.Category | Should -Be 'ObjectNotFound'
        }
        "$($run.Errors[0])" | Should -Match ([regex]::Escape($missing))
        $run.Errors[0].TargetObject | Should -Be $missing
    }

    It 'reports -Content that is not a list of definitions as a syntax error of the text, and returns nothing' {
        $run = Invoke-Captured { ConvertFrom-IntegrationDefinition -Content '[1, 2]' -Format Json }
        $run.Output | Should -HaveCount 0
        $run.Errors | Should -HaveCount 1
        $run.Errors[0].FullyQualifiedErrorId | Should -Be "DefinitionSyntaxError,$Command"
        "$($run.Errors[0])" | Should -BeExactly 'the -Content text: item 1 of the list is the value 1, not a definition (an object with named members such as RestApiId or ApiId).'
    }

    It 'makes nested mappings hashtables and lists arrays' {
        $definition = ConvertFrom-IntegrationDefinition -Content "RequestTemplates:`n  application/json: '{}'`nCacheKeyParameters: [a, b]" -Format Yaml
        $definition.RequestTemplates | Should -BeOfType [hashtable]
        $definition.RequestTemplates['application/json'] | Should -BeExactly '{}'
        @($definition.CacheKeyParameters) | Should -Be @('a', 'b')
    }
}
