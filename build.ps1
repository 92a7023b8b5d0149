#Requires -Version 5.1
<#
.SYNOPSIS
    Builds the IntegrationTools module folder (out/IntegrationTools) for people who have pwsh or Windows PowerShell.
.DESCRIPTION
    Tasks, in order, as build.sh runs them:
      Build   dotnet publish src/Cmdlets (netstandard2.0) into artifacts/publish
      Layout  tools/ModuleBuilder: manifest (version stamped from Directory.Build.props), IntegrationTools.dll at the
              root, the engine, AWSSDK.Core and YamlDotNet in dependencies/, format views, type data, help compiled from docs/help
      Test    (with -Test) ./test.sh's suites: the engine's xunit tests, then tests/Pester through
              tests/Invoke-PesterSuite.ps1 with the pinned Pester 5.9.1 (restored from NuGet by
              tests/TestDependencies) in this PowerShell. The Pester files start moto themselves: Python with
              moto[server] must be installed ($env:MOTO_PYTHON names the interpreter when it is not on PATH).
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
    Invoke-Native dotnet @('restore', 'tests/TestDependencies/TestDependencies.csproj', '--nologo', '-v', 'quiet')
    Invoke-Native dotnet @('build', 'tests/FaultProxy/FaultProxy.csproj', '-c', 'Release', '--nologo', '-v', 'quiet')
    Invoke-Native dotnet @('test', 'tests/IntegrationTools.Engine.Tests/IntegrationTools.Engine.Tests.csproj', '-c', $Configuration, '--nologo')
    # In a process of its own, as the module's assembly stays loaded in the process that imported it.
    # This same PowerShell: powershell.exe, pwsh, or pwsh.dll run by dotnet (the tool that .config pins: dotnet pwsh).
    $powershell = @([System.Diagnostics.Process]::GetCurrentProcess().MainModule.FileName)
    if ([System.IO.Path]::GetFileNameWithoutExtension($powershell[0]) -eq 'dotnet') { $powershell += Join-Path $PSHOME 'pwsh.dll' }
    $arguments = @($powershell | Select-Object -Skip 1) + @('-NoProfile', '-NonInteractive', '-File', (Join-Path $PSScriptRoot 'tests/Invoke-PesterSuite.ps1'))
    & $powershell[0] @arguments
    if ($LASTEXITCODE -ne 0) { throw "The Pester suite failed (exit code $LASTEXITCODE)." }
}
