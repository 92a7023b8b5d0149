#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.5.0' }

# The built module as Import-Module sees it: the folder, the manifest, the exports, the help (and docs/help, which it
# is compiled from), tab completion, the type data, and the load isolation from other AWS SDK versions.

BeforeDiscovery {
    $root = (Resolve-Path -LiteralPath (Join-Path $PSScriptRoot '../..')).ProviderPath
    # One help test per cmdlet page of docs/help (a page for every cmdlet, and a cmdlet for every page, is checked below).
    $CommandPages = @(Get-ChildItem -LiteralPath (Join-Path $root 'docs/help') -Filter '*-*.md' -File |
            ForEach-Object { @{ Command = $_.BaseName } })
    # The pages that name the session parameters (### SessionParameters), which the help compiler expands from
    # docs/help/_SessionParameters.md; that every cmdlet with session parameters has one is checked below.
    $SessionPages = @(Get-ChildItem -LiteralPath (Join-Path $root 'docs/help') -Filter '*-*.md' -File |
            Where-Object { @(Get-Content -LiteralPath $_.FullName) -contains '### SessionParameters' } |
            ForEach-Object { @{ Command = $_.BaseName } })
}

BeforeAll {
    Import-Module -Name (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $moto = Start-TestSuite
    $Endpoint = $moto.Endpoint
    $ManifestPath = Get-BuiltModulePath
    $ModuleFolder = Split-Path -Parent $ManifestPath
    $HelpFolder = Join-Path (Get-RepositoryRoot) 'docs/help'
    $Exported = @((Get-Module -Name IntegrationTools).ExportedCmdlets.Keys | Sort-Object)

    # What a cmdlet page of docs/help (PlatyPS schema 2.0.0) declares: its name, the parameter sets of its SYNTAX
    # section, the parameters of its PARAMETERS section and how many examples it has.
    function Read-CommandPage([string] $Path) {
        $page = [pscustomobject]@{ Name = $null; ParameterSets = @(); Parameters = @(); ExampleCount = 0 }
        $sets = New-Object System.Collections.Generic.List[string]
        $parameters = New-Object System.Collections.Generic.List[string]
        $section = ''
        $inCode = $false
        $syntaxCode = 0
        $lines = @(Get-Content -LiteralPath $Path)
        $start = 0
        if ($lines.Count -gt 0 -and $lines[0] -eq '---') {
            # The front matter.
            $start = 1
            while ($start -lt $lines.Count -and $lines[$start] -ne '---') { $start++ }
            $start++
        }
        for ($i = $start; $i -lt $lines.Count; $i++) {
            $line = $lines[$i]
            if ($line -match '^\s*```') {
                $inCode = -not $inCode
                if ($inCode -and $section -eq 'SYNTAX') { $syntaxCode++ }
                continue
            }
            if ($inCode) { continue }
            if ($line -match '^#\s+(\S.*)$') { $page.Name = $Matches[1].Trim(); continue }
            if ($line -match '^##\s+(\S.*)$') { $section = $Matches[1].Trim().ToUpperInvariant(); continue }
            if ($line -notmatch '^###\s+(\S.*)$') { continue }
            $heading = $Matches[1].Trim()
            switch ($section) {
                'SYNTAX' {
                    $set = $heading -replace '\s+\(Default\)$', ''
                    if ($set -eq '(All)') { $set = '__AllParameterSets' }
                    $sets.Add($set)
                }
                'EXAMPLES' { $page.ExampleCount++ }
                'PARAMETERS' {
                    if ($heading -match '^-(\S+)$') { $parameters.Add($Matches[1]) }
                    # '### SessionParameters' stands for the parameters of _SessionParameters.md, as the help compiler expands it.
                    elseif ($heading -eq 'SessionParameters') {
                        $parameters.AddRange([string[]] @((Read-CommandPage (Join-Path (Split-Path -Parent $Path) '_SessionParameters.md')).Parameters))
                    }
                }
            }
        }
        # A page of a cmdlet with one parameter set may give its syntax line without a ### heading.
        if ($sets.Count -eq 0 -and $syntaxCode -eq 1) { $sets.Add('__AllParameterSets') }
        $page.ParameterSets = $sets.ToArray()
        $page.Parameters = $parameters.ToArray()
        return $page
    }

    # The yaml blocks of a page's parameters: the parameter, the sets the block names ('(All)' stays as it is), and its
    # Required, Position and Accept pipeline input lines.
    function Read-ParameterBlock([string] $Path) {
        $parameter = $null
        $block = $null
        foreach ($line in Get-Content -LiteralPath $Path) {
            if ($line -match '^### -(\S+)$') { $parameter = $Matches[1]; continue }
            if ($line -match '^##\s') { $parameter = $null; continue }
            if (-not $parameter) { continue }
            if ($line -eq '```yaml') { $block = [ordered]@{ Parameter = $parameter; Sets = @(); Required = $null; Position = $null; Pipeline = $null }; continue }
            if (-not $block) { continue }
            if ($line -match '^```') { [pscustomobject]$block; $block = $null; continue }
            if ($line -match '^Parameter Sets:\s*(.*)$') { $block.Sets = @($Matches[1] -split ',\s*') }
            elseif ($line -match '^Required:\s*(.*)$') { $block.Required = $Matches[1].Trim() }
            elseif ($line -match '^Position:\s*(.*)$') { $block.Position = $Matches[1].Trim() }
            elseif ($line -match '^Accept pipeline input:\s*(.*)$') { $block.Pipeline = $Matches[1].Trim() }
        }
    }

    # How a page states a parameter's binding in one parameter set of the cmdlet (the strings of Read-ParameterBlock).
    function Get-ParameterBinding([System.Management.Automation.CommandParameterInfo] $Parameter) {
        $pipeline = @(if ($Parameter.ValueFromPipelineByPropertyName) { 'ByPropertyName' }; if ($Parameter.ValueFromPipeline) { 'ByValue' })
        [pscustomobject]@{
            Required = "$($Parameter.IsMandatory)"
            Position = if ($Parameter.Position -lt 0) { 'Named' } else { "$($Parameter.Position)" }
            Pipeline = if ($pipeline.Count -eq 0) { 'False' } else { "True ($($pipeline -join ', '))" }
        }
    }

    # The parameters _SessionParameters.md documents, each with its description as one line of plain text (the way the
    # MAML carries it: paragraphs joined, ** and line breaks gone).
    function Read-SessionParameterText {
        $text = [ordered]@{}
        $name = $null
        foreach ($line in Get-Content -LiteralPath (Join-Path $HelpFolder '_SessionParameters.md')) {
            if ($line -match '^### -(\S+)$') { $name = $Matches[1]; $text[$name] = @(); continue }
            if ($line -match '^```') { $name = $null; continue }
            if ($name -and $line.Trim()) { $text[$name] += $line.Trim() }
        }
        foreach ($key in @($text.Keys)) { $text[$key] = ($text[$key] -join ' ').Replace('**', '') }
        $text
    }

    # -WhatIf and -Confirm are documented like any parameter (as PlatyPS does); the other common ones are not.
    function Get-DocumentedParameterName([string] $Command) {
        $common = [System.Management.Automation.PSCmdlet]::CommonParameters
        @((Get-Command -Name $Command).Parameters.Keys | Where-Object { $_ -notin $common } | Sort-Object)
    }

    function Get-Completion([string] $Line) {
        @((TabExpansion2 -inputScript $Line -cursorColumn $Line.Length).CompletionMatches)
    }
}

AfterAll {
    Stop-TestSuite $moto
}

Describe 'The module folder' {

    It 'holds <RelativePath>' -ForEach @(
        @{ RelativePath = 'IntegrationTools.psd1' }
        @{ RelativePath = 'IntegrationTools.dll' }
        @{ RelativePath = 'IntegrationTools.Types.ps1xml' }
        @{ RelativePath = 'dependencies/IntegrationTools.Engine.dll' }
        @{ RelativePath = 'dependencies/AWSSDK.Core.dll' }
        @{ RelativePath = 'dependencies/YamlDotNet.dll' }
        @{ RelativePath = 'en-US/IntegrationTools.dll-Help.xml' }
    ) {
        Join-Path $ModuleFolder $RelativePath | Should -Exist
    }

    It 'holds the format views' {
        Get-ChildItem -LiteralPath (Join-Path $ModuleFolder 'formats') -Filter '*.Format.ps1xml' -File | Should -Not -BeNullOrEmpty
    }

    It 'has only the cmdlet assembly at its root; its dependencies are in dependencies/' {
        @(Get-ChildItem -LiteralPath $ModuleFolder -Filter '*.dll' -File | ForEach-Object { $_.Name }) | Should -Be @('IntegrationTools.dll')
    }

    It 'does not ship System.Management.Automation.dll (PowerShell brings its own)' {
        Get-ChildItem -LiteralPath $ModuleFolder -Recurse -File -Filter 'System.Management.Automation.dll' | Should -BeNullOrEmpty
    }
}

Describe 'The manifest' {
    BeforeAll {
        $manifest = Test-ModuleManifest -Path $ManifestPath -ErrorAction Stop
        $data = Import-PowerShellDataFile -LiteralPath $ManifestPath
        $text = Get-Content -LiteralPath $ManifestPath -Raw
    }

    It 'passes Test-ModuleManifest' {
        $manifest | Should -Not -BeNullOrEmpty
        $manifest.Name | Should -Be 'IntegrationTools'
    }

    It 'needs PowerShell 5.1' {
        $manifest.PowerShellVersion | Should -Be ([version]'5.1')
    }

    It 'declares both editions, Desktop and Core' {
        @($manifest.CompatiblePSEditions) | Should -Be @('Desktop', 'Core')
    }

    It 'lists the cmdlets to export explicitly' {
        @($data.CmdletsToExport) | Should -Not -BeNullOrEmpty
        @($data.CmdletsToExport | Where-Object { [System.Management.Automation.WildcardPattern]::ContainsWildcardCharacters($_) }) | Should -HaveCount 0
    }

    It 'has no wildcard in any *ToExport line' {
        @(($text -split '\r?\n') | Where-Object { $_ -match 'ToExport' -and $_.Contains('*') }) | Should -HaveCount 0
    }

    It 'exports exactly the cmdlets it lists' {
        @($manifest.ExportedCmdlets.Keys | Sort-Object) | Should -Be @($data.CmdletsToExport | Sort-Object)
    }

    It 'names its format files, and they exist' {
        @($data.FormatsToProcess) | Should -Not -BeNullOrEmpty
        foreach ($format in $data.FormatsToProcess) {
            Join-Path $ModuleFolder $format | Should -Exist
        }
    }

    It 'names its type data, IntegrationTools.Types.ps1xml' {
        @($data.TypesToProcess) | Should -Be @('IntegrationTools.Types.ps1xml')
    }

    It 'has release notes and no unfilled {{placeholders}}' {
        $text | Should -Match 'ReleaseNotes'
        $text.Contains('{{') | Should -BeFalse
    }
}

Describe 'The exported cmdlets' {

    It 'are every cmdlet class of the assembly, and every export has a class' {
        $assembly = (Get-Command -Name Get-RestIntegration).ImplementingType.Assembly
        try {
            $types = $assembly.GetTypes()
        }
        catch [System.Reflection.ReflectionTypeLoadException] {
            # Types whose dependencies cannot load here cannot be cmdlets that work either; look at the rest.
            $types = $_.Exception.Types | Where-Object { $null -ne $_ }
        }
        $classes = $types | ForEach-Object {
            $attribute = $_.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false) | Select-Object -First 1
            if ($attribute) { '{0}-{1}' -f $attribute.VerbName, $attribute.NounName }
        }
        $Exported | Should -Be @($classes | Sort-Object)
    }

    It 'import without warnings' {
        $null = Import-Module -Name $ManifestPath -Global -Force -WarningVariable importWarnings -WarningAction SilentlyContinue -ErrorAction Stop
        $importWarnings | Should -BeNullOrEmpty
    }

    It 'use approved verbs' {
        $approved = @(Get-Verb | ForEach-Object { $_.Verb })
        @(Get-Command -Module IntegrationTools | Where-Object { $_.Verb -notin $approved } | ForEach-Object { $_.Name }) | Should -BeNullOrEmpty
    }

    It 'declare their output type: models of the module (and $true/$false of Test-ApiIntegration -Quiet), hashtables of ConvertFrom-/Import-IntegrationDefinition, the file of Export-IntegrationDefinition -PassThru' {
        $wrong = Get-Command -Module IntegrationTools | ForEach-Object {
            $types = @($_.OutputType | ForEach-Object { $_.Name })
            $expected = switch ($_.Name) {
                'ConvertFrom-IntegrationDefinition' { '^System\.Collections\.Hashtable$' }
                'Import-IntegrationDefinition' { '^System\.Collections\.Hashtable$' }
                'Export-IntegrationDefinition' { '^System\.IO\.FileInfo$' }
                'Test-ApiIntegration' { '^(IntegrationTools\.(Models|Rules)\.\w+|System\.Boolean)$' }
                default { '^IntegrationTools\.(Models|Rules)\.\w+$' }
            }
            if ($types.Count -eq 0 -or @($types | Where-Object { $_ -notmatch $expected }).Count -gt 0) { "$($_.Name): $($types -join ', ')" }
        }
        @($wrong) | Should -BeNullOrEmpty
    }
}

Describe 'docs/help, which the help is compiled from' {
    BeforeAll {
        $pages = @{}
        Get-ChildItem -LiteralPath $HelpFolder -Filter '*-*.md' -File | ForEach-Object {
            $page = Read-CommandPage $_.FullName
            $pages[$page.Name] = $page
        }
    }

    It 'has a page for every cmdlet, and every page is of a cmdlet' {
        @($pages.Keys | Sort-Object) | Should -Be $Exported
    }

    It 'documents the parameters and parameter sets each cmdlet has, and no others' {
        $problems = foreach ($name in $Exported) {
            $page = $pages[$name]
            if (-not $page) { continue }   # reported by the test above
            $command = Get-Command -Name $name
            $parameters = Get-DocumentedParameterName $name
            $sets = @($command.ParameterSets | ForEach-Object { $_.Name })
            foreach ($p in $parameters) { if ($p -notin $page.Parameters) { "${name}: -$p exists in code but not in docs/help" } }
            foreach ($p in $page.Parameters) { if ($p -notin $parameters) { "${name}: -$p is documented but does not exist" } }
            foreach ($s in $sets) { if ($s -notin $page.ParameterSets) { "${name}: parameter set $s is not in the page's SYNTAX" } }
            foreach ($s in $page.ParameterSets) { if ($s -notin $sets) { "${name}: the page documents parameter set $s, which the cmdlet does not have" } }
        }
        @($problems) | Should -BeNullOrEmpty
    }

    It 'states for each parameter, in each of its parameter sets, whether it is required, its position and its pipeline input, as the cmdlet has them' {
        $problems = foreach ($name in $Exported) {
            $command = Get-Command -Name $name
            foreach ($block in Read-ParameterBlock (Join-Path $HelpFolder "$name.md")) {
                $sets = @($command.ParameterSets | Where-Object { $block.Sets -contains '(All)' -or $block.Sets -contains $_.Name })
                if ($sets.Count -eq 0) { "${name}: -$($block.Parameter) names parameter sets the cmdlet does not have: $($block.Sets -join ', ')" }
                foreach ($set in $sets) {
                    $parameter = @($set.Parameters | Where-Object Name -EQ $block.Parameter)[0]
                    if (-not $parameter) {
                        if ($block.Sets -notcontains '(All)') { "${name}: -$($block.Parameter) is documented in parameter set $($set.Name), which does not have it" }
                        continue
                    }
                    $binding = Get-ParameterBinding $parameter
                    foreach ($field in 'Required', 'Position', 'Pipeline') {
                        if ($binding.$field -ne $block.$field) { "${name}: -$($block.Parameter) in $($set.Name): $field is $($binding.$field), the page says $($block.$field)" }
                    }
                }
            }
        }
        @($problems) | Should -BeNullOrEmpty
    }

    It 'documents the session parameters once, in _SessionParameters.md: the parameters every cmdlet that calls AWS has' {
        $withSession = @($Exported | Where-Object { (Get-Command -Name $_).Parameters.ContainsKey('EndpointUrl') })
        $withSession.Count | Should -BeGreaterThan 10
        $common = Get-DocumentedParameterName $withSession[0]
        foreach ($name in $withSession) { $common = @($common | Where-Object { $_ -in (Get-DocumentedParameterName $name) }) }
        $shared = Read-CommandPage (Join-Path $HelpFolder '_SessionParameters.md')
        @($shared.Parameters | Sort-Object) | Should -Be @($common | Sort-Object)
        $common | Should -Contain 'Region'
        $common | Should -Contain 'AllowInsecureEndpoint'
    }

    It 'names the session parameters with ### SessionParameters on the page of every cmdlet that has them, and repeats none of them' {
        $shared = (Read-CommandPage (Join-Path $HelpFolder '_SessionParameters.md')).Parameters
        $problems = Get-ChildItem -LiteralPath $HelpFolder -Filter '*-*.md' -File | ForEach-Object {
            $lines = @(Get-Content -LiteralPath $_.FullName)
            $hasSession = (Get-Command -Name $_.BaseName).Parameters.ContainsKey('EndpointUrl')
            $pointer = @($lines | Where-Object { $_ -eq '### SessionParameters' }).Count
            if ($hasSession -and $pointer -ne 1) { "$($_.Name): $pointer '### SessionParameters' entries" }
            if (-not $hasSession -and $pointer -ne 0) { "$($_.Name): '### SessionParameters' on a cmdlet without session parameters" }
            foreach ($p in $shared) { if ($lines -contains "### -$p") { "$($_.Name): -$p is repeated (it is in _SessionParameters.md)" } }
        }
        @($problems) | Should -BeNullOrEmpty
    }

    It 'lists the parameters of every page in alphabetical order' {
        $problems = foreach ($page in $pages.Values) {
            $own = @(Get-Content -LiteralPath (Join-Path $HelpFolder "$($page.Name).md") | Where-Object { $_ -match '^### -(\S+)$' } | ForEach-Object { $_.Substring(5) })
            $sorted = @($own | Sort-Object -Property { $_.ToUpperInvariant() })
            if (($own -join ',') -cne ($sorted -join ',')) { "$($page.Name): $($own -join ', ')" }
        }
        @($problems) | Should -BeNullOrEmpty
    }

    It 'is where every cmdlet''s HelpUri points: its page, under the manifest''s ProjectUri' {
        $project = (Import-PowerShellDataFile -LiteralPath $ManifestPath).PrivateData.PSData.ProjectUri
        $wrong = foreach ($name in $Exported) {
            $uri = (Get-Command -Name $name).HelpUri
            if ($uri -cne "$project/blob/main/docs/help/$name.md") { "${name}: '$uri'" }
        }
        @($wrong) | Should -BeNullOrEmpty
    }

    It 'has at least two examples on every page' {
        @($pages.Values | Where-Object { $_.ExampleCount -lt 2 } | ForEach-Object { "$($_.Name): $($_.ExampleCount) example(s)" }) | Should -BeNullOrEmpty
    }
}

Describe 'Get-Help <Command>' -ForEach $CommandPages {
    BeforeAll {
        $help = Get-Help -Name $Command -Full
        $examples = @($help.Examples.Example | Where-Object { $null -ne $_ })
    }

    It 'has a synopsis of its own (not the syntax PowerShell makes up when there is no help)' {
        $help.Synopsis | Should -Not -BeNullOrEmpty
        $help.Synopsis.Trim() | Should -Not -Match "^$([regex]::Escape($Command))(\s|$)"
    }

    It 'has a description' {
        ($help.Description | Out-String).Trim() | Should -Not -BeNullOrEmpty
    }

    It 'has at least two examples, each with code' {
        $examples.Count | Should -BeGreaterOrEqual 2
        $examples | ForEach-Object { $_.Code | Should -Not -BeNullOrEmpty }
    }

    It 'describes every parameter of the cmdlet, and no other' {
        @($help.Parameters.Parameter | ForEach-Object { $_.Name } | Sort-Object) | Should -Be (Get-DocumentedParameterName $Command)
    }

    It 'lists the parameters in alphabetical order, the session parameters among them' {
        $names = @($help.Parameters.Parameter | ForEach-Object { $_.Name })
        ($names -join ',') | Should -BeExactly (@($names | Sort-Object -Property { $_.ToUpperInvariant() }) -join ',')
    }
}

Describe 'Get-Help <Command> and its session parameters' -ForEach $SessionPages {
    BeforeAll {
        $help = Get-Help -Name $Command -Full
    }

    It 'shows each session parameter with the text of _SessionParameters.md' {
        $shared = Read-SessionParameterText
        $full = $help | Out-String -Width 10000
        foreach ($name in $shared.Keys) {
            $parameter = Get-Help -Name $Command -Parameter $name
            (@($parameter.Description | ForEach-Object { $_.Text }) -join ' ') | Should -BeExactly $shared[$name] -Because "-$name of $Command"
            $full | Should -Match ('-{0}\b' -f $name)
            $full | Should -Match ([regex]::Escape($shared[$name].Substring(0, 40)))
        }
        (Get-Help -Name $Command -Parameter Region).aliases | Should -Match 'RegionToCall'
        (Get-Help -Name $Command -Parameter AllowInsecureEndpoint).type.name | Should -Be 'SwitchParameter'
    }
}

Describe 'The help topics' {

    It 'about_IntegrationTools explains the concepts, the endpoint variables among them' {
        $text = (Get-Help -Name about_IntegrationTools | Out-String)
        $text | Should -Match 'about_IntegrationTools'
        $text | Should -Match 'AWS_ENDPOINT_URL_API_GATEWAY'
    }

    It 'about_IntegrationTools_Rules lists the rule catalog with failing and passing examples' {
        $text = (Get-Help -Name about_IntegrationTools_Rules | Out-String)
        foreach ($id in 'IT0001', 'IT0002', 'IT1008', 'IT2005') { $text | Should -Match $id }
        $text | Should -Match 'Fails:'
        $text | Should -Match 'Passes:'
    }

    It 'names the aliases of the session parameters, as AWS Tools for PowerShell has them' {
        $aliases = (Get-Help -Name Get-ApiIntegration -Parameter ProfileName).aliases
        $aliases | Should -Match 'StoredCredentials'
        $aliases | Should -Match 'AWSProfileName'
    }
}

Describe 'Tab completion' {

    It '<Command> -<Parameter> completes the HTTP methods, takes them in any case, and names them all when refused' -ForEach @(
        @{ Command = 'Get-RestIntegration'; Parameter = 'HttpMethod' }
        @{ Command = 'Get-RestIntegrationResponse'; Parameter = 'HttpMethod' }
        @{ Command = 'Remove-RestIntegration'; Parameter = 'HttpMethod' }
        @{ Command = 'Remove-RestIntegrationResponse'; Parameter = 'HttpMethod' }
        @{ Command = 'Update-RestIntegration'; Parameter = 'HttpMethod' }
        @{ Command = 'Update-RestIntegration'; Parameter = 'IntegrationHttpMethod' }
        @{ Command = 'Set-RestIntegration'; Parameter = 'HttpMethod' }
        @{ Command = 'Set-RestIntegration'; Parameter = 'IntegrationHttpMethod' }
        @{ Command = 'Set-RestIntegrationResponse'; Parameter = 'HttpMethod' }
        @{ Command = 'New-ApiIntegration'; Parameter = 'IntegrationMethod' }
        @{ Command = 'Set-ApiIntegration'; Parameter = 'IntegrationMethod' }
    ) {
        @(Get-Completion "$Command -$Parameter P").CompletionText | Should -Be @('PATCH', 'POST', 'PUT')
        $validators = @((Get-Command $Command).Parameters[$Parameter].Attributes | Where-Object { $_ -is [System.Management.Automation.ValidateArgumentsAttribute] })
        $validators | Should -HaveCount 1
        $validators[0].GetType().Name | Should -Be 'ValidateHttpMethodAttribute'
        $arguments = @{ $Parameter = 'FETCH' }
        $thrown = { & $Command @arguments } | Should -Throw -ErrorId "ParameterArgumentValidationError,*" -PassThru
        $thrown.Exception.Message | Should -BeLike "*'$Parameter'*'FETCH' is not an HTTP method API Gateway knows. Use one of: ANY, DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT."
    }

    It 'takes an HTTP method in any case (the method is checked, then the target)' {
        $run = Invoke-Captured { Remove-RestIntegration -RestApiId abc -HttpMethod get -Confirm:$false -EndpointUrl $Endpoint }
        $run.Errors | Should -HaveCount 1
        $run.Errors[0].FullyQualifiedErrorId | Should -BeExactly 'RemoveRestIntegrationInvalidTarget,IntegrationTools.Commands.RemoveRestIntegrationCommand'
        $run.Errors[0].TargetObject | Should -BeExactly 'restapi/abc ? GET'
    }

    It 'completes -RestApiId with the ids of the REST APIs, naming each' {
        $store = New-PetStore -Name 'completion-rest'
        $matches_ = @(Get-Completion "Get-RestIntegration -EndpointUrl $Endpoint -RestApiId $($store.RestApiId.Substring(0, 3))" |
                Where-Object CompletionText -CEQ $store.RestApiId)
        $matches_ | Should -HaveCount 1
        $matches_[0].ListItemText | Should -Match 'completion-rest'
        $matches_[0].ToolTip | Should -Match 'completion-rest'
    }

    It 'completes -ResourcePath and -ResourceId with the resources of the API' {
        $store = New-PetStore -Name 'completion-paths'
        @(Get-Completion "Get-RestIntegration -EndpointUrl $Endpoint -RestApiId $($store.RestApiId) -ResourcePath /pets").CompletionText |
            Should -Be @('/pets', "'/pets/{id}'")
        $ids = @(Get-Completion "Get-RestIntegration -EndpointUrl $Endpoint -RestApiId $($store.RestApiId) -ResourceId ")
        @($ids | Where-Object { $_.CompletionText -ceq $store.PetId -and $_.ListItemText.Contains('/pets/{id}') }) | Should -HaveCount 1
    }

    It 'names a resource without methods plainly in the tooltip (the root: "/ (resource <id>)")' {
        $store = New-PetStore -Name 'completion-root'
        $root = @(Get-Completion "Get-RestIntegration -EndpointUrl $Endpoint -RestApiId $($store.RestApiId) -ResourcePath /" | Where-Object CompletionText -CEQ '/')
        $root | Should -HaveCount 1
        $root[0].ToolTip | Should -BeExactly "/ (resource $($store.RootId))"
        $withMethods = @(Get-Completion "Get-RestIntegration -EndpointUrl $Endpoint -RestApiId $($store.RestApiId) -ResourcePath /pets" | Where-Object CompletionText -CEQ '/pets')
        $withMethods[0].ToolTip | Should -Match '^/pets \(resource \w+; [A-Z, ]+\)$'
        $byId = @(Get-Completion "Get-RestIntegration -EndpointUrl $Endpoint -RestApiId $($store.RestApiId) -ResourceId " | Where-Object CompletionText -CEQ $store.RootId)
        $byId[0].ToolTip | Should -BeExactly '/'
    }

    It 'completes -ApiId and -IntegrationId with the ids of HTTP and WebSocket APIs and their integrations' {
        $api = New-MotoApi -Name 'completion-v2'
        $integration = New-MotoApiIntegration -ApiId $api -Body @{ integrationType = 'HTTP_PROXY'; integrationMethod = 'ANY'; integrationUri = 'https://c.example.com'; payloadFormatVersion = '1.0' }
        @(Get-Completion "Get-ApiIntegration -EndpointUrl $Endpoint -ApiId " | Where-Object { $_.CompletionText -ceq $api -and $_.ToolTip.Contains('completion-v2 (HTTP)') }) |
            Should -HaveCount 1
        $integrations = @(Get-Completion "Get-ApiIntegration -EndpointUrl $Endpoint -ApiId $api -IntegrationId ")
        $integrations | Should -HaveCount 1
        $integrations[0].CompletionText | Should -BeExactly $integration
        $integrations[0].ToolTip | Should -Match 'HTTP_PROXY'
    }

    It 'completes a name to the id of its API, and offers every id when the name is ambiguous' {
        $unique = New-PetStore -Name 'zebra-unique-name'
        $twinA = New-MotoApi -Name 'yak-twin'
        $twinB = New-MotoApi -Name 'yak-twin'
        # -Region keeps these answers apart from the ones the tests above cached.
        $rest = @(Get-Completion "Set-RestIntegration -EndpointUrl $Endpoint -Region us-east-1 -RestApiId zebra-uni")
        $rest | Should -HaveCount 1
        $rest[0].CompletionText | Should -BeExactly $unique.RestApiId
        $rest[0].ListItemText | Should -BeExactly "$($unique.RestApiId) (zebra-unique-name)"
        $twins = @(Get-Completion "Get-ApiIntegration -EndpointUrl $Endpoint -Region us-east-1 -ApiId yak-tw")
        @($twins.CompletionText | Sort-Object) | Should -Be @(@($twinA, $twinB) | Sort-Object)
        $twins | ForEach-Object { $_.ToolTip | Should -Match ([regex]::Escape('yak-twin (HTTP)')) }
    }

    It 'completes -ConnectionId with the VPC links of the protocol: REST links for REST and WebSocket APIs, v2 links for HTTP APIs' {
        $v1 = New-MotoVpcLink -Name 'nlb-link-v1' -Rest
        $v2 = New-MotoVpcLink -Name 'alb-link-v2'
        $http = New-MotoApi -Name 'completion-links-http'
        $ws = New-MotoApi -Name 'completion-links-ws' -ProtocolType WEBSOCKET

        $rest = @(Get-Completion "Set-RestIntegration -EndpointUrl $Endpoint -RestApiId abc -ResourcePath /x -HttpMethod GET -HttpProxy -ConnectionId ")
        @($rest | Where-Object { $_.CompletionText -ceq $v1 -and $_.ToolTip.Contains('nlb-link-v1') -and $_.ToolTip.Contains('REST and WebSocket') }) | Should -HaveCount 1
        $rest.CompletionText | Should -Not -Contain $v2
        @(Get-Completion "Update-RestIntegration -EndpointUrl $Endpoint -ConnectionId ").CompletionText | Should -Contain $v1

        $forHttp = @(Get-Completion "New-ApiIntegration -EndpointUrl $Endpoint -ApiId $http -ConnectionId ")
        @($forHttp | Where-Object { $_.CompletionText -ceq $v2 -and $_.ToolTip.Contains('alb-link-v2') -and $_.ToolTip.Contains('HTTP APIs') }) | Should -HaveCount 1
        $forHttp.CompletionText | Should -Not -Contain $v1
        $forWebSocket = @(Get-Completion "Set-ApiIntegration -EndpointUrl $Endpoint -ApiId $ws -ConnectionId ")
        $forWebSocket.CompletionText | Should -Contain $v1
        $forWebSocket.CompletionText | Should -Not -Contain $v2
        # Without -ApiId both kinds are offered, each saying which it is.
        $both = @(Get-Completion "Set-ApiIntegration -EndpointUrl $Endpoint -ConnectionId ").CompletionText
        $both | Should -Contain $v1
        $both | Should -Contain $v2
    }

    It 'completes -IntegrationResponseId of <Command> with the responses of the integration' -ForEach @(
        @{ Command = 'Get-ApiIntegrationResponse' }
        @{ Command = 'Remove-ApiIntegrationResponse' }
    ) {
        $api = New-MotoApi -Name 'completion-responses' -ProtocolType WEBSOCKET
        $integration = New-MotoApiIntegration -ApiId $api -Body @{ integrationType = 'MOCK' }
        $response = New-MotoApiIntegrationResponse -ApiId $api -IntegrationId $integration -Body @{ integrationResponseKey = '$default' }
        $found = @(Get-Completion "$Command -EndpointUrl $Endpoint -ApiId $api -IntegrationId $integration -IntegrationResponseId ")
        $found | Should -HaveCount 1
        $found[0].CompletionText | Should -BeExactly $response
        $found[0].ListItemText | Should -Match ([regex]::Escape('$default'))
        # Without the integration there is nothing to look up.
        Get-Completion "$Command -EndpointUrl $Endpoint -ApiId $api -IntegrationResponseId " | Should -BeNullOrEmpty
    }

    It 'completes -StatusCode of <Command> with the integration responses of the method' -ForEach @(
        @{ Command = 'Get-RestIntegrationResponse' }
        @{ Command = 'Remove-RestIntegrationResponse' }
        @{ Command = 'Set-RestIntegrationResponse' }
    ) {
        $store = New-PetStore -Name 'completion-status'
        Set-MotoIntegrationResponse -RestApiId $store.RestApiId -ResourceId $store.PetsId -HttpMethod GET -StatusCode 200
        Set-MotoIntegrationResponse -RestApiId $store.RestApiId -ResourceId $store.PetsId -HttpMethod GET -StatusCode 404 -Body @{ selectionPattern = 'Not found.*' }
        $codes = @(Get-Completion "$Command -EndpointUrl $Endpoint -RestApiId $($store.RestApiId) -ResourcePath /pets -HttpMethod GET -StatusCode ")
        @($codes.CompletionText | Sort-Object) | Should -Be @('200', '404')
        ($codes | Where-Object CompletionText -EQ '404').ToolTip | Should -Match ([regex]::Escape('Not found.*'))
        $byId = @(Get-Completion "$Command -EndpointUrl $Endpoint -RestApiId $($store.RestApiId) -ResourceId $($store.PetsId) -HttpMethod GET -StatusCode 4")
        @($byId.CompletionText) | Should -Be @('404')
        # Without the method there is nothing to look up.
        Get-Completion "$Command -EndpointUrl $Endpoint -RestApiId $($store.RestApiId) -ResourcePath /pets -StatusCode " | Should -BeNullOrEmpty
    }

    It 'completes <Line> with <Expected> without any lookup' -ForEach @(
        @{ Line = "New-ApiIntegrationResponse -IntegrationResponseKey '/4"; Expected = @("'/4\d\d/'") }
        @{ Line = "New-ApiIntegrationResponse -IntegrationResponseKey '`$de"; Expected = @("'`$default'") }
        @{ Line = 'Set-RestIntegration -ContentHandling CONVERT_TO_'; Expected = @('CONVERT_TO_BINARY', 'CONVERT_TO_TEXT') }
        @{ Line = 'Set-RestIntegration -PassthroughBehavior WHEN_'; Expected = @('WHEN_NO_MATCH', 'WHEN_NO_TEMPLATES') }
        @{ Line = 'Set-ApiIntegration -ContentHandlingStrategy CONVERT_TO_T'; Expected = @('CONVERT_TO_TEXT') }
        @{ Line = 'Set-RestIntegration -HttpMethod PO'; Expected = @('POST') }
        @{ Line = 'Set-ApiIntegration -PayloadFormatVersion 2'; Expected = @('2.0') }
        @{ Line = 'ConvertFrom-IntegrationDefinition -Format Y'; Expected = @('Yaml') }
    ) {
        @((Get-Completion $Line).CompletionText | Sort-Object) | Should -Be $Expected
    }

    Context 'where nothing can be looked up' {
        BeforeAll {
            # One attempt per lookup: the retries of a refused connection would only make the wait longer.
            $savedAttempts = Set-TestAwsEnvironment -Variables @{ AWS_MAX_ATTEMPTS = '1' }
        }

        AfterAll {
            Restore-TestAwsEnvironment -Saved $savedAttempts
        }

        It 'completes nothing, and throws nothing: <Line>' -ForEach @(
            @{ Line = 'Get-ApiIntegration -EndpointUrl http://127.0.0.1:1 -ApiId ' }
            @{ Line = "Get-RestIntegration -EndpointUrl 'ftp://bad' -RestApiId " }
            @{ Line = 'Get-RestIntegration -ResourcePath ' }
            @{ Line = 'Set-ApiIntegration -EndpointUrl http://127.0.0.1:1 -ApiId abc -ConnectionId ' }
            @{ Line = 'Set-RestIntegration -EndpointUrl http://127.0.0.1:1 -ConnectionId ' }
        ) {
            Get-Completion $Line | Should -BeNullOrEmpty
        }
    }
}

Describe 'The type data (IntegrationTools.Types.ps1xml)' {

    It 'lets REST integrations answer to Method, Path, Type and Uri, as aliases' {
        $store = New-PetStore -Name 'types-rest'
        $item = Get-RestIntegration -RestApiId $store.RestApiId -ResourcePath /pets -HttpMethod POST -EndpointUrl $Endpoint
        "$($item.Method) $($item.Path) $($item.Type) $($item.Uri)" | Should -BeExactly 'POST /pets HTTP_PROXY https://petstore.example.com/pets'
        $item.PSObject.Properties['Path'] | Should -BeOfType ([System.Management.Automation.PSAliasProperty])
    }

    It 'lets HTTP and WebSocket integrations answer to Id, Type and Uri' {
        $api = New-MotoApi -Name 'types-v2'
        $id = New-MotoApiIntegration -ApiId $api -Body @{ integrationType = 'HTTP_PROXY'; integrationMethod = 'ANY'; integrationUri = 'https://t.example.com'; payloadFormatVersion = '1.0' }
        $item = Get-ApiIntegration -ApiId $api -IntegrationId $id -EndpointUrl $Endpoint
        "$($item.Id) $($item.Type) $($item.Uri)" | Should -BeExactly "$id HTTP_PROXY https://t.example.com"
    }

    It 'keeps the aliases out of the definitions when the objects are piped into the changing cmdlets' {
        # Path on a REST integration would otherwise read as an AWS service path, Type/Uri/Id on a v2 one as unknown keys.
        $source = New-PetStore -Name 'types-copy-from'
        $target = New-PetStore -Name 'types-copy-to'
        $api = New-MotoApi -Name 'types-copy-v2'
        $other = New-MotoApi -Name 'types-copy-v2-target'
        $id = New-MotoApiIntegration -ApiId $api -Body @{ integrationType = 'HTTP_PROXY'; integrationMethod = 'GET'; integrationUri = 'https://copy.example.com'; payloadFormatVersion = '1.0' }
        $rest = @(Get-RestIntegration -RestApiId $source.RestApiId -ResourcePath /pets -HttpMethod POST -EndpointUrl $Endpoint |
                Set-RestIntegration -RestApiId $target.RestApiId -EndpointUrl $Endpoint -ErrorAction Stop)
        $v2 = @(Get-ApiIntegration -ApiId $api -IntegrationId $id -EndpointUrl $Endpoint | New-ApiIntegration -ApiId $other -EndpointUrl $Endpoint -ErrorAction Stop)
        @($rest.Uri) | Should -Be @('https://petstore.example.com/pets')
        @($v2.Uri) | Should -Be @('https://copy.example.com')
    }
}

Describe 'Assembly isolation' {

    It 'loads the engine, AWSSDK.Core and YamlDotNet in the module''s own load context' -Skip:($PSVersionTable.PSEdition -ne 'Core') {
        # Make the module use the engine and the YAML reader once.
        $null = Get-ApiIntegration -ApiId nosuchapi -EndpointUrl $Endpoint -ErrorAction SilentlyContinue
        $null = 'ApiId: a' | ConvertFrom-IntegrationDefinition -Format Yaml
        $context = [System.Runtime.Loader.AssemblyLoadContext]::All | Where-Object { $_.Name -eq 'IntegrationTools' }
        $context | Should -HaveCount 1
        $isolated = @($context.Assemblies | ForEach-Object { $_.GetName().Name })
        $isolated | Should -Contain 'IntegrationTools.Engine'
        $isolated | Should -Contain 'AWSSDK.Core'
        $isolated | Should -Contain 'YamlDotNet'
    }

    It 'does not put its own AWSSDK.Core in the default load context' -Skip:($PSVersionTable.PSEdition -ne 'Core') {
        # Another module (AWS.Tools) may have loaded its own AWSSDK.Core there; ours must not be there.
        $ours = [System.Runtime.Loader.AssemblyLoadContext]::Default.Assemblies | Where-Object {
            -not $_.IsDynamic -and $_.GetName().Name -like 'AWSSDK*' -and $_.Location -and
            $_.Location.StartsWith($ModuleFolder, [System.StringComparison]::OrdinalIgnoreCase)
        }
        $ours | Should -BeNullOrEmpty
    }

    Context 'an older AWSSDK.Core (3.7, as AWS Tools for PowerShell 4 brings) in the same session' {
        BeforeAll {
            # Restored into the NuGet cache by `dotnet restore tests/TestDependencies` (never referenced by the module).
            $packages = if ($env:NUGET_PACKAGES) { $env:NUGET_PACKAGES } else { Join-Path (Join-Path ([System.Environment]::GetFolderPath('UserProfile')) '.nuget') 'packages' }
            $ForeignSdk = Join-Path $packages 'awssdk.core/3.7.402/lib/netcoreapp3.1/AWSSDK.Core.dll'
            # Each case needs a new process: a loaded assembly cannot be unloaded.
            $ChildScript = Join-Path $TestDrive 'isolation.ps1'
            Set-Content -LiteralPath $ChildScript -Value @'
param([string] $ModulePath, [string] $ForeignSdk, [string] $EndpointUrl, [string] $ApiId, [string] $ForeignFirst)
$ErrorActionPreference = 'Stop'
# Only the credentials object passed to -Credential may sign the request.
Remove-Item -Path Env:AWS_ACCESS_KEY_ID, Env:AWS_SECRET_ACCESS_KEY -ErrorAction Ignore
if ($ForeignFirst -eq 'True') {
    Add-Type -Path $ForeignSdk
    Import-Module -Name $ModulePath
}
else {
    Import-Module -Name $ModulePath
    Add-Type -Path $ForeignSdk
}
$foreign = [Amazon.Runtime.BasicAWSCredentials]::new('AKIAFOREIGNSDK', 'foreign-secret')
'foreign-sdk=' + $foreign.GetType().Assembly.GetName().Version
$DebugPreference = 'Continue'
Get-ApiIntegration -ApiId $ApiId -EndpointUrl $EndpointUrl -Region us-east-1 -Credential $foreign 5>&1 | ForEach-Object {
    if ($_ -is [System.Management.Automation.DebugRecord]) { 'debug=' + $_.Message } else { 'integration=' + $_.IntegrationUri }
}
$context = [System.Runtime.Loader.AssemblyLoadContext]::All | Where-Object Name -EQ 'IntegrationTools'
'module-sdk=' + ($context.Assemblies | Where-Object { $_.GetName().Name -eq 'AWSSDK.Core' } | ForEach-Object { $_.GetName().Version })
'@
        }

        It 'keeps the cmdlets working, a foreign credentials object included, when it is loaded <When> the module' -Skip:($PSVersionTable.PSEdition -ne 'Core') -ForEach @(
            @{ When = 'before'; ForeignFirst = $true }
            @{ When = 'after'; ForeignFirst = $false }
        ) {
            $ForeignSdk | Should -Exist -Because 'dotnet restore tests/TestDependencies puts AWSSDK.Core 3.7.402 in the NuGet cache'
            $api = New-MotoApi -Name "isolation-$When"
            $null = New-MotoApiIntegration -ApiId $api -Body @{ integrationType = 'HTTP_PROXY'; integrationMethod = 'ANY'; integrationUri = 'https://isolated.example.com'; payloadFormatVersion = '1.0' }
            $run = Invoke-PowerShellProcess -ScriptPath $ChildScript -Arguments @($ManifestPath, $ForeignSdk, $Endpoint, $api, "$ForeignFirst")
            $report = "exit $($run.ExitCode)`n$($run.StdOut)`n$($run.StdErr)"
            $run.ExitCode | Should -Be 0 -Because $report
            $lines = $run.StdOut -split '\r?\n'
            $lines | Should -Contain 'foreign-sdk=3.3.0.0' -Because $report
            $lines | Should -Contain 'module-sdk=4.0.0.0' -Because $report
            $lines | Should -Contain 'integration=https://isolated.example.com' -Because $report
            @($lines | Where-Object { $_.StartsWith('debug=') -and $_.Contains('the -Credential parameter') }) | Should -Not -BeNullOrEmpty -Because $report
        }
    }
}
