<#
    Helpers for the Pester suite in tests/Pester:

      Start-MotoServer / Stop-MotoServer   a moto server (python -m moto.server) on a free loopback port
      Import-BuiltModule                   the module as ./build.ps1 or ./build.sh lays it out in out/IntegrationTools
      Set-/Restore-TestAwsEnvironment      dummy credentials and region for moto, put back afterwards
      Set-/Restore-TestAwsProfileFile      profiles in this process's credentials and config files, emptied afterwards
      New-PetStore, New-OrdersHttpApi, ... fixtures written into moto over plain HTTP, independent of the cmdlets
      Invoke-Captured, Get-HostText        what a command wrote, stream by stream; what it wrote to the host (-WhatIf)
      Invoke-WithCapturingHost             a script run in a runspace whose host keeps all it was given ($Host.UI too)
      Open-CapturingRunspace,              the same runspace kept for several scripts, as one console
        Invoke-InCapturingRunspace
      Invoke-WithoutHost                   a script run where nobody can answer a prompt (confirmation)
      Find-AwsCli, Invoke-AwsCli,          the AWS CLI against moto, and what it prints compared with the cmdlets' objects
        Get-AwsCliMismatch
      Invoke-PowerShellProcess             a script in a new process of this PowerShell

    Works in Windows PowerShell 5.1 and PowerShell 7.
#>

Set-StrictMode -Version 3.0

$script:IsWindowsHost = [System.Environment]::OSVersion.Platform -eq [System.PlatformID]::Win32NT
$script:MotoEndpoint = $null
$script:MotoPython = $null

# PowerShell 6+ web cmdlets: no proxy for the loopback server, and the fake SigV4 header sent as it is.
# (Windows PowerShell 5.1 never sends loopback requests through a proxy and does not validate headers.)
$script:WebParameters = @{}
if ($PSVersionTable.PSVersion.Major -ge 6) {
    $script:WebParameters = @{ NoProxy = $true; SkipHeaderValidation = $true }
}

#region Processes

function ConvertTo-CommandLineArgument {
    # Quotes one argument for ProcessStartInfo.Arguments (the MSVC rules, which .NET also applies on Linux and macOS).
    param([AllowEmptyString()] [string] $Argument)
    if ($Argument -eq '') { return '""' }
    if ($Argument -notmatch '[\s"]') { return $Argument }
    $escaped = $Argument -replace '(\\*)"', '$1$1\"'
    $escaped = $escaped -replace '(\\+)$', '$1$1'
    return '"' + $escaped + '"'
}

function Invoke-ProcessQuietly {
    # Runs a program to completion with its output captured; never throws. ExitCode is -1 when it could not be
    # started or did not finish within the timeout (it is then killed).
    param(
        [Parameter(Mandatory)] [string] $FilePath,
        [string[]] $Arguments = @(),
        [int] $TimeoutSeconds = 60
    )
    $info = New-Object System.Diagnostics.ProcessStartInfo
    $info.FileName = $FilePath
    $info.Arguments = (@($Arguments) | ForEach-Object { ConvertTo-CommandLineArgument $_ }) -join ' '
    $info.UseShellExecute = $false
    $info.RedirectStandardOutput = $true
    $info.RedirectStandardError = $true
    $info.CreateNoWindow = $true
    try {
        $process = [System.Diagnostics.Process]::Start($info)
    }
    catch {
        return [pscustomobject]@{ ExitCode = -1; StdOut = ''; StdErr = $_.Exception.Message }
    }
    try {
        $stdout = $process.StandardOutput.ReadToEndAsync()
        $stderr = $process.StandardError.ReadToEndAsync()
        if (-not $process.WaitForExit($TimeoutSeconds * 1000)) {
            try { $process.Kill() } catch { Write-Verbose "Could not kill process $($process.Id): $($_.Exception.Message)" }
            return [pscustomobject]@{ ExitCode = -1; StdOut = ''; StdErr = "$FilePath did not finish within $TimeoutSeconds s." }
        }
        $process.WaitForExit()
        return [pscustomobject]@{ ExitCode = $process.ExitCode; StdOut = $stdout.Result; StdErr = $stderr.Result }
    }
    finally {
        $process.Dispose()
    }
}

function Get-FreeTcpPort {
    <#
    .SYNOPSIS
        A TCP port on 127.0.0.1 that nothing listens on right now.
    #>
    [CmdletBinding()]
    [OutputType([int])]
    param()
    $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
    $listener.Start()
    try {
        return ([System.Net.IPEndPoint] $listener.LocalEndpoint).Port
    }
    finally {
        $listener.Stop()
    }
}

#endregion

#region moto

function Get-MotoPythonCandidate {
    # The interpreters to try, in the order tools/LocalAws/Tools.cs tries them, plus the Windows places:
    # $env:MOTO_PYTHON, pyenv's shim and versions (pyenv-win on Windows), python3 and python on PATH,
    # /usr/bin/python3, and the py launcher (py -3) on Windows. Each is @{ FilePath; Arguments }.
    $comparer = if ($script:IsWindowsHost) { [System.StringComparer]::OrdinalIgnoreCase } else { [System.StringComparer]::Ordinal }
    $seen = [System.Collections.Generic.HashSet[string]]::new($comparer)
    $paths = New-Object System.Collections.Generic.List[string]

    if ($env:MOTO_PYTHON) {
        $fromEnv = $env:MOTO_PYTHON
        if (-not (Test-Path -LiteralPath $fromEnv -PathType Leaf)) {
            # A bare command name such as 'python3.12' is also accepted.
            $command = Get-Command -Name $fromEnv -CommandType Application -ErrorAction Ignore | Select-Object -First 1
            if ($command) { $fromEnv = $command.Path }
        }
        $paths.Add($fromEnv)
    }

    $home_ = [System.Environment]::GetFolderPath([System.Environment+SpecialFolder]::UserProfile)
    $pyenv = Join-Path $home_ '.pyenv'
    if ($script:IsWindowsHost) {
        $versions = Join-Path (Join-Path $pyenv 'pyenv-win') 'versions'
        if (Test-Path -LiteralPath $versions -PathType Container) {
            Get-ChildItem -LiteralPath $versions -Directory | Sort-Object -Property Name -Descending |
                ForEach-Object { $paths.Add((Join-Path $_.FullName 'python.exe')) }
        }
    }
    else {
        $paths.Add((Join-Path (Join-Path $pyenv 'shims') 'python3'))
        $versions = Join-Path $pyenv 'versions'
        if (Test-Path -LiteralPath $versions -PathType Container) {
            Get-ChildItem -LiteralPath $versions -Directory | Sort-Object -Property Name -Descending |
                ForEach-Object { $paths.Add((Join-Path (Join-Path $_.FullName 'bin') 'python3')) }
        }
    }

    foreach ($name in 'python3', 'python') {
        Get-Command -Name $name -CommandType Application -All -ErrorAction Ignore | ForEach-Object { $paths.Add($_.Path) }
    }
    if (-not $script:IsWindowsHost) { $paths.Add('/usr/bin/python3') }

    foreach ($path in $paths) {
        if ($path -and $seen.Add($path)) { [pscustomobject]@{ FilePath = $path; Arguments = @() } }
    }
    if ($script:IsWindowsHost) {
        Get-Command -Name 'py' -CommandType Application -ErrorAction Ignore | Select-Object -First 1 |
            ForEach-Object { [pscustomobject]@{ FilePath = $_.Path; Arguments = @('-3') } }
    }
}

function Find-MotoPython {
    <#
    .SYNOPSIS
        The first Python that imports moto's server (moto.server and Flask), as @{ FilePath; Arguments }; $null if none.
    .DESCRIPTION
        The interpreter is asked for sys.executable, so a pyenv shim or the py launcher resolves to the real
        python, which is then started (and stopped) directly. The answer is remembered for the session.
    #>
    [CmdletBinding()]
    param()
    if ($script:MotoPython) { return $script:MotoPython }
    $probe = 'import sys, moto.server, flask; print(sys.executable)'
    foreach ($candidate in Get-MotoPythonCandidate) {
        if (-not (Test-Path -LiteralPath $candidate.FilePath -PathType Leaf)) { continue }
        $run = Invoke-ProcessQuietly -FilePath $candidate.FilePath -Arguments (@($candidate.Arguments) + @('-c', $probe)) -TimeoutSeconds 60
        if ($run.ExitCode -ne 0) {
            Write-Verbose "$($candidate.FilePath) $($candidate.Arguments -join ' '): no moto ($($run.StdErr.Trim()))"
            continue
        }
        $executable = @($run.StdOut -split '\r?\n' | ForEach-Object { $_.Trim() } | Where-Object { $_ }) | Select-Object -Last 1
        if ($executable -and (Test-Path -LiteralPath $executable -PathType Leaf)) {
            $script:MotoPython = [pscustomobject]@{ FilePath = $executable; Arguments = @() }
        }
        else {
            $script:MotoPython = $candidate
        }
        Write-Verbose "moto's Python: $($script:MotoPython.FilePath) $($script:MotoPython.Arguments -join ' ')"
        return $script:MotoPython
    }
    return $null
}

function Read-LogTail {
    param([string] $Path, [int] $Lines = 40)
    if (-not $Path -or -not (Test-Path -LiteralPath $Path -PathType Leaf)) { return '' }
    try {
        # Shared read: moto may still hold the file open for writing.
        $stream = [System.IO.File]::Open($Path, [System.IO.FileMode]::Open, [System.IO.FileAccess]::Read, [System.IO.FileShare]::ReadWrite)
        try {
            $reader = New-Object System.IO.StreamReader $stream
            $text = $reader.ReadToEnd()
        }
        finally {
            $stream.Dispose()
        }
        return (@($text -split '\r?\n') | Select-Object -Last $Lines) -join [System.Environment]::NewLine
    }
    catch {
        return "(could not read ${Path}: $($_.Exception.Message))"
    }
}

function Get-MotoServerLog {
    <#
    .SYNOPSIS
        The last lines moto wrote to its standard output and standard error (for failure messages).
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param([Parameter(Mandatory)] [object] $Server)
    $out = Read-LogTail -Path $Server.StdOutPath
    $err = Read-LogTail -Path $Server.StdErrPath
    return (@($out, $err) | Where-Object { $_ }) -join [System.Environment]::NewLine
}

function Wait-MotoServer {
    # Polls GET /moto-api/data.json until moto answers 200, the process exits, or the time is up.
    param([Parameter(Mandatory)] [object] $Server, [int] $TimeoutSeconds = 60)
    $ProgressPreference = 'SilentlyContinue'
    $uri = "$($Server.Endpoint)/moto-api/data.json"
    $deadline = [System.DateTime]::UtcNow.AddSeconds($TimeoutSeconds)
    while ([System.DateTime]::UtcNow -lt $deadline) {
        if ($Server.Process.HasExited) {
            throw "moto exited with code $($Server.Process.ExitCode) before it answered on $($Server.Endpoint):$([System.Environment]::NewLine)$(Get-MotoServerLog -Server $Server)"
        }
        try {
            $request = @{ Uri = $uri; Method = 'GET'; UseBasicParsing = $true; TimeoutSec = 2; ErrorAction = 'Stop' } + $script:WebParameters
            $response = Invoke-WebRequest @request
            if ($response.StatusCode -eq 200) { return }
        }
        catch {
            # Not listening or not answering yet.
            Write-Verbose "moto not ready: $($_.Exception.Message)"
        }
        Start-Sleep -Milliseconds 200
    }
    throw [System.TimeoutException]::new("moto did not answer on $($Server.Endpoint) within $TimeoutSeconds s:$([System.Environment]::NewLine)$(Get-MotoServerLog -Server $Server)")
}

function Start-MotoServer {
    <#
    .SYNOPSIS
        Starts python -m moto.server on a free 127.0.0.1 port and waits until it answers.
    .DESCRIPTION
        The Python is found as tools/LocalAws/Tools.cs finds it ($env:MOTO_PYTHON, pyenv, python3/python on PATH,
        py -3 on Windows). The server's output goes to two temporary files (StdOutPath, StdErrPath); the wait for
        GET /moto-api/data.json is bounded by -TimeoutSeconds. Returns an object with Endpoint (http://127.0.0.1:PORT),
        Port and Process; pass it to Stop-MotoServer. The seeding helpers default to the last endpoint started.
    .EXAMPLE
        $moto = Start-MotoServer
        Get-ApiIntegration -ApiId abc -EndpointUrl $moto.Endpoint
        Stop-MotoServer -Server $moto
    #>
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [ValidateRange(1, 600)]
        [int] $TimeoutSeconds = 60
    )
    $python = Find-MotoPython
    if (-not $python) {
        $tried = '$env:MOTO_PYTHON, the pyenv interpreters, python3 and python on PATH'
        if ($script:IsWindowsHost) { $tried += ' and py -3' }
        throw "No Python interpreter with moto's server was found (tried $tried). Install it with: python -m pip install ""moto[server]"" (then set `$env:MOTO_PYTHON to that python if it is not on PATH)."
    }
    $port = Get-FreeTcpPort
    $stem = Join-Path ([System.IO.Path]::GetTempPath()) ("moto-{0}-{1}" -f $port, [guid]::NewGuid().ToString('N'))
    $startProcess = @{
        FilePath               = $python.FilePath
        ArgumentList           = @($python.Arguments) + @('-m', 'moto.server', '-H', '127.0.0.1', '-p', "$port")
        RedirectStandardOutput = "$stem.out.log"
        RedirectStandardError  = "$stem.err.log"
        NoNewWindow            = $true
        PassThru               = $true
        ErrorAction            = 'Stop'
    }
    $process = Start-Process @startProcess
    # Touching Handle keeps ExitCode readable after the process exits (Windows PowerShell forgets it otherwise).
    try { $null = $process.Handle } catch { Write-Verbose "No process handle: $($_.Exception.Message)" }

    $server = [pscustomobject]@{
        PSTypeName = 'IntegrationTools.Tests.MotoServer'
        Endpoint   = "http://127.0.0.1:$port"
        Port       = $port
        Process    = $process
        Python     = $python.FilePath
        StdOutPath = "$stem.out.log"
        StdErrPath = "$stem.err.log"
    }
    try {
        Wait-MotoServer -Server $server -TimeoutSeconds $TimeoutSeconds
    }
    catch {
        Stop-MotoServer -Server $server
        throw
    }
    $script:MotoEndpoint = $server.Endpoint
    return $server
}

function Start-TestSuite {
    <#
    .SYNOPSIS
        What a Pester file against moto starts with: the test AWS environment (Set-TestAwsEnvironment), a moto server
        (Start-MotoServer) and the built module (Import-BuiltModule).
    .DESCRIPTION
        Returns the moto server (Endpoint, Port, Process) with the environment it replaced (SavedEnvironment); give it to
        Stop-TestSuite in AfterAll, which stops the server and puts the environment back.
    .EXAMPLE
        BeforeAll { $moto = Start-TestSuite; $Endpoint = $moto.Endpoint }
        AfterAll { Stop-TestSuite $moto }
    #>
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param()
    $saved = Set-TestAwsEnvironment
    try {
        $server = Start-MotoServer
    }
    catch {
        Restore-TestAwsEnvironment -Saved $saved
        throw
    }
    $server | Add-Member -NotePropertyName SavedEnvironment -NotePropertyValue $saved
    $null = Import-BuiltModule
    return $server
}

function Stop-TestSuite {
    <#
    .SYNOPSIS
        Undoes Start-TestSuite: stops its moto server and restores the environment. $null is accepted and ignored, so
        AfterAll can call it even when BeforeAll failed first.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Position = 0)]
        [AllowNull()]
        [object] $Suite
    )
    if ($null -eq $Suite) { return }
    Stop-MotoServer -Server $Suite
    Restore-TestAwsEnvironment -Saved $Suite.SavedEnvironment
}

function Stop-MotoServer {
    <#
    .SYNOPSIS
        Stops the moto server Start-MotoServer started (by its process id, with its children) and deletes its logs.
    .DESCRIPTION
        $null is accepted and ignored, so AfterAll can call it even when BeforeAll failed before moto started.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Position = 0, ValueFromPipeline)]
        [AllowNull()]
        [object] $Server,

        [switch] $KeepLogs
    )
    process {
        if ($null -eq $Server -or $null -eq $Server.Process) { return }
        $process = $Server.Process
        try {
            if (-not $process.HasExited) {
                $killTree = $process.GetType().GetMethod('Kill', [type[]] @([bool]))
                if ($null -ne $killTree) {
                    # .NET Core 3.0+ (PowerShell 7): the process and everything it started.
                    $process.Kill($true)
                }
                elseif ($script:IsWindowsHost) {
                    # Windows PowerShell 5.1: taskkill /T for the tree (a venv's python.exe starts the real one).
                    $taskkill = Join-Path (Join-Path $env:SystemRoot 'System32') 'taskkill.exe'
                    $null = Invoke-ProcessQuietly -FilePath $taskkill -Arguments @('/PID', "$($process.Id)", '/T', '/F') -TimeoutSeconds 30
                }
                if (-not $process.HasExited) { $process.Kill() }
                $null = $process.WaitForExit(10000)
            }
        }
        catch {
            # Already gone, or going.
            Write-Verbose "Stopping moto (process $($process.Id)): $($_.Exception.Message)"
        }
        finally {
            $process.Dispose()
        }
        if (-not $KeepLogs) {
            Remove-Item -LiteralPath $Server.StdOutPath, $Server.StdErrPath -Force -ErrorAction Ignore
        }
        if ($script:MotoEndpoint -eq $Server.Endpoint) { $script:MotoEndpoint = $null }
    }
}

function Reset-MotoServer {
    <#
    .SYNOPSIS
        Forgets every resource moto holds (POST /moto-api/reset).
    #>
    [CmdletBinding()]
    param([string] $Endpoint = $script:MotoEndpoint)
    if (-not $Endpoint) { throw 'No moto endpoint: pass -Endpoint or call Start-MotoServer first.' }
    $request = @{ Uri = "$($Endpoint.TrimEnd('/'))/moto-api/reset"; Method = 'POST'; UseBasicParsing = $true; ErrorAction = 'Stop' } + $script:WebParameters
    $null = Invoke-WebRequest @request
}

#endregion

#region The module under test

function Get-RepositoryRoot {
    <#
    .SYNOPSIS
        The repository root (this file lives in <root>/tests/Pester).
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param()
    return (Resolve-Path -LiteralPath (Join-Path (Join-Path $PSScriptRoot '..') '..')).ProviderPath
}

function Get-BuiltModulePath {
    <#
    .SYNOPSIS
        <root>/out/IntegrationTools/IntegrationTools.psd1, the manifest ./build.ps1 and ./build.sh write.
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param()
    return Join-Path (Join-Path (Join-Path (Get-RepositoryRoot) 'out') 'IntegrationTools') 'IntegrationTools.psd1'
}

function Import-BuiltModule {
    <#
    .SYNOPSIS
        Imports the built module (out/IntegrationTools/IntegrationTools.psd1) into the global session state.
    .DESCRIPTION
        Never from src/: the tests exercise the module folder a user gets (manifest, format views, help,
        dependencies/). Throws, saying how to build it, when out/IntegrationTools is missing, and when another
        IntegrationTools.dll is already loaded in this process (an assembly cannot be unloaded).
    #>
    [CmdletBinding()]
    [OutputType([System.Management.Automation.PSModuleInfo])]
    param()
    $manifest = Get-BuiltModulePath
    if (-not (Test-Path -LiteralPath $manifest -PathType Leaf)) {
        throw "The built module is missing: $manifest does not exist. Build it first from the repository root with ./build.ps1 (pwsh or Windows PowerShell) or ./build.sh (bash), then run Invoke-Pester again. The tests never import the module from src/."
    }
    $dll = [System.IO.Path]::GetFullPath((Join-Path (Split-Path -Parent $manifest) 'IntegrationTools.dll'))
    $foreign = [System.AppDomain]::CurrentDomain.GetAssemblies() | Where-Object {
        -not $_.IsDynamic -and $_.GetName().Name -eq 'IntegrationTools' -and $_.Location -and
        -not [string]::Equals([System.IO.Path]::GetFullPath($_.Location), $dll, [System.StringComparison]::OrdinalIgnoreCase)
    } | Select-Object -First 1
    if ($foreign) {
        throw "Another IntegrationTools.dll is already loaded in this session ($($foreign.Location)); an assembly cannot be unloaded. Run Invoke-Pester in a new pwsh session."
    }
    return Import-Module -Name $manifest -Global -Force -PassThru -ErrorAction Stop
}

#endregion

#region Environment

# The AWS profile files of this process. AWSSDK.Core takes the paths of the credentials and config files from
# AWS_SHARED_CREDENTIALS_FILE and AWS_CONFIG_FILE once per process, when it first looks at profiles (a static
# constructor; an unset variable or a missing file means ~/.aws), and reads the files' contents again on every lookup. A
# test that set the variables after an earlier test file had used the module in the same process (as the suite runs)
# would not be seen, and the module would read the machine's ~/.aws. So every import of these helpers, which each test
# file does before anything else, points both variables at files of this process, empty (no profile); a test that needs
# profiles writes them there with Set-TestAwsProfileFile and puts back the empty files with Restore-TestAwsProfileFile.
# tests/Invoke-PesterSuite.ps1 removes the folder after the run.
$script:AwsProfileFolder = Join-Path ([System.IO.Path]::GetTempPath()) "IntegrationTools.Tests.aws.$PID"
$script:AwsProfileFiles = [ordered]@{
    AWS_SHARED_CREDENTIALS_FILE = Join-Path $script:AwsProfileFolder 'credentials'
    AWS_CONFIG_FILE             = Join-Path $script:AwsProfileFolder 'config'
}
$null = New-Item -ItemType Directory -Path $script:AwsProfileFolder -Force
foreach ($variable in $script:AwsProfileFiles.Keys) {
    $file = $script:AwsProfileFiles[$variable]
    if (-not (Test-Path -LiteralPath $file -PathType Leaf)) { [System.IO.File]::WriteAllText($file, '') }
    [System.Environment]::SetEnvironmentVariable($variable, $file)
}

function Get-TestAwsProfileFile {
    <#
    .SYNOPSIS
        The credentials and config files of this process (Credentials, Config): the files the module reads profiles
        from, empty unless a test wrote profiles there with Set-TestAwsProfileFile.
    #>
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param()
    return [pscustomobject]@{
        Credentials = $script:AwsProfileFiles['AWS_SHARED_CREDENTIALS_FILE']
        Config      = $script:AwsProfileFiles['AWS_CONFIG_FILE']
    }
}

function Set-TestAwsProfileFile {
    <#
    .SYNOPSIS
        Writes the profiles given (the lines of a credentials and of a config file) into this process's profile
        files; returns what to pass to Restore-TestAwsProfileFile.
    .DESCRIPTION
        The files are the ones the module's AWSSDK.Core reads (see Get-TestAwsProfileFile). When the built module is
        loaded and its AWSSDK.Core took other paths (it was used in this process before these helpers were first
        imported), this throws instead of writing profiles that nothing would read.
    .EXAMPLE
        $saved = Set-TestAwsProfileFile -Credentials '[prod]', 'aws_access_key_id = testing', 'aws_secret_access_key = testing'
        ...
        Restore-TestAwsProfileFile -Saved $saved
    #>
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [string[]] $Credentials = @(),
        [string[]] $Config = @()
    )
    $files = Get-TestAwsProfileFile
    $module = Split-Path -Parent ([System.IO.Path]::GetFullPath((Get-BuiltModulePath)))
    $sdk = [System.AppDomain]::CurrentDomain.GetAssemblies() | Where-Object {
        -not $_.IsDynamic -and $_.GetName().Name -eq 'AWSSDK.Core' -and $_.Location -and
        [System.IO.Path]::GetFullPath($_.Location).StartsWith($module, [System.StringComparison]::OrdinalIgnoreCase)
    }
    foreach ($assembly in @($sdk)) {
        $type = $assembly.GetType('Amazon.Runtime.CredentialManagement.SharedCredentialsFile', $true)
        $read = @{
            Credentials = [string] $type.GetProperty('DefaultFilePath').GetValue($null)
            Config      = [string] $type.GetProperty('DefaultConfigFilePath').GetValue($null)
        }
        foreach ($kind in 'Credentials', 'Config') {
            if ($read[$kind] -ne $files.$kind) {
                throw "The module's AWSSDK.Core reads the $($kind.ToLowerInvariant()) file $($read[$kind]), not $($files.$kind): it was used in this process before the test helpers were imported, and it takes the paths only once. Run the tests in a new PowerShell process."
            }
        }
    }
    $saved = [pscustomobject]@{
        Credentials = [System.IO.File]::ReadAllText($files.Credentials)
        Config      = [System.IO.File]::ReadAllText($files.Config)
    }
    $newLine = [System.Environment]::NewLine
    [System.IO.File]::WriteAllText($files.Credentials, (@($Credentials | ForEach-Object { $_ + $newLine }) -join ''))
    [System.IO.File]::WriteAllText($files.Config, (@($Config | ForEach-Object { $_ + $newLine }) -join ''))
    return $saved
}

function Restore-TestAwsProfileFile {
    <#
    .SYNOPSIS
        Puts back what Set-TestAwsProfileFile changed. $null is accepted and ignored.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Position = 0)]
        [AllowNull()]
        [object] $Saved
    )
    if ($null -eq $Saved) { return }
    $files = Get-TestAwsProfileFile
    [System.IO.File]::WriteAllText($files.Credentials, $Saved.Credentials)
    [System.IO.File]::WriteAllText($files.Config, $Saved.Config)
}

function Set-TestAwsEnvironment {
    <#
    .SYNOPSIS
        Sets process environment variables (and optionally clears AWS.Tools' shell defaults); returns what to
        pass to Restore-TestAwsEnvironment.
    .DESCRIPTION
        Without -Variables: the dummy credentials and region for moto, as MotoFixture sets them
        (AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY=testing, AWS_REGION=us-east-1, no session token, no instance
        metadata). A $null value removes the variable. -ClearShellDefaults also removes $global:StoredAWSCredentials
        and $global:StoredAWSRegion (Set-AWSCredential / Set-DefaultAWSRegion of AWS.Tools) for the duration.
    .EXAMPLE
        $saved = Set-TestAwsEnvironment
        ...
        Restore-TestAwsEnvironment -Saved $saved
    #>
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [System.Collections.IDictionary] $Variables,
        [switch] $ClearShellDefaults
    )
    if (-not $PSBoundParameters.ContainsKey('Variables')) {
        $Variables = [ordered]@{
            AWS_ACCESS_KEY_ID         = 'testing'
            AWS_SECRET_ACCESS_KEY     = 'testing'
            AWS_SESSION_TOKEN         = $null
            AWS_REGION                = 'us-east-1'
            AWS_EC2_METADATA_DISABLED = 'true'
        }
    }
    $saved = [pscustomobject]@{
        Variables     = [ordered]@{}
        ShellDefaults = [ordered]@{}
    }
    foreach ($name in @($Variables.Keys)) {
        if (-not $saved.Variables.Contains($name)) {
            $saved.Variables[$name] = [System.Environment]::GetEnvironmentVariable($name)
        }
        Set-ProcessEnvironmentVariable -Name $name -Value $Variables[$name]
    }
    if ($ClearShellDefaults) {
        foreach ($name in 'StoredAWSCredentials', 'StoredAWSRegion') {
            $variable = Get-Variable -Name $name -Scope Global -ErrorAction Ignore
            if ($variable) {
                # The value, not the PSVariable: a later assignment would change what the PSVariable holds.
                $saved.ShellDefaults[$name] = @{ Exists = $true; Value = $variable.Value }
                Remove-Variable -Name $name -Scope Global -Force
            }
            else {
                $saved.ShellDefaults[$name] = @{ Exists = $false; Value = $null }
            }
        }
    }
    return $saved
}

function Set-ProcessEnvironmentVariable {
    <#
    .SYNOPSIS
        Sets a process environment variable, or removes it when Value is $null.
    .DESCRIPTION
        PowerShell turns $null into '' when it passes it to a [string] parameter of a .NET method, so
        [Environment]::SetEnvironmentVariable($name, $null) leaves the variable set to '' on Linux and macOS (and
        a child process such as moto then sees AWS_PROFILE=''). [NullString]::Value passes a real null.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] [string] $Name,
        [AllowNull()] [AllowEmptyString()] [string] $Value
    )
    if ($null -eq $Value -or $Value -eq '') {
        [System.Environment]::SetEnvironmentVariable($Name, [NullString]::Value)
    }
    else {
        [System.Environment]::SetEnvironmentVariable($Name, $Value)
    }
}

function Restore-TestAwsEnvironment {
    <#
    .SYNOPSIS
        Puts back what Set-TestAwsEnvironment changed. $null is accepted and ignored.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Position = 0)]
        [AllowNull()]
        [object] $Saved
    )
    if ($null -eq $Saved) { return }
    foreach ($name in @($Saved.Variables.Keys)) {
        Set-ProcessEnvironmentVariable -Name $name -Value $Saved.Variables[$name]
    }
    foreach ($name in @($Saved.ShellDefaults.Keys)) {
        $entry = $Saved.ShellDefaults[$name]
        if ($entry.Exists) {
            Set-Variable -Name $name -Scope Global -Value $entry.Value -Force
        }
        else {
            Remove-Variable -Name $name -Scope Global -Force -ErrorAction Ignore
        }
    }
}

function Get-UnconfiguredAwsEnvironment {
    <#
    .SYNOPSIS
        Environment variables under which nothing supplies credentials or a region (for Set-TestAwsEnvironment).
    .DESCRIPTION
        As SessionTests.NothingConfigured: no AWS_PROFILE, empty credentials and config files (written into
        -Directory, e.g. $TestDrive), no web identity or container credentials, no instance metadata; and, unless
        kept, no access keys and no region. The files are for processes started from the test (the AWS CLI, a new
        PowerShell); the module in this process reads the process's own profile files (Get-TestAwsProfileFile),
        which are empty unless a test wrote profiles there.
    #>
    [CmdletBinding()]
    [OutputType([System.Collections.Specialized.OrderedDictionary])]
    param(
        [Parameter(Mandatory)] [string] $Directory,
        [switch] $KeepCredentials,
        [switch] $KeepRegion
    )
    $credentials = Join-Path $Directory 'empty-credentials'
    $config = Join-Path $Directory 'empty-config'
    Set-Content -LiteralPath $credentials -Value '' -Encoding Ascii
    Set-Content -LiteralPath $config -Value '' -Encoding Ascii
    $variables = [ordered]@{
        AWS_PROFILE                            = $null
        AWS_DEFAULT_PROFILE                    = $null
        AWS_SHARED_CREDENTIALS_FILE            = $credentials
        AWS_CONFIG_FILE                        = $config
        AWS_WEB_IDENTITY_TOKEN_FILE            = $null
        AWS_CONTAINER_CREDENTIALS_RELATIVE_URI = $null
        AWS_CONTAINER_CREDENTIALS_FULL_URI     = $null
        AWS_EC2_METADATA_DISABLED              = 'true'
    }
    if (-not $KeepCredentials) {
        $variables['AWS_ACCESS_KEY_ID'] = $null
        $variables['AWS_SECRET_ACCESS_KEY'] = $null
        $variables['AWS_SESSION_TOKEN'] = $null
    }
    if (-not $KeepRegion) {
        $variables['AWS_REGION'] = $null
        $variables['AWS_DEFAULT_REGION'] = $null
    }
    return $variables
}

function New-FakeAwsCredential {
    <#
    .SYNOPSIS
        A credentials object of a type the module has never seen (like AWS.Tools' AWSCredentials from another
        AWSSDK.Core): GetCredentials() returns an object with AccessKey, SecretKey ('fake-secret') and Token.
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory)] [string] $AccessKey)
    if (-not ('IntegrationToolsPesterFakes.FakeAwsCredentials' -as [type])) {
        # C# 5, so that Windows PowerShell 5.1's compiler takes it too.
        Add-Type -Language CSharp -TypeDefinition @'
namespace IntegrationToolsPesterFakes
{
    public sealed class FakeImmutableCredentials
    {
        public string AccessKey { get; set; }
        public string SecretKey { get; set; }
        public string Token { get; set; }
    }

    public sealed class FakeAwsCredentials
    {
        private readonly string _key;

        public FakeAwsCredentials(string key) { _key = key; }

        public string Key { get { return _key; } }

        public FakeImmutableCredentials GetCredentials()
        {
            return new FakeImmutableCredentials { AccessKey = _key, SecretKey = "fake-secret" };
        }
    }
}
'@
    }
    return New-Object -TypeName 'IntegrationToolsPesterFakes.FakeAwsCredentials' -ArgumentList $AccessKey
}

#endregion

#region Seeding moto

function Invoke-MotoRequest {
    <#
    .SYNOPSIS
        One API Gateway control-plane request to moto, with a JSON body of the wire member names; returns the
        parsed JSON answer.
    .DESCRIPTION
        moto picks the service from the SigV4 credential scope and does not check signatures, so a scoped
        Authorization header with a dummy signature is all it needs. The answer is parsed whatever its
        Content-Type (moto answers some calls as text/html).
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory, Position = 0)]
        [ValidateSet('GET', 'POST', 'PUT', 'PATCH', 'DELETE')]
        [string] $Method,

        [Parameter(Mandatory, Position = 1)]
        [string] $Path,

        [Parameter(Position = 2)]
        [object] $Body,

        [string] $Endpoint = $script:MotoEndpoint,

        # moto keeps each region apart: the region of the credential scope.
        [string] $Region = 'us-east-1'
    )
    if (-not $Endpoint) { throw 'No moto endpoint: pass -Endpoint or call Start-MotoServer first.' }
    $ProgressPreference = 'SilentlyContinue'
    $date = [System.DateTime]::UtcNow.ToString('yyyyMMdd', [System.Globalization.CultureInfo]::InvariantCulture)
    $request = @{
        Uri             = $Endpoint.TrimEnd('/') + $Path
        Method          = $Method
        Headers         = @{ Authorization = "AWS4-HMAC-SHA256 Credential=testing/$date/$Region/apigateway/aws4_request, SignedHeaders=host, Signature=0" }
        UseBasicParsing = $true
        TimeoutSec      = 30
        ErrorAction     = 'Stop'
    } + $script:WebParameters
    if ($PSBoundParameters.ContainsKey('Body') -and $null -ne $Body) {
        $json = ConvertTo-Json -InputObject $Body -Depth 10 -Compress
        $request['Body'] = [System.Text.Encoding]::UTF8.GetBytes($json)
        $request['ContentType'] = 'application/json'
    }
    try {
        $response = Invoke-WebRequest @request
    }
    catch {
        $detail = $_.Exception.Message
        if ($_.ErrorDetails -and $_.ErrorDetails.Message) { $detail = "$detail $($_.ErrorDetails.Message)" }
        throw "Seeding moto failed: $Method $Path -> $detail"
    }
    $content = $response.Content
    if ($content -is [byte[]]) { $content = [System.Text.Encoding]::UTF8.GetString($content) }
    if ([string]::IsNullOrWhiteSpace($content)) { return [pscustomobject]@{} }
    return ConvertFrom-Json -InputObject $content
}

function New-MotoRestApi {
    <#
    .SYNOPSIS
        POST /restapis {name}; returns RestApiId and RootId (the '/' resource).
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] [string] $Name,
        [string] $Endpoint = $script:MotoEndpoint
    )
    $api = Invoke-MotoRequest POST '/restapis' @{ name = $Name } -Endpoint $Endpoint
    $resources = Invoke-MotoRequest GET "/restapis/$($api.id)/resources" -Endpoint $Endpoint
    $root = @($resources.item | Where-Object { $_.path -eq '/' })
    if ($root.Count -eq 0) { $root = @($resources.item) }
    return [pscustomobject]@{ RestApiId = [string] $api.id; RootId = [string] $root[0].id }
}

function New-MotoResource {
    <#
    .SYNOPSIS
        POST /restapis/{id}/resources/{parentId} {pathPart}; returns the new resource id.
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory)] [string] $RestApiId,
        [Parameter(Mandatory)] [string] $ParentId,
        [Parameter(Mandatory)] [string] $PathPart,
        [string] $Endpoint = $script:MotoEndpoint
    )
    return [string] (Invoke-MotoRequest POST "/restapis/$RestApiId/resources/$ParentId" @{ pathPart = $PathPart } -Endpoint $Endpoint).id
}

function Set-MotoMethod {
    <#
    .SYNOPSIS
        PUT /restapis/{id}/resources/{resourceId}/methods/{httpMethod} {authorizationType: NONE}.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] [string] $RestApiId,
        [Parameter(Mandatory)] [string] $ResourceId,
        [Parameter(Mandatory)] [string] $HttpMethod,
        [string] $Endpoint = $script:MotoEndpoint
    )
    $null = Invoke-MotoRequest PUT "/restapis/$RestApiId/resources/$ResourceId/methods/$HttpMethod" @{ authorizationType = 'NONE' } -Endpoint $Endpoint
}

function Set-MotoIntegration {
    <#
    .SYNOPSIS
        PUT /restapis/{id}/resources/{resourceId}/methods/{httpMethod}/integration with the given wire body
        (type, httpMethod, uri, requestTemplates, ...); returns moto's answer.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] [string] $RestApiId,
        [Parameter(Mandatory)] [string] $ResourceId,
        [Parameter(Mandatory)] [string] $HttpMethod,
        [Parameter(Mandatory)] [System.Collections.IDictionary] $Body,
        [string] $Endpoint = $script:MotoEndpoint
    )
    return Invoke-MotoRequest PUT "/restapis/$RestApiId/resources/$ResourceId/methods/$HttpMethod/integration" $Body -Endpoint $Endpoint
}

function New-MotoApi {
    <#
    .SYNOPSIS
        POST /v2/apis {name, protocolType}; returns the API id. WEBSOCKET APIs get a route selection expression.
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory)] [string] $Name,
        [ValidateSet('HTTP', 'WEBSOCKET')] [string] $ProtocolType = 'HTTP',
        [string] $Endpoint = $script:MotoEndpoint
    )
    $body = @{ name = $Name; protocolType = $ProtocolType }
    if ($ProtocolType -eq 'WEBSOCKET') { $body['routeSelectionExpression'] = '$request.body.action' }
    return [string] (Invoke-MotoRequest POST '/v2/apis' $body -Endpoint $Endpoint).apiId
}

function New-MotoApiIntegration {
    <#
    .SYNOPSIS
        POST /v2/apis/{id}/integrations with the given wire body (integrationType, integrationUri, ...); returns
        the integration id.
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory)] [string] $ApiId,
        [Parameter(Mandatory)] [System.Collections.IDictionary] $Body,
        [string] $Endpoint = $script:MotoEndpoint
    )
    return [string] (Invoke-MotoRequest POST "/v2/apis/$ApiId/integrations" $Body -Endpoint $Endpoint).integrationId
}

function New-PetStore {
    <#
    .SYNOPSIS
        A REST API with /pets (GET: MOCK, POST: HTTP_PROXY) and /pets/{id} (GET: Lambda proxy, DELETE: no
        integration); returns RestApiId, RootId, PetsId and PetId.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] [string] $Name,
        [string] $Endpoint = $script:MotoEndpoint
    )
    $api = New-MotoRestApi -Name $Name -Endpoint $Endpoint
    $id = $api.RestApiId
    $pets = New-MotoResource -RestApiId $id -ParentId $api.RootId -PathPart 'pets' -Endpoint $Endpoint
    $pet = New-MotoResource -RestApiId $id -ParentId $pets -PathPart '{id}' -Endpoint $Endpoint
    Set-MotoMethod -RestApiId $id -ResourceId $pets -HttpMethod GET -Endpoint $Endpoint
    Set-MotoMethod -RestApiId $id -ResourceId $pets -HttpMethod POST -Endpoint $Endpoint
    Set-MotoMethod -RestApiId $id -ResourceId $pet -HttpMethod GET -Endpoint $Endpoint
    Set-MotoMethod -RestApiId $id -ResourceId $pet -HttpMethod DELETE -Endpoint $Endpoint
    $null = Set-MotoIntegration -RestApiId $id -ResourceId $pets -HttpMethod GET -Endpoint $Endpoint -Body @{
        type             = 'MOCK'
        requestTemplates = @{ 'application/json' = '{"statusCode": 200}' }
    }
    $null = Set-MotoIntegration -RestApiId $id -ResourceId $pets -HttpMethod POST -Endpoint $Endpoint -Body @{
        type       = 'HTTP_PROXY'
        httpMethod = 'POST'
        uri        = 'https://petstore.example.com/pets'
    }
    $null = Set-MotoIntegration -RestApiId $id -ResourceId $pet -HttpMethod GET -Endpoint $Endpoint -Body @{
        type       = 'AWS_PROXY'
        httpMethod = 'POST'
        uri        = 'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:get-pet/invocations'
    }
    return [pscustomobject]@{ RestApiId = $id; RootId = $api.RootId; PetsId = $pets; PetId = $pet }
}

function New-OrdersHttpApi {
    <#
    .SYNOPSIS
        An HTTP API with a Lambda proxy integration (payload 2.0, described) and an HTTP proxy integration
        (GET, payload 1.0, one request parameter), as GetApiIntegrationTests.SeedHttpApi; returns ApiId,
        LambdaId and HttpId.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] [string] $Name,
        [string] $Endpoint = $script:MotoEndpoint
    )
    $api = New-MotoApi -Name $Name -Endpoint $Endpoint
    $lambda = New-MotoApiIntegration -ApiId $api -Endpoint $Endpoint -Body @{
        integrationType      = 'AWS_PROXY'
        integrationUri       = 'arn:aws:lambda:us-east-1:123456789012:function:orders'
        payloadFormatVersion = '2.0'
        description          = 'orders lambda'
    }
    $http = New-MotoApiIntegration -ApiId $api -Endpoint $Endpoint -Body @{
        integrationType      = 'HTTP_PROXY'
        integrationMethod    = 'GET'
        integrationUri       = 'https://orders.example.com/{proxy}'
        payloadFormatVersion = '1.0'
        requestParameters    = @{ 'overwrite:header.x-source' = '$context.requestId' }
    }
    return [pscustomobject]@{ ApiId = $api; LambdaId = $lambda; HttpId = $http }
}

function New-MotoShop {
    <#
    .SYNOPSIS
        A REST API with /pets (GET declaring method.request.querystring.q and method.request.header.x-trace, POST,
        OPTIONS), /pets/{petId} (GET and DELETE declaring method.request.path.petId) and /orders (POST), without
        integrations; returns RestApiId, RootId, PetsId, PetId and OrdersId.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] [string] $Name,
        [string] $Endpoint = $script:MotoEndpoint
    )
    $api = New-MotoRestApi -Name $Name -Endpoint $Endpoint
    $id = $api.RestApiId
    $pets = New-MotoResource -RestApiId $id -ParentId $api.RootId -PathPart 'pets' -Endpoint $Endpoint
    $pet = New-MotoResource -RestApiId $id -ParentId $pets -PathPart '{petId}' -Endpoint $Endpoint
    $orders = New-MotoResource -RestApiId $id -ParentId $api.RootId -PathPart 'orders' -Endpoint $Endpoint
    $methods = @(
        @{ Resource = $pets; Method = 'GET'; Parameters = @('method.request.querystring.q', 'method.request.header.x-trace') }
        @{ Resource = $pets; Method = 'POST'; Parameters = @() }
        @{ Resource = $pets; Method = 'OPTIONS'; Parameters = @() }
        @{ Resource = $pet; Method = 'GET'; Parameters = @('method.request.path.petId') }
        @{ Resource = $pet; Method = 'DELETE'; Parameters = @('method.request.path.petId') }
        @{ Resource = $orders; Method = 'POST'; Parameters = @() }
    )
    foreach ($method in $methods) {
        $declared = @{}
        foreach ($parameter in $method.Parameters) { $declared[$parameter] = $false }
        $null = Invoke-MotoRequest PUT "/restapis/$id/resources/$($method.Resource)/methods/$($method.Method)" @{
            authorizationType = 'NONE'
            requestParameters = $declared
        } -Endpoint $Endpoint
    }
    return [pscustomobject]@{ RestApiId = $id; RootId = $api.RootId; PetsId = $pets; PetId = $pet; OrdersId = $orders }
}

function Get-MotoRestIntegration {
    <#
    .SYNOPSIS
        The integration of a REST API method as moto stores it (wire member names); $null when the method has none
        (moto answers an empty object then).
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] [string] $RestApiId,
        [Parameter(Mandatory)] [string] $ResourceId,
        [Parameter(Mandatory)] [string] $HttpMethod,
        [string] $Endpoint = $script:MotoEndpoint
    )
    $answer = Invoke-MotoRequest GET "/restapis/$RestApiId/resources/$ResourceId/methods/$HttpMethod/integration" -Endpoint $Endpoint
    if ($answer.PSObject.Properties['type'] -and $answer.type) { return $answer }
    return $null
}

function Set-MotoIntegrationResponse {
    <#
    .SYNOPSIS
        PUT /restapis/{id}/resources/{resourceId}/methods/{httpMethod}/integration/responses/{statusCode} with the
        given wire body (selectionPattern, responseParameters, ...).
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] [string] $RestApiId,
        [Parameter(Mandatory)] [string] $ResourceId,
        [Parameter(Mandatory)] [string] $HttpMethod,
        [Parameter(Mandatory)] [string] $StatusCode,
        [System.Collections.IDictionary] $Body = @{},
        [string] $Endpoint = $script:MotoEndpoint
    )
    $null = Invoke-MotoRequest PUT "/restapis/$RestApiId/resources/$ResourceId/methods/$HttpMethod/integration/responses/$StatusCode" $Body -Endpoint $Endpoint
}

function Get-MotoApiIntegrationList {
    <#
    .SYNOPSIS
        The integrations of an HTTP or WebSocket API as moto has them (wire member names), to prove what was or was
        not created; nothing when there are none (so `| Should -HaveCount 0` holds).
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] [string] $ApiId,
        [string] $Endpoint = $script:MotoEndpoint
    )
    $answer = Invoke-MotoRequest GET "/v2/apis/$ApiId/integrations" -Endpoint $Endpoint
    if ($answer.PSObject.Properties['items']) { $answer.items | Where-Object { $null -ne $_ } }
}

function Get-MotoApiIntegration {
    <#
    .SYNOPSIS
        One integration of an HTTP or WebSocket API as moto has it; $null when it does not exist.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] [string] $ApiId,
        [Parameter(Mandatory)] [string] $IntegrationId,
        [string] $Endpoint = $script:MotoEndpoint
    )
    foreach ($item in (Get-MotoApiIntegrationList -ApiId $ApiId -Endpoint $Endpoint)) {
        if ([string] $item.integrationId -ceq $IntegrationId) { return $item }
    }
    return $null
}

function New-MotoRoute {
    <#
    .SYNOPSIS
        POST /v2/apis/{id}/routes {routeKey[, target: integrations/{integrationId}]}; returns the route id.
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory)] [string] $ApiId,
        [Parameter(Mandatory)] [string] $RouteKey,
        [string] $IntegrationId,
        [string] $Endpoint = $script:MotoEndpoint
    )
    $body = @{ routeKey = $RouteKey }
    if ($IntegrationId) { $body['target'] = "integrations/$IntegrationId" }
    return [string] (Invoke-MotoRequest POST "/v2/apis/$ApiId/routes" $body -Endpoint $Endpoint).routeId
}

function New-MotoVpcLink {
    <#
    .SYNOPSIS
        A VPC link; returns its id. By default one of HTTP APIs (POST /v2/vpclinks); with -Rest one of REST and
        WebSocket APIs (POST /vpclinks). moto makes both AVAILABLE at once.
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory)] [string] $Name,
        [switch] $Rest,
        [string] $Endpoint = $script:MotoEndpoint
    )
    if ($Rest) {
        $body = @{ name = $Name; targetArns = @('arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/net/orders/50dc6c495c0c9188') }
        return [string] (Invoke-MotoRequest POST '/vpclinks' $body -Endpoint $Endpoint).id
    }
    $body = @{ name = $Name; subnetIds = @('subnet-0abc'); securityGroupIds = @('sg-0abc') }
    return [string] (Invoke-MotoRequest POST '/v2/vpclinks' $body -Endpoint $Endpoint).vpcLinkId
}

function New-MotoApiIntegrationResponse {
    <#
    .SYNOPSIS
        POST /v2/apis/{id}/integrations/{integrationId}/integrationresponses with the given wire body
        (integrationResponseKey, responseTemplates, ...); returns the integration response id.
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory)] [string] $ApiId,
        [Parameter(Mandatory)] [string] $IntegrationId,
        [Parameter(Mandatory)] [System.Collections.IDictionary] $Body,
        [string] $Endpoint = $script:MotoEndpoint
    )
    return [string] (Invoke-MotoRequest POST "/v2/apis/$ApiId/integrations/$IntegrationId/integrationresponses" $Body -Endpoint $Endpoint).integrationResponseId
}

function Get-MotoApiIntegrationResponseList {
    <#
    .SYNOPSIS
        The integration responses of an integration as moto has them; nothing when there are none.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] [string] $ApiId,
        [Parameter(Mandatory)] [string] $IntegrationId,
        [string] $Endpoint = $script:MotoEndpoint
    )
    $answer = Invoke-MotoRequest GET "/v2/apis/$ApiId/integrations/$IntegrationId/integrationresponses" -Endpoint $Endpoint
    if ($answer.PSObject.Properties['items']) { $answer.items | Where-Object { $null -ne $_ } }
}

#endregion

#region The AWS CLI and other processes

function Find-AwsCli {
    <#
    .SYNOPSIS
        The path of the AWS CLI (aws) for the interoperability tests; $null when there is none.
    .DESCRIPTION
        $env:AWS_CLI (which tools/prerequisites.sh sets for ./test.sh), aws on PATH, pyenv's shim, /usr/bin/aws, and
        the aws next to moto's Python.
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param()
    $candidates = New-Object System.Collections.Generic.List[string]
    if ($env:AWS_CLI) { $candidates.Add($env:AWS_CLI) }
    Get-Command -Name 'aws' -CommandType Application -ErrorAction Ignore | ForEach-Object { $candidates.Add($_.Path) }
    $homeFolder = [System.Environment]::GetFolderPath('UserProfile')
    $candidates.Add((Join-Path (Join-Path (Join-Path $homeFolder '.pyenv') 'shims') 'aws'))
    $candidates.Add('/usr/bin/aws')
    foreach ($candidate in $candidates) {
        if ($candidate -and (Test-Path -LiteralPath $candidate -PathType Leaf)) { return $candidate }
    }
    $python = Find-MotoPython
    if ($python) {
        $folder = Split-Path -Parent $python.FilePath
        foreach ($name in 'aws', 'aws.cmd') {
            $candidate = Join-Path $folder $name
            if (Test-Path -LiteralPath $candidate -PathType Leaf) { return $candidate }
        }
    }
    return $null
}

function Invoke-AwsCli {
    <#
    .SYNOPSIS
        Runs the AWS CLI against moto (--endpoint-url, --region us-east-1, --output json) and returns its JSON answer
        as ConvertFrom-Json makes it; throws with what the CLI wrote to stderr when it fails.
    .EXAMPLE
        $cli = Invoke-AwsCli apigatewayv2 get-integration --api-id $api --integration-id $id
    #>
    [CmdletBinding(PositionalBinding = $false)]
    param(
        [Parameter(Mandatory, ValueFromRemainingArguments)]
        [string[]] $Arguments,

        [string] $Endpoint = $script:MotoEndpoint
    )
    $cli = Find-AwsCli
    if (-not $cli) { throw 'The AWS CLI was not found: install it (python -m pip install awscli) or set $env:AWS_CLI to its path.' }
    $all = @($Arguments) + @('--endpoint-url', $Endpoint, '--region', 'us-east-1', '--output', 'json')
    $run = Invoke-ProcessQuietly -FilePath $cli -Arguments $all -TimeoutSeconds 120
    if ($run.ExitCode -ne 0) { throw "aws $($Arguments -join ' ') failed (exit code $($run.ExitCode)): $($run.StdErr)" }
    if ([string]::IsNullOrWhiteSpace($run.StdOut)) { return $null }
    return ConvertFrom-Json -InputObject $run.StdOut
}

function Get-AwsCliMismatch {
    <#
    .SYNOPSIS
        Compares what the AWS CLI printed (ConvertFrom-Json of `aws ... get-integration`) with an object the cmdlets
        wrote, member by member; returns one line per difference (nothing when they agree).
    .DESCRIPTION
        -Member maps the CLI's member names to the object's property names (a list of names means the same name on
        both sides). A member the CLI leaves out (or prints as null) agrees with an empty property. -Map names
        members that are maps (requestParameters, ...): they agree when they have the same keys and values.
    .EXAMPLE
        Get-AwsCliMismatch -Cli $cli -Object $item -Member @{ type = 'Type'; uri = 'Uri' } -Map @{ requestParameters = 'RequestParameters' } |
            Should -BeNullOrEmpty
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory)] [object] $Cli,
        [Parameter(Mandatory)] [object] $Object,
        [object] $Member = @{},
        [object] $Map = @{}
    )
    function ConvertTo-NameMap([object] $Names) {
        if ($Names -is [System.Collections.IDictionary]) { return $Names }
        $pairs = [ordered]@{}
        foreach ($name in @($Names)) { $pairs[$name] = $name }
        return $pairs
    }
    function Read-MemberValue([object] $Source, [string] $Name) {
        if ($null -eq $Source) { return $null }
        if ($Source -is [System.Collections.IDictionary]) { return $Source[$Name] }
        $property = $Source.PSObject.Properties[$Name]
        if ($property) { return $property.Value }
        return $null
    }
    $members = ConvertTo-NameMap $Member
    foreach ($name in $members.Keys) {
        $expected = Read-MemberValue $Cli $name
        $actual = Read-MemberValue $Object $members[$name]
        $expectedText = if ($null -eq $expected) { '' } else { [string] $expected }
        $actualText = if ($null -eq $actual) { '' } else { [string] $actual }
        if ($expectedText -cne $actualText) {
            "${name}: the AWS CLI says '$expectedText', the cmdlet's $($members[$name]) '$actualText'"
        }
    }
    $maps = ConvertTo-NameMap $Map
    foreach ($name in $maps.Keys) {
        $expected = [ordered]@{}
        $cliMap = Read-MemberValue $Cli $name
        if ($null -ne $cliMap) { foreach ($property in $cliMap.PSObject.Properties) { $expected[$property.Name] = $property.Value } }
        $actual = Read-MemberValue $Object $maps[$name]
        $actualCount = if ($null -eq $actual) { 0 } else { $actual.Count }
        if ($expected.Count -ne $actualCount) {
            "${name}: the AWS CLI has $($expected.Count) entries, the cmdlet's $($maps[$name]) $actualCount"
            continue
        }
        foreach ($key in $expected.Keys) {
            if ([string] $expected[$key] -cne [string] $actual[$key]) {
                "$name['$key']: the AWS CLI says '$($expected[$key])', the cmdlet '$($actual[$key])'"
            }
        }
    }
}

function Get-PowerShellCommandLine {
    <#
    .SYNOPSIS
        How to start another process of the PowerShell that runs this one: FilePath and the Arguments that come
        before pwsh's own (the path of pwsh.dll when it runs as `dotnet pwsh`, the local tool).
    #>
    [CmdletBinding()]
    param()
    $path = (Get-Process -Id $PID).Path
    $name = [System.IO.Path]::GetFileNameWithoutExtension($path)
    if ($name -eq 'dotnet') {
        # `dotnet pwsh` (a local tool) runs pwsh.dll in the dotnet host: start it the same way.
        return [pscustomobject]@{ FilePath = $path; Arguments = @([System.Reflection.Assembly]::GetEntryAssembly().Location) }
    }
    return [pscustomobject]@{ FilePath = $path; Arguments = @() }
}

function Invoke-PowerShellProcess {
    <#
    .SYNOPSIS
        Runs a script file in a new process of this PowerShell (-NoProfile -NonInteractive), with the arguments
        given; returns ExitCode, StdOut and StdErr. The process inherits this one's environment variables.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] [string] $ScriptPath,
        [string[]] $Arguments = @(),
        [int] $TimeoutSeconds = 120
    )
    $pwsh = Get-PowerShellCommandLine
    $all = @($pwsh.Arguments) + @('-NoProfile', '-NonInteractive', '-File', $ScriptPath) + @($Arguments)
    return Invoke-ProcessQuietly -FilePath $pwsh.FilePath -Arguments $all -TimeoutSeconds $TimeoutSeconds
}

function Invoke-WithoutHost {
    <#
    .SYNOPSIS
        Runs a script in a new runspace of this process that has no host to ask the user anything (the built module
        imported), the way an unattended job runs; returns Output, Errors (the one that ended the script included)
        and Terminating.
    .DESCRIPTION
        A command that asks for confirmation there fails with "... prompts the user failed because the host program
        or the command type does not support user interaction", so a test can prove that a command asks first.
    .EXAMPLE
        $run = Invoke-WithoutHost -Script 'param($e) Remove-RestIntegration ... -EndpointUrl $e' -ArgumentList $Endpoint
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] [string] $Script,
        [object[]] $ArgumentList = @()
    )
    $shell = [powershell]::Create()
    try {
        $null = $shell.AddCommand('Import-Module').AddParameter('Name', (Get-BuiltModulePath)).AddParameter('ErrorAction', 'Stop')
        $null = $shell.AddStatement().AddScript($Script)
        foreach ($argument in $ArgumentList) { $null = $shell.AddArgument($argument) }
        return Invoke-ShellCaptured $shell
    }
    finally {
        $shell.Dispose()
    }
}

function Invoke-ShellCaptured {
    # Invokes a [powershell] that has its runspace and commands, and returns Output, Errors (the error stream, then the
    # record of the error that ended the script, if one did) and Terminating (that exception, out of the
    # MethodInvocationException that Invoke wraps it in).
    param([Parameter(Mandatory)] [powershell] $Shell)
    $terminating = $null
    $output = @()
    try {
        $output = @($Shell.Invoke())
    }
    catch {
        $terminating = $_.Exception
        while ($terminating -is [System.Management.Automation.MethodInvocationException] -and $terminating.InnerException) { $terminating = $terminating.InnerException }
    }
    $errors = @($Shell.Streams.Error)
    if ($terminating) {
        if ($terminating -is [System.Management.Automation.IContainsErrorRecord]) { $errors += $terminating.ErrorRecord }
        else { $errors += New-Object System.Management.Automation.ErrorRecord ($terminating, 'ScriptTerminating', 'NotSpecified', $null) }
    }
    return [pscustomobject]@{ Output = $output; Errors = $errors; Terminating = $terminating }
}

function Initialize-CapturingHost {
    # Compiles (once per process) a PowerShell host whose UI keeps everything written to it, 160 columns wide, and
    # refuses to prompt.
    if ('IntegrationToolsPesterHost.CapturingHost' -as [type]) { return }
    Add-Type -TypeDefinition @'
using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Security;
using System.Text;

namespace IntegrationToolsPesterHost
{
    public sealed class CapturingHost : PSHost
    {
        private readonly CapturingUi ui = new CapturingUi();
        private readonly Guid id = Guid.NewGuid();

        public string Text { get { return ui.Text; } }
        public override CultureInfo CurrentCulture { get { return CultureInfo.InvariantCulture; } }
        public override CultureInfo CurrentUICulture { get { return CultureInfo.InvariantCulture; } }
        public override Guid InstanceId { get { return id; } }
        public override string Name { get { return "IntegrationTools.Tests.CapturingHost"; } }
        public override PSHostUserInterface UI { get { return ui; } }
        public override Version Version { get { return new Version(1, 0); } }
        public override void EnterNestedPrompt() { throw new NotSupportedException(); }
        public override void ExitNestedPrompt() { throw new NotSupportedException(); }
        public override void NotifyBeginApplication() { }
        public override void NotifyEndApplication() { }
        public override void SetShouldExit(int exitCode) { }
    }

    public sealed class CapturingUi : PSHostUserInterface
    {
        private readonly StringBuilder text = new StringBuilder();
        private readonly CapturingRawUi raw = new CapturingRawUi();

        public string Text { get { lock (text) { return text.ToString(); } } }
        public override PSHostRawUserInterface RawUI { get { return raw; } }

        private void Append(string value) { lock (text) { text.Append(value); } }

        public override void Write(string value) { Append(value); }
        public override void Write(ConsoleColor foregroundColor, ConsoleColor backgroundColor, string value) { Append(value); }
        public override void WriteLine(string value) { Append(value + "\n"); }
        public override void WriteErrorLine(string value) { Append("ERROR: " + value + "\n"); }
        public override void WriteDebugLine(string message) { Append("DEBUG: " + message + "\n"); }
        public override void WriteProgress(long sourceId, ProgressRecord record) { }
        public override void WriteVerboseLine(string message) { Append("VERBOSE: " + message + "\n"); }
        public override void WriteWarningLine(string message) { Append("WARNING: " + message + "\n"); }

        public override Dictionary<string, PSObject> Prompt(string caption, string message, Collection<FieldDescription> descriptions)
        { throw new PSInvalidOperationException("Nobody can answer a prompt here: " + message); }
        public override int PromptForChoice(string caption, string message, Collection<ChoiceDescription> choices, int defaultChoice)
        { throw new PSInvalidOperationException("Nobody can answer a prompt here: " + message); }
        public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName)
        { throw new PSInvalidOperationException("Nobody can answer a prompt here: " + message); }
        public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName, PSCredentialTypes allowedCredentialTypes, PSCredentialUIOptions options)
        { throw new PSInvalidOperationException("Nobody can answer a prompt here: " + message); }
        public override string ReadLine() { throw new PSInvalidOperationException("Nobody can type here."); }
        public override SecureString ReadLineAsSecureString() { throw new PSInvalidOperationException("Nobody can type here."); }
    }

    public sealed class CapturingRawUi : PSHostRawUserInterface
    {
        private ConsoleColor background = ConsoleColor.Black;
        private ConsoleColor foreground = ConsoleColor.Gray;
        private Size bufferSize = new Size(160, 3000);
        private Size windowSize = new Size(160, 50);
        private Coordinates cursorPosition;
        private Coordinates windowPosition;
        private int cursorSize = 1;
        private string windowTitle = "";

        public override ConsoleColor BackgroundColor { get { return background; } set { background = value; } }
        public override ConsoleColor ForegroundColor { get { return foreground; } set { foreground = value; } }
        public override Size BufferSize { get { return bufferSize; } set { bufferSize = value; } }
        public override Size WindowSize { get { return windowSize; } set { windowSize = value; } }
        public override Coordinates CursorPosition { get { return cursorPosition; } set { cursorPosition = value; } }
        public override Coordinates WindowPosition { get { return windowPosition; } set { windowPosition = value; } }
        public override int CursorSize { get { return cursorSize; } set { cursorSize = value; } }
        public override string WindowTitle { get { return windowTitle; } set { windowTitle = value; } }
        public override bool KeyAvailable { get { return false; } }
        public override Size MaxPhysicalWindowSize { get { return new Size(160, 3000); } }
        public override Size MaxWindowSize { get { return new Size(160, 3000); } }
        public override void FlushInputBuffer() { }
        public override BufferCell[,] GetBufferContents(Rectangle rectangle) { throw new NotSupportedException(); }
        public override KeyInfo ReadKey(ReadKeyOptions options) { throw new NotSupportedException(); }
        public override void ScrollBufferContents(Rectangle source, Coordinates destination, Rectangle clip, BufferCell fill) { }
        public override void SetBufferContents(Coordinates origin, BufferCell[,] contents) { }
        public override void SetBufferContents(Rectangle rectangle, BufferCell fill) { }
    }
}
'@
}

function Open-CapturingRunspace {
    <#
    .SYNOPSIS
        A runspace of this process whose host keeps everything written to it, with the built module imported; pass it
        to Invoke-InCapturingRunspace for each script and Dispose() its Runspace at the end.
    .DESCRIPTION
        Unlike Invoke-WithCapturingHost, the runspace lives on: variables and the location set by one script are there
        for the next, as in a console. -Width sets the host's buffer width (what format views wrap to).
    #>
    [CmdletBinding()]
    param([int] $Width = 160)
    Initialize-CapturingHost
    $capturingHost = New-Object IntegrationToolsPesterHost.CapturingHost
    $capturingHost.UI.RawUI.BufferSize = New-Object System.Management.Automation.Host.Size ($Width, 3000)
    $state = [System.Management.Automation.Runspaces.InitialSessionState]::CreateDefault2()
    if ($script:IsWindowsHost) { $state.ExecutionPolicy = [Microsoft.PowerShell.ExecutionPolicy]::Bypass }
    $runspace = [System.Management.Automation.Runspaces.RunspaceFactory]::CreateRunspace($capturingHost, $state)
    $runspace.Open()
    $shell = [powershell]::Create()
    try {
        $shell.Runspace = $runspace
        $null = $shell.AddCommand('Import-Module').AddParameter('Name', (Get-BuiltModulePath)).AddParameter('ErrorAction', 'Stop')
        $null = $shell.Invoke()
    }
    finally {
        $shell.Dispose()
    }
    return [pscustomobject]@{ Runspace = $runspace; Host = $capturingHost }
}

function Invoke-InCapturingRunspace {
    <#
    .SYNOPSIS
        Runs a script in a runspace of Open-CapturingRunspace as if typed at its prompt (the output goes through
        Out-Default to the host); returns Errors (the error stream, and the error that ended the script if one did),
        Terminating and HostText (only what this script wrote, without VT codes).
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] [object] $Session,
        [Parameter(Mandatory)] [string] $Script
    )
    $start = $Session.Host.Text.Length
    $shell = [powershell]::Create()
    try {
        $shell.Runspace = $Session.Runspace
        $null = $shell.AddScript($Script).AddCommand('Out-Default')
        $terminating = $null
        try {
            $null = $shell.Invoke()
        }
        catch {
            $terminating = $_.Exception
            while ($terminating -is [System.Management.Automation.MethodInvocationException] -and $terminating.InnerException) { $terminating = $terminating.InnerException }
        }
        $errors = @($shell.Streams.Error)
        if ($terminating) {
            if ($terminating -is [System.Management.Automation.IContainsErrorRecord]) { $errors += $terminating.ErrorRecord }
            else { $errors += New-Object System.Management.Automation.ErrorRecord ($terminating, 'CapturingHostTerminating', 'NotSpecified', $null) }
        }
        return [pscustomobject]@{
            Errors      = $errors
            Terminating = $terminating
            HostText    = $Session.Host.Text.Substring($start) -replace '\x1b\[[0-9;?]*[ -/]*[@-~]', ''
        }
    }
    finally {
        $shell.Dispose()
    }
}

function Invoke-WithCapturingHost {
    <#
    .SYNOPSIS
        Runs a script in a new runspace of this process whose host keeps everything written to it (the built module
        imported there); returns Output, Errors (the error stream, and the error that ended the script if one did),
        Terminating and HostText.
    .DESCRIPTION
        HostText is all that reached the host, 160 columns wide and without VT codes: format views, Write-Host, the
        "What if:" lines, and what a script writes with $Host.UI.WriteLine, which Start-Transcript (Get-HostText) does
        not record in PowerShell 7. The runspace shares this process's environment variables. The host cannot prompt.
    .EXAMPLE
        $run = Invoke-WithCapturingHost -Script '& $Script -EndpointUrl $Endpoint' -Variables @{ Script = $path; Endpoint = $Endpoint }
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] [string] $Script,
        [System.Collections.IDictionary] $Variables = @{}
    )
    Initialize-CapturingHost
    $capturingHost = New-Object IntegrationToolsPesterHost.CapturingHost
    $state = [System.Management.Automation.Runspaces.InitialSessionState]::CreateDefault2()
    if ($script:IsWindowsHost) { $state.ExecutionPolicy = [Microsoft.PowerShell.ExecutionPolicy]::Bypass }
    $runspace = [System.Management.Automation.Runspaces.RunspaceFactory]::CreateRunspace($capturingHost, $state)
    $runspace.Open()
    $shell = [powershell]::Create()
    try {
        $shell.Runspace = $runspace
        foreach ($name in $Variables.Keys) { $runspace.SessionStateProxy.SetVariable($name, $Variables[$name]) }
        $null = $shell.AddCommand('Import-Module').AddParameter('Name', (Get-BuiltModulePath)).AddParameter('ErrorAction', 'Stop')
        $null = $shell.AddStatement().AddScript($Script)
        $run = Invoke-ShellCaptured $shell
        $run | Add-Member -NotePropertyName HostText -NotePropertyValue ($capturingHost.Text -replace '\x1b\[[0-9;?]*[ -/]*[@-~]', '')
        return $run
    }
    finally {
        $shell.Dispose()
        $runspace.Dispose()
    }
}

#endregion

#region Output as text

function ConvertTo-PlainText {
    <#
    .SYNOPSIS
        Out-String of the piped objects through the module's format views, wide and without VT colour codes
        ($PSStyle.OutputRendering = PlainText for the duration on PowerShell 7.2+).
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(ValueFromPipeline)]
        [AllowNull()]
        [object] $InputObject,

        [int] $Width = 250
    )
    begin {
        $items = New-Object System.Collections.Generic.List[object]
    }
    process {
        if ($null -ne $InputObject) { $items.Add($InputObject) }
    }
    end {
        $style = Get-Variable -Name PSStyle -Scope Global -ValueOnly -ErrorAction Ignore
        $previous = $null
        if ($null -ne $style) {
            $previous = $style.OutputRendering
            $style.OutputRendering = 'PlainText'
        }
        try {
            return ($items | Out-String -Width $Width)
        }
        finally {
            if ($null -ne $style) { $style.OutputRendering = $previous }
        }
    }
}

function ConvertTo-StreamText {
    <#
    .SYNOPSIS
        One string of everything a run wrote (output objects as the views show them, errors with their ids,
        details, targets and exceptions, warning/verbose/debug/information records), for "no secret anywhere"
        checks. Pipe in what `& { ... } *>&1` produced, plus any ErrorRecord caught.
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(ValueFromPipeline)]
        [AllowNull()]
        [object] $InputObject
    )
    begin {
        $lines = New-Object System.Collections.Generic.List[string]
    }
    process {
        if ($null -eq $InputObject) { return }
        if ($InputObject -is [System.Management.Automation.ErrorRecord]) {
            $lines.Add("$InputObject")
            $lines.Add([string] $InputObject.FullyQualifiedErrorId)
            if ($InputObject.ErrorDetails) {
                $lines.Add([string] $InputObject.ErrorDetails.Message)
                $lines.Add([string] $InputObject.ErrorDetails.RecommendedAction)
            }
            $lines.Add([string] $InputObject.TargetObject)
            $lines.Add([string] $InputObject.Exception)
        }
        elseif ($InputObject -is [System.Management.Automation.InformationalRecord]) {
            # Warning, Verbose and Debug records.
            $lines.Add($InputObject.Message)
        }
        elseif ($InputObject -is [System.Management.Automation.InformationRecord]) {
            $lines.Add([string] $InputObject.MessageData)
        }
        else {
            $lines.Add([string] $InputObject)
            $lines.Add(($InputObject | Out-String -Width 250))
        }
    }
    end {
        return $lines -join "`n"
    }
}

function Invoke-Captured {
    <#
    .SYNOPSIS
        Runs a script block and sorts what it wrote into Output, Errors, Warnings and Verbose: an error that ended
        the statement or the script is caught and counted in Errors too (and kept as Terminating), so that a test can
        check "exactly one error" either way.
    .EXAMPLE
        $run = Invoke-Captured { @{ Type = 'MOCK' } | Set-RestIntegration -EndpointUrl $Endpoint -Verbose }
        $run.Errors | Should -HaveCount 1
        $run.Verbose | Should -HaveCount 0
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory, Position = 0)]
        [scriptblock] $ScriptBlock
    )
    $output = New-Object System.Collections.Generic.List[object]
    $errors = New-Object System.Collections.Generic.List[System.Management.Automation.ErrorRecord]
    $warnings = New-Object System.Collections.Generic.List[string]
    $verbose = New-Object System.Collections.Generic.List[string]
    $terminating = $null
    try {
        & $ScriptBlock *>&1 | ForEach-Object {
            if ($_ -is [System.Management.Automation.ErrorRecord]) { $errors.Add($_) }
            elseif ($_ -is [System.Management.Automation.WarningRecord]) { $warnings.Add($_.Message) }
            elseif ($_ -is [System.Management.Automation.VerboseRecord]) { $verbose.Add($_.Message) }
            elseif ($_ -is [System.Management.Automation.DebugRecord] -or $_ -is [System.Management.Automation.InformationRecord]) { }
            else { $output.Add($_) }
        }
    }
    catch {
        $terminating = $_
        $errors.Add($_)
    }
    return [pscustomobject]@{
        Output      = $output.ToArray()
        Errors      = $errors.ToArray()
        Warnings    = $warnings.ToArray()
        Verbose     = $verbose.ToArray()
        Terminating = $terminating
    }
}

function Get-HostText {
    <#
    .SYNOPSIS
        Runs a script block and returns, as one string, what it wrote to the host, such as the "What if:" lines of
        -WhatIf (which go to the host, not to a stream).
    .DESCRIPTION
        The script block runs in the caller's scope under Start-Transcript (to a temporary file, removed afterwards);
        its output objects are discarded, its errors are not caught. VT colour codes are stripped.
    .EXAMPLE
        $text = Get-HostText { Set-RestIntegration ... -WhatIf }
        $text | Should -Match 'What if: Performing the operation "PUT '
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory, Position = 0)]
        [scriptblock] $ScriptBlock
    )
    $path = Join-Path ([System.IO.Path]::GetTempPath()) "it-pester-host-$([guid]::NewGuid().ToString('N')).txt"
    $null = Start-Transcript -LiteralPath $path -Force
    try {
        $null = & $ScriptBlock
    }
    finally {
        $null = Stop-Transcript
    }
    try {
        $text = [System.IO.File]::ReadAllText($path)
    }
    finally {
        Remove-Item -LiteralPath $path -Force -ErrorAction Ignore
    }
    return $text -replace '\x1b\[[0-9;?]*[ -/]*[@-~]', ''
}

#endregion

Export-ModuleMember -Function @(
    'ConvertTo-PlainText'
    'ConvertTo-StreamText'
    'Find-AwsCli'
    'Find-MotoPython'
    'Get-AwsCliMismatch'
    'Get-BuiltModulePath'
    'Get-FreeTcpPort'
    'Get-HostText'
    'Get-MotoApiIntegration'
    'Get-MotoApiIntegrationList'
    'Get-MotoApiIntegrationResponseList'
    'Get-MotoRestIntegration'
    'Get-MotoServerLog'
    'Get-PowerShellCommandLine'
    'Get-RepositoryRoot'
    'Get-TestAwsProfileFile'
    'Get-UnconfiguredAwsEnvironment'
    'Import-BuiltModule'
    'Invoke-AwsCli'
    'Invoke-Captured'
    'Invoke-InCapturingRunspace'
    'Invoke-MotoRequest'
    'Invoke-PowerShellProcess'
    'Invoke-WithCapturingHost'
    'Invoke-WithoutHost'
    'New-FakeAwsCredential'
    'New-MotoApi'
    'New-MotoApiIntegration'
    'New-MotoApiIntegrationResponse'
    'New-MotoResource'
    'New-MotoRestApi'
    'New-MotoRoute'
    'New-MotoShop'
    'New-MotoVpcLink'
    'New-OrdersHttpApi'
    'New-PetStore'
    'Open-CapturingRunspace'
    'Reset-MotoServer'
    'Restore-TestAwsEnvironment'
    'Restore-TestAwsProfileFile'
    'Set-MotoIntegration'
    'Set-MotoIntegrationResponse'
    'Set-MotoMethod'
    'Set-TestAwsEnvironment'
    'Set-TestAwsProfileFile'
    'Start-MotoServer'
    'Start-TestSuite'
    'Stop-MotoServer'
    'Stop-TestSuite'
)
