#Requires -Version 5.1
<#
    What the module ships: the assemblies in out/IntegrationTools are built for netstandard2.0 and reference nothing
    beyond netstandard 2.0, System.Management.Automation as PowerShellStandard.Library 5.1 declares it, and each
    other, so the same folder loads in Windows PowerShell 5.1 (.NET Framework) and PowerShell 7. This is what is
    checked for Windows PowerShell 5.1 here; the module is not run in it by this suite.
#>

BeforeDiscovery {
    $script:ModuleFolder = Join-Path (Split-Path -Parent (Split-Path -Parent $PSScriptRoot)) 'out/IntegrationTools'
    $script:Shipped = @(Get-ChildItem -LiteralPath $script:ModuleFolder -Recurse -Filter *.dll | ForEach-Object {
            @{ Name = $_.Name; Path = $_.FullName }
        })
}

BeforeAll {
    $script:ModuleFolder = Join-Path (Split-Path -Parent (Split-Path -Parent $PSScriptRoot)) 'out/IntegrationTools'

    function Get-AssemblyFacts {
        # The assembly's name and version, its TargetFrameworkAttribute (if any) and its assembly references, read
        # from the metadata without loading the assembly.
        param([string] $Path)
        $stream = [System.IO.File]::OpenRead($Path)
        $pe = [System.Reflection.PortableExecutable.PEReader]::new($stream)
        try {
            $md = [System.Reflection.Metadata.PEReaderExtensions]::GetMetadataReader($pe)
            $definition = $md.GetAssemblyDefinition()
            $framework = $null
            foreach ($handle in $definition.GetCustomAttributes()) {
                $attribute = $md.GetCustomAttribute($handle)
                if ($attribute.Constructor.Kind -ne [System.Reflection.Metadata.HandleKind]::MemberReference) { continue }
                $constructor = $md.GetMemberReference([System.Reflection.Metadata.MemberReferenceHandle] $attribute.Constructor)
                if ($constructor.Parent.Kind -ne [System.Reflection.Metadata.HandleKind]::TypeReference) { continue }
                $type = $md.GetTypeReference([System.Reflection.Metadata.TypeReferenceHandle] $constructor.Parent)
                if ($md.GetString($type.Name) -eq 'TargetFrameworkAttribute') {
                    $blob = $md.GetBlobReader($attribute.Value)
                    $null = $blob.ReadUInt16()          # prolog
                    $framework = $blob.ReadSerializedString()
                }
            }
            [pscustomobject]@{
                Name       = $md.GetString($definition.Name)
                Version    = $definition.Version
                Framework  = $framework
                References = @(foreach ($r in $md.AssemblyReferences) {
                        $reference = $md.GetAssemblyReference($r)
                        [pscustomobject]@{ Name = $md.GetString($reference.Name); Version = $reference.Version }
                    })
            }
        }
        finally {
            $pe.Dispose()
            $stream.Dispose()
        }
    }

    $script:ShippedVersions = @{}
    foreach ($file in Get-ChildItem -LiteralPath $script:ModuleFolder -Recurse -Filter *.dll) {
        $facts = Get-AssemblyFacts -Path $file.FullName
        $script:ShippedVersions[$facts.Name] = $facts.Version
    }
}

Describe 'The shipped assemblies' -Skip:($PSVersionTable.PSEdition -ne 'Core') {
    It 'ship no System.Management.Automation.dll (PowerShell provides it)' {
        Get-ChildItem -LiteralPath $script:ModuleFolder -Recurse -Filter 'System.Management.Automation.dll' | Should -BeNullOrEmpty
        $script:ShippedVersions.Keys | Should -Contain 'IntegrationTools'
        $script:ShippedVersions.Keys | Should -Contain 'IntegrationTools.Engine'
    }

    It '<Name> is built for .NET Standard 2.0 (or declares no framework)' -ForEach $script:Shipped {
        $facts = Get-AssemblyFacts -Path $Path
        if ($facts.Name -like 'IntegrationTools*') { $facts.Framework | Should -Be '.NETStandard,Version=v2.0' }
        elseif ($null -ne $facts.Framework) { $facts.Framework | Should -Be '.NETStandard,Version=v2.0' }
    }

    It '<Name> references only netstandard 2.0, PowerShellStandard.Library''s System.Management.Automation and assemblies shipped beside it' -ForEach $script:Shipped {
        $facts = Get-AssemblyFacts -Path $Path
        $outside = foreach ($reference in $facts.References) {
            switch ($reference.Name) {
                'netstandard' { if ($reference.Version -ne [version]'2.0.0.0') { "$($reference.Name) $($reference.Version)" } }
                'System.Management.Automation' {
                    # PowerShellStandard.Library 5.1 is the reference assembly of version 3.0.0.0; only the cmdlets use it.
                    if ($reference.Version -ne [version]'3.0.0.0' -or $facts.Name -ne 'IntegrationTools') { "$($reference.Name) $($reference.Version)" }
                }
                default {
                    $shipped = $script:ShippedVersions[$reference.Name]
                    if ($null -eq $shipped -or $shipped -lt $reference.Version) { "$($reference.Name) $($reference.Version) (shipped: $shipped)" }
                }
            }
        }
        @($outside) | Should -BeNullOrEmpty -Because "$Name must load in Windows PowerShell 5.1 and PowerShell 7 from the module folder alone"
    }

    It 'only IntegrationTools.dll sits at the module root; every other assembly is in dependencies/' {
        $root = @(Get-ChildItem -LiteralPath $script:ModuleFolder -Filter *.dll | ForEach-Object Name)
        $root | Should -Be @('IntegrationTools.dll')
    }
}
