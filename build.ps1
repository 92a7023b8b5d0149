#Requires -Version 5.1
<#
.SYNOPSIS
    Builds the IntegrationTools module folder (out/IntegrationTools) for people who have pwsh or Windows PowerShell.
.DESCRIPTION
    Tasks, in order, as build.sh runs them:
      Build   dotnet publish src/Cmdlets (netstandard2.0) into artifacts/publish
      Layout  tools/ModuleBuilder: manifest (version stamped from Directory.Build.props), IntegrationTools.dll at the
              root, the engine, AWSSDK.Core and YamlDotNet in dependencies/, format views, type data, help compiled from docs/help
      Test    (with -Test) ./test.sh's suites: dotnet test, then Invoke-Pester tests/Pester when Pester 5 is installed
.EXAMPLE
    ./build.ps1
.EXAMPLE
    ./build.ps1 -Test
#>
[CmdletBinding()]
param(
    [ValidateSet('Release', 'Debug')]
    [string] $Configuration = 'Release',

    [switch] $Test
)

$ErrorActionPreference = 'Stop'
Set-Location -LiteralPath $PSScriptRoot

function Invoke-Native {
    param([string] $Command, [string[]] $Arguments)
    & $Command @Arguments
    if ($LASTEXITCODE -ne 0) { throw "$Command $($Arguments -join ' ') failed with exit code $LASTEXITCODE" }
}

Invoke-Native dotnet @('publish', 'src/Cmdlets/IntegrationTools.csproj', '-c', $Configuration, '-o', 'artifacts/publish', '--nologo', '-v', 'quiet')
Invoke-Native dotnet @('run', '--project', 'tools/ModuleBuilder/ModuleBuilder.csproj', '-c', $Configuration, '--',
    '--repo', '.', '--bin', 'artifacts/publish', '--out', 'out/IntegrationTools')

if ($Test) {
    Invoke-Native dotnet @('test', 'IntegrationTools.slnx', '-c', $Configuration, '--nologo')
    if (Get-Module -ListAvailable -Name Pester | Where-Object { $_.Version -ge [version]'5.5.0' }) {
        $result = Invoke-Pester -Path (Join-Path $PSScriptRoot 'tests/Pester') -Output Detailed -PassThru
        if ($result.FailedCount -gt 0) { throw "$($result.FailedCount) Pester test(s) failed." }
    }
    else {
        Write-Warning 'Pester 5.5 or later is not installed: tests/Pester skipped (Install-Module Pester -MinimumVersion 5.5.0).'
    }
}
