#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.5.0' }

# The built module folder as Import-Module sees it: layout, manifest, exports, help, load isolation;
# mirrors tests/IntegrationTools.Tests/ModuleTests.cs.

BeforeAll {
    Import-Module -Name (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $savedEnvironment = Set-TestAwsEnvironment
    $moto = Start-MotoServer
    $Endpoint = $moto.Endpoint
    $null = Import-BuiltModule
    $ManifestPath = Get-BuiltModulePath
    $ModuleFolder = Split-Path -Parent $ManifestPath
}

AfterAll {
    Stop-MotoServer -Server $moto
    Restore-TestAwsEnvironment -Saved $savedEnvironment
}

Describe 'The module folder' {

    It 'holds <RelativePath>' -ForEach @(
        @{ RelativePath = 'IntegrationTools.psd1' }
        @{ RelativePath = 'IntegrationTools.dll' }
        @{ RelativePath = 'dependencies/IntegrationTools.Engine.dll' }
        @{ RelativePath = 'dependencies/AWSSDK.Core.dll' }
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
        $exported = (Get-Module -Name IntegrationTools).ExportedCmdlets.Keys
        @($exported | Sort-Object) | Should -Be @($classes | Sort-Object)
    }

    It 'import without warnings' {
        $null = Import-Module -Name $ManifestPath -Global -Force -WarningVariable importWarnings -WarningAction SilentlyContinue -ErrorAction Stop
        $importWarnings | Should -BeNullOrEmpty
    }

    It '<Command> uses an approved verb' -ForEach @(
        @{ Command = 'Get-RestIntegration' }
        @{ Command = 'Get-ApiIntegration' }
    ) {
        (Get-Command -Name $Command).Verb | Should -BeIn @(Get-Verb | ForEach-Object { $_.Verb })
    }

    It '<Command> declares its output type' -ForEach @(
        @{ Command = 'Get-RestIntegration'; OutputType = 'IntegrationTools.Models.RestIntegration' }
        @{ Command = 'Get-ApiIntegration'; OutputType = 'IntegrationTools.Models.ApiIntegration' }
    ) {
        @((Get-Command -Name $Command).OutputType | ForEach-Object { $_.Name }) | Should -Be @($OutputType)
    }
}

Describe 'Help for <Command>' -ForEach @(
    @{ Command = 'Get-RestIntegration' }
    @{ Command = 'Get-ApiIntegration' }
) {
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

    It 'has at least two examples' {
        $examples.Count | Should -BeGreaterOrEqual 2
    }

    It 'has code in every example' {
        $examples | ForEach-Object { $_.Code | Should -Not -BeNullOrEmpty }
    }
}

Describe 'Assembly isolation' {

    It 'loads the engine and AWSSDK.Core in the module''s own load context' -Skip:($PSVersionTable.PSEdition -ne 'Core') {
        # Make the module use the engine once.
        $null = Get-ApiIntegration -ApiId nosuchapi -EndpointUrl $Endpoint -ErrorAction SilentlyContinue
        $context = [System.Runtime.Loader.AssemblyLoadContext]::All | Where-Object { $_.Name -eq 'IntegrationTools' }
        $context | Should -HaveCount 1
        $isolated = @($context.Assemblies | ForEach-Object { $_.GetName().Name })
        $isolated | Should -Contain 'IntegrationTools.Engine'
        $isolated | Should -Contain 'AWSSDK.Core'
    }

    It 'does not put its own AWSSDK.Core in the default load context' -Skip:($PSVersionTable.PSEdition -ne 'Core') {
        # Another module (AWS.Tools) may have loaded its own AWSSDK.Core there; ours must not be there.
        $ours = [System.Runtime.Loader.AssemblyLoadContext]::Default.Assemblies | Where-Object {
            -not $_.IsDynamic -and $_.GetName().Name -like 'AWSSDK*' -and $_.Location -and
            $_.Location.StartsWith($ModuleFolder, [System.StringComparison]::OrdinalIgnoreCase)
        }
        $ours | Should -BeNullOrEmpty
    }
}
