#Requires -Version 5.1
<#
.SYNOPSIS
    Runs the cmdlet test suite (tests/Pester) with the Pester version the project pins.

.DESCRIPTION
    Imports Pester 5.9.1 from the NuGet cache, where `dotnet restore tests/TestDependencies` puts it (no PowerShell
    Gallery needed), runs the Pester files against the built module in out/IntegrationTools (each file starts its
    own moto server on loopback), writes NUnit XML results to TestResults/pester.xml, and ends with the line
    'Pester: N passed, N failed, N skipped'. The exit code is 0 only when no test failed and at least one passed.
    ./test.sh runs it in the pwsh that the project's tool manifest pins (dotnet pwsh).

.PARAMETER Path
    Test files or folders to run. Default: the whole tests/Pester folder.

.PARAMETER ExcludeTag
    Tags of tests to leave out, for example 'Slow' in a quick local run.

.PARAMETER Output
    Pester's output verbosity. Default: Normal (failures and a line per file).

.EXAMPLE
    dotnet pwsh -NoProfile -File tests/Invoke-PesterSuite.ps1

.EXAMPLE
    dotnet pwsh -NoProfile -File tests/Invoke-PesterSuite.ps1 -Path tests/Pester/Get-RestIntegration.Tests.ps1 -Output Detailed
#>
[CmdletBinding()]
param(
    [string[]] $Path = @(Join-Path $PSScriptRoot 'Pester'),
    [string[]] $ExcludeTag = @(),
    [ValidateSet('None', 'Normal', 'Detailed', 'Diagnostic')]
    [string] $Output = 'Normal'
)

# No $ErrorActionPreference = 'Stop' here: the tests inherit this scope's preferences, and they check
# non-terminating errors as a user's session (Continue) produces them.
$pesterVersion = '5.9.1'

function Get-NuGetPackageRoot {
    if ($env:NUGET_PACKAGES) { return $env:NUGET_PACKAGES }
    $line = & dotnet nuget locals global-packages --list 2>$null | Select-Object -First 1
    if ($LASTEXITCODE -eq 0 -and $line -match '^global-packages:\s*(.+?)\s*$') { return $Matches[1] }
    return Join-Path ([Environment]::GetFolderPath('UserProfile')) '.nuget/packages'
}

$pesterManifest = Join-Path (Get-NuGetPackageRoot) "pester/$pesterVersion/tools/Pester.psd1"
if (-not (Test-Path -LiteralPath $pesterManifest)) {
    Write-Error "Pester $pesterVersion is not in the NuGet cache ($pesterManifest). Restore it first: dotnet restore tests/TestDependencies" -ErrorAction Continue
    exit 1
}
Import-Module -Name $pesterManifest -Force

$repository = Split-Path -Parent $PSScriptRoot
$builtModule = Join-Path $repository 'out/IntegrationTools/IntegrationTools.psd1'
if (-not (Test-Path -LiteralPath $builtModule)) {
    Write-Error "The module is not built ($builtModule is missing). Run ./build.sh (or ./build.ps1) first." -ErrorAction Continue
    exit 1
}

$resultsFolder = Join-Path $repository 'TestResults'
$null = New-Item -ItemType Directory -Path $resultsFolder -Force

# pwsh -File passes 'a,b' as one string: accept a comma-separated list too.
$Path = @($Path | ForEach-Object { $_ -split ',' } | Where-Object { $_ })
$ExcludeTag = @($ExcludeTag | ForEach-Object { $_ -split ',' } | Where-Object { $_ })

$configuration = New-PesterConfiguration
$configuration.Run.Path = $Path
$configuration.Run.PassThru = $true
$configuration.Filter.ExcludeTag = $ExcludeTag
$configuration.Output.Verbosity = $Output
$configuration.TestResult.Enabled = $true
$configuration.TestResult.OutputFormat = 'NUnitXml'
$configuration.TestResult.OutputPath = Join-Path $resultsFolder 'pester.xml'

$result = Invoke-Pester -Configuration $configuration

# The credentials and config files of this process, which tests/Pester/TestHelpers.psm1 pointed
# AWS_SHARED_CREDENTIALS_FILE and AWS_CONFIG_FILE at for the run.
Remove-Item -LiteralPath (Join-Path ([System.IO.Path]::GetTempPath()) "IntegrationTools.Tests.aws.$PID") -Recurse -Force -ErrorAction Ignore

# A file that failed to load counts as a failure. A failing BeforeAll already fails the tests of its block; a
# failing AfterAll fails only its block, so it fails the run without changing the counts.
$failed = $result.FailedCount + $result.FailedContainersCount
if ($result.FailedBlocksCount -gt 0) { "Pester: $($result.FailedBlocksCount) block(s) failed in their set-up or clean-up." }
'Pester: {0} passed, {1} failed, {2} skipped' -f $result.PassedCount, $failed, $result.SkippedCount
if ($failed -gt 0 -or $result.FailedBlocksCount -gt 0 -or $result.PassedCount -eq 0) { exit 1 }
exit 0
