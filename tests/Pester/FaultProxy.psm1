<#
    The throttle-and-fault proxy (tests/FaultProxy) as a process in front of moto, for the Pester suite:

      Start-FaultProxy / Stop-FaultProxy   dotnet FaultProxy.dll on a free 127.0.0.1 port, forwarding to -Upstream
      Get-FaultProxyCount                  how many requests met each fate (forwarded, throttled, 500, ...)
      Get-FaultProxyLog                    one line per request, secrets redacted
      Get-FaultProxyOption / Set-FaultProxyOption   what the proxy does, read or changed while it runs
      Reset-FaultProxy                     forgets the counts and the log

    moto neither throttles nor fails; the proxy enforces API Gateway's management quota (a token bucket per region and
    access key id, from each request's SigV4 credential scope: 10 requests a second, a burst of 40, answered 429
    TooManyRequestsException with Retry-After) and injects 429/500/503 answers, connections dropped before or after
    forwarding, slow answers and refused credentials at the given rates, from a seeded die; it can add a latency to
    every request (each request waits on its own, so requests in flight overlap). Requests signed for another service
    (STS) pass without quota or faults (fate 'passed'). The proxy must be built first: dotnet build tests/FaultProxy -c Release (./test.sh does it).
    PowerShell 7 (the proxy itself is a .NET 10 program, run with the dotnet that runs this pwsh or the one on PATH).
#>

Set-StrictMode -Version 3.0

# The options both Start-FaultProxy (command-line flags) and Set-FaultProxyOption (admin JSON) take.
$script:OptionMap = [ordered]@{
    RatePerSecond         = @{ Flag = '--rate-per-second'; Json = 'ratePerSecond' }
    Burst                 = @{ Flag = '--burst'; Json = 'burst' }
    TooManyRequestsRate   = @{ Flag = '--too-many-requests-rate'; Json = 'tooManyRequestsRate' }
    InternalErrorRate     = @{ Flag = '--internal-error-rate'; Json = 'internalErrorRate' }
    ServiceUnavailableRate = @{ Flag = '--service-unavailable-rate'; Json = 'serviceUnavailableRate' }
    DropBeforeForwardRate = @{ Flag = '--drop-before-forward-rate'; Json = 'dropBeforeForwardRate' }
    DropAfterForwardRate  = @{ Flag = '--drop-after-forward-rate'; Json = 'dropAfterForwardRate' }
    SlowRate              = @{ Flag = '--slow-rate'; Json = 'slowRate' }
    SlowDelayMilliseconds = @{ Flag = '--slow-delay-ms'; Json = 'slowDelayMs' }
    LatencyMilliseconds   = @{ Flag = '--latency-ms'; Json = 'latencyMs' }
    LatencyJitterMilliseconds = @{ Flag = '--latency-jitter-ms'; Json = 'latencyJitterMs' }
    Seed                  = @{ Flag = '--seed'; Json = 'seed' }
}

$script:WebParameters = @{}
if ($PSVersionTable.PSVersion.Major -ge 6) {
    $script:WebParameters = @{ NoProxy = $true }
}

function Get-FaultProxyAssemblyPath {
    <#
    .SYNOPSIS
        <root>/tests/FaultProxy/bin/Release/net10.0/FaultProxy.dll, what dotnet build tests/FaultProxy -c Release writes.
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param()
    $project = [System.IO.Path]::GetFullPath((Join-Path (Join-Path $PSScriptRoot '..') 'FaultProxy'))
    return [System.IO.Path]::Combine($project, 'bin', 'Release', 'net10.0', 'FaultProxy.dll')
}

function Find-DotNetHost {
    # The dotnet executable: the one running this pwsh (a local tool runs as dotnet pwsh.dll), $env:DOTNET_HOST_PATH,
    # dotnet on PATH, or $env:DOTNET_ROOT/dotnet.
    $names = if ([System.Environment]::OSVersion.Platform -eq [System.PlatformID]::Win32NT) { @('dotnet.exe') } else { @('dotnet') }
    $candidates = New-Object System.Collections.Generic.List[string]
    $current = [System.Diagnostics.Process]::GetCurrentProcess().MainModule.FileName
    if ($current -and $names -contains [System.IO.Path]::GetFileName($current)) { $candidates.Add($current) }
    if ($env:DOTNET_HOST_PATH) { $candidates.Add($env:DOTNET_HOST_PATH) }
    $onPath = Get-Command -Name 'dotnet' -CommandType Application -ErrorAction Ignore | Select-Object -First 1
    if ($onPath) { $candidates.Add($onPath.Path) }
    if ($env:DOTNET_ROOT) { $candidates.Add((Join-Path $env:DOTNET_ROOT $names[0])) }
    foreach ($candidate in $candidates) {
        if (Test-Path -LiteralPath $candidate -PathType Leaf) { return $candidate }
    }
    throw 'The fault proxy runs on .NET, but no dotnet executable was found (tried the host of this pwsh, $env:DOTNET_HOST_PATH, dotnet on PATH and $env:DOTNET_ROOT). Install the .NET SDK of global.json.'
}

function ConvertTo-FaultProxyArgumentList {
    # The command-line flags for the bound option parameters.
    param([System.Collections.Generic.Dictionary[string, object]] $Bound)
    $arguments = New-Object System.Collections.Generic.List[string]
    foreach ($name in $script:OptionMap.Keys) {
        if ($Bound.ContainsKey($name)) {
            $arguments.Add($script:OptionMap[$name].Flag)
            $arguments.Add(([System.IFormattable] $Bound[$name]).ToString($null, [System.Globalization.CultureInfo]::InvariantCulture))
        }
    }
    if ($Bound.ContainsKey('NoThrottle')) { $arguments.Add($(if ($Bound['NoThrottle']) { '--no-throttle' } else { '--throttle' })) }
    if ($Bound.ContainsKey('RejectCredentials') -and $Bound['RejectCredentials']) { $arguments.Add('--reject-credentials') }
    return , $arguments.ToArray()
}

function Start-FaultProxy {
    <#
    .SYNOPSIS
        Starts the fault proxy (dotnet FaultProxy.dll) in front of -Upstream and waits until it prints its endpoint.
    .DESCRIPTION
        The proxy listens on a free 127.0.0.1 port. Only the options given are passed; the others keep the proxy's
        defaults (10 requests a second, a burst of 40, throttling on, no faults, slow answers 2000 ms late, seed
        12345). The proxy stops when its standard input closes, which Stop-FaultProxy does (and the operating system
        does if this pwsh dies). Returns an object with Endpoint (http://127.0.0.1:PORT), Upstream and Process; pass
        it to the other *-FaultProxy* functions. Throws, saying how to build it, when FaultProxy.dll is missing or
        older than its sources, and with the proxy's own message when it refuses its command line.
    .EXAMPLE
        $proxy = Start-FaultProxy -Upstream $moto.Endpoint -InternalErrorRate 0.1
        Get-ApiIntegration -ApiId $api -EndpointUrl $proxy.Endpoint
        (Get-FaultProxyCount $proxy)['500']
        Stop-FaultProxy $proxy
    #>
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [Parameter(Mandatory)] [string] $Upstream,
        [ValidateRange(0.001, 100000)] [double] $RatePerSecond,
        [ValidateRange(1, 100000)] [double] $Burst,
        [switch] $NoThrottle,
        [ValidateRange(0.0, 1.0)] [double] $TooManyRequestsRate,
        [ValidateRange(0.0, 1.0)] [double] $InternalErrorRate,
        [ValidateRange(0.0, 1.0)] [double] $ServiceUnavailableRate,
        [ValidateRange(0.0, 1.0)] [double] $DropBeforeForwardRate,
        [ValidateRange(0.0, 1.0)] [double] $DropAfterForwardRate,
        [ValidateRange(0.0, 1.0)] [double] $SlowRate,
        [ValidateRange(0, 600000)] [int] $SlowDelayMilliseconds,
        [ValidateRange(0, 60000)] [int] $LatencyMilliseconds,
        [ValidateRange(0, 60000)] [int] $LatencyJitterMilliseconds,
        [switch] $RejectCredentials,
        [int] $Seed,
        [ValidateRange(1, 300)] [int] $TimeoutSeconds = 30
    )
    $assembly = Get-FaultProxyAssemblyPath
    $project = Split-Path -Parent (Split-Path -Parent (Split-Path -Parent (Split-Path -Parent $assembly)))
    $build = 'dotnet build tests/FaultProxy -c Release (./test.sh does it before the Pester suite)'
    if (-not (Test-Path -LiteralPath $assembly -PathType Leaf)) {
        throw "The fault proxy is not built: $assembly does not exist. Build it from the repository root with: $build."
    }
    $built = (Get-Item -LiteralPath $assembly).LastWriteTimeUtc
    $newer = @(Get-ChildItem -LiteralPath $project -File | Where-Object { $_.Extension -in '.cs', '.csproj' -and $_.LastWriteTimeUtc -gt $built })
    if ($newer.Count -gt 0) {
        throw "The fault proxy's build is out of date: $($newer[0].Name) changed after $assembly was built. Rebuild it from the repository root with: $build."
    }

    $arguments = @($assembly, '--upstream', $Upstream) + (ConvertTo-FaultProxyArgumentList -Bound $PSBoundParameters)
    $info = New-Object System.Diagnostics.ProcessStartInfo
    $info.FileName = Find-DotNetHost
    foreach ($argument in $arguments) { $info.ArgumentList.Add($argument) }
    $info.UseShellExecute = $false
    $info.RedirectStandardInput = $true
    $info.RedirectStandardOutput = $true
    $info.RedirectStandardError = $true
    $info.CreateNoWindow = $true
    $process = [System.Diagnostics.Process]::Start($info)
    $stderr = $process.StandardError.ReadToEndAsync()
    $ready = $process.StandardOutput.ReadLineAsync()
    $line = $null
    if ($ready.Wait([System.TimeSpan]::FromSeconds($TimeoutSeconds))) { $line = $ready.Result }
    if ($null -eq $line -or $line -notmatch '^http://127\.0\.0\.1:\d+$') {
        $exited = $process.WaitForExit(2000)
        if (-not $exited) {
            try { $process.Kill($true) } catch { Write-Verbose "Could not stop the fault proxy (process $($process.Id)): $($_.Exception.Message)" }
            $null = $process.WaitForExit(10000)
        }
        $detail = if ($stderr.Wait(2000)) { $stderr.Result.Trim() } else { '' }
        $what = if ($exited) { "exited with code $($process.ExitCode)" } elseif ($null -eq $line) { "did not print its endpoint within $TimeoutSeconds s" } else { "printed '$line' instead of its endpoint" }
        $process.Dispose()
        throw "The fault proxy ($assembly) $what. $detail".Trim()
    }
    return [pscustomobject]@{
        PSTypeName = 'IntegrationTools.Tests.FaultProxy'
        Endpoint   = $line
        Upstream   = $Upstream
        Process    = $process
        ExitCode   = $null
        StoppedBy  = $null
        StdErr     = $stderr
    }
}

function Stop-FaultProxy {
    <#
    .SYNOPSIS
        Stops a proxy Start-FaultProxy started: closes its standard input and waits for it to exit (it is killed,
        by its process id, if it has not within -TimeoutSeconds). Sets ExitCode and StoppedBy ('input closed' or
        'killed') on the proxy object.
    .DESCRIPTION
        $null is accepted and ignored, so AfterAll can call it even when BeforeAll failed before the proxy started.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Position = 0, ValueFromPipeline)]
        [AllowNull()]
        [object] $Proxy,

        [ValidateRange(1, 60)] [int] $TimeoutSeconds = 10
    )
    process {
        if ($null -eq $Proxy -or $null -eq $Proxy.Process -or $null -ne $Proxy.StoppedBy) { return }
        $process = $Proxy.Process
        try {
            try { $process.StandardInput.Close() } catch { Write-Verbose "Closing the fault proxy's input: $($_.Exception.Message)" }
            if ($process.WaitForExit($TimeoutSeconds * 1000)) {
                $process.WaitForExit()
                $Proxy.StoppedBy = 'input closed'
            }
            else {
                $process.Kill($true)
                $null = $process.WaitForExit(10000)
                $Proxy.StoppedBy = 'killed'
            }
            $Proxy.ExitCode = $process.ExitCode
        }
        catch {
            Write-Verbose "Stopping the fault proxy (process $($process.Id)): $($_.Exception.Message)"
            $Proxy.StoppedBy = 'gone'
        }
        finally {
            $process.Dispose()
        }
    }
}

function Invoke-FaultProxyAdmin {
    # One request to the proxy's admin endpoints (/__faultproxy/...); returns the parsed JSON answer, or throws with
    # the proxy's message.
    param(
        [Parameter(Mandatory)] [object] $Proxy,
        [Parameter(Mandatory)] [ValidateSet('GET', 'POST')] [string] $Method,
        [Parameter(Mandatory)] [string] $Name,
        [object] $Body
    )
    if ($null -eq $Proxy.PSObject.Properties['Endpoint'] -or -not $Proxy.Endpoint) {
        throw 'Pass the object Start-FaultProxy returned.'
    }
    $ProgressPreference = 'SilentlyContinue'
    $request = @{
        Uri             = "$($Proxy.Endpoint)/__faultproxy/$Name"
        Method          = $Method
        UseBasicParsing = $true
        TimeoutSec      = 30
        ErrorAction     = 'Stop'
    } + $script:WebParameters
    if ($PSBoundParameters.ContainsKey('Body')) {
        $request['Body'] = [System.Text.Encoding]::UTF8.GetBytes((ConvertTo-Json -InputObject $Body -Compress))
        $request['ContentType'] = 'application/json'
    }
    try {
        $response = Invoke-WebRequest @request
    }
    catch {
        $detail = $_.Exception.Message
        if ($_.ErrorDetails -and $_.ErrorDetails.Message) {
            $detail = $_.ErrorDetails.Message
            try { $detail = (ConvertFrom-Json -InputObject $detail).message } catch { Write-Verbose "Not JSON: $detail" }
        }
        throw "The fault proxy refused $Method /__faultproxy/${Name}: $detail"
    }
    $content = $response.Content
    if ($content -is [byte[]]) { $content = [System.Text.Encoding]::UTF8.GetString($content) }
    if ([string]::IsNullOrWhiteSpace($content)) { return $null }
    return , (ConvertFrom-Json -InputObject $content)
}

function Get-FaultProxyCount {
    <#
    .SYNOPSIS
        How many requests met each fate since the start or the last Reset-FaultProxy, as a hashtable with every
        fate (0 when none did): forwarded, rejected, throttled, 500, 503, dropped-before, dropped-after, slow, and
        passed (signed for another service than apigateway, such as STS: no quota, no faults).
    .EXAMPLE
        $counts = Get-FaultProxyCount $proxy
        $counts.throttled + $counts['500'] + $counts['503'] | Should -BeGreaterThan 0
    #>
    [CmdletBinding()]
    [OutputType([hashtable])]
    param([Parameter(Mandatory, Position = 0, ValueFromPipeline)] [object] $Proxy)
    process {
        $answer = Invoke-FaultProxyAdmin -Proxy $Proxy -Method GET -Name counts
        $counts = @{}
        foreach ($property in $answer.PSObject.Properties) { $counts[$property.Name] = [int] $property.Value }
        return $counts
    }
}

function Get-FaultProxyBucket {
    <#
    .SYNOPSIS
        The proxy's quotas, one per region and access key id (the key shown only as a hash): a hashtable from
        'REGION key#HASH' to an object with requests (apigateway requests it saw) and throttled (how many it refused),
        since the start or the last Reset-FaultProxy.
    #>
    [CmdletBinding()]
    [OutputType([hashtable])]
    param([Parameter(Mandatory, Position = 0, ValueFromPipeline)] [object] $Proxy)
    process {
        $answer = Invoke-FaultProxyAdmin -Proxy $Proxy -Method GET -Name buckets
        $buckets = @{}
        foreach ($property in $answer.PSObject.Properties) {
            $buckets[$property.Name] = [pscustomobject]@{ Requests = [int] $property.Value.requests; Throttled = [int] $property.Value.throttled }
        }
        return $buckets
    }
}

function Get-FaultProxyLog {
    <#
    .SYNOPSIS
        The proxy's log, one string per request, oldest first: method, path and query, the request's headers with
        the secrets (Authorization, X-Amz-Security-Token, presigned query values) shown as ***, and what happened.
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param([Parameter(Mandatory, Position = 0, ValueFromPipeline)] [object] $Proxy)
    process {
        $answer = Invoke-FaultProxyAdmin -Proxy $Proxy -Method GET -Name log
        foreach ($line in @($answer)) { if ($null -ne $line) { [string] $line } }
    }
}

function Get-FaultProxyOption {
    <#
    .SYNOPSIS
        The options in force: ratePerSecond, burst, throttle, the rates, slowDelayMs, rejectCredentials, seed.
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory, Position = 0, ValueFromPipeline)] [object] $Proxy)
    process {
        return Invoke-FaultProxyAdmin -Proxy $Proxy -Method GET -Name options
    }
}

function Set-FaultProxyOption {
    <#
    .SYNOPSIS
        Changes what a running proxy does; the options not given keep their value. -NoThrottle:$false turns the
        token bucket back on, -RejectCredentials:$false stops refusing keys; a new -Seed starts the die again.
    .DESCRIPTION
        The proxy checks the options as it does its command line (each rate from 0 to 1, together at most 1) and
        refuses them, keeping the old ones, with a message this function throws. -PassThru returns the options now
        in force.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory, Position = 0)] [object] $Proxy,
        [ValidateRange(0.001, 100000)] [double] $RatePerSecond,
        [ValidateRange(1, 100000)] [double] $Burst,
        [switch] $NoThrottle,
        [ValidateRange(0.0, 1.0)] [double] $TooManyRequestsRate,
        [ValidateRange(0.0, 1.0)] [double] $InternalErrorRate,
        [ValidateRange(0.0, 1.0)] [double] $ServiceUnavailableRate,
        [ValidateRange(0.0, 1.0)] [double] $DropBeforeForwardRate,
        [ValidateRange(0.0, 1.0)] [double] $DropAfterForwardRate,
        [ValidateRange(0.0, 1.0)] [double] $SlowRate,
        [ValidateRange(0, 600000)] [int] $SlowDelayMilliseconds,
        [ValidateRange(0, 60000)] [int] $LatencyMilliseconds,
        [ValidateRange(0, 60000)] [int] $LatencyJitterMilliseconds,
        [switch] $RejectCredentials,
        [int] $Seed,
        [switch] $PassThru
    )
    $changes = [ordered]@{}
    foreach ($name in $script:OptionMap.Keys) {
        if ($PSBoundParameters.ContainsKey($name)) { $changes[$script:OptionMap[$name].Json] = $PSBoundParameters[$name] }
    }
    if ($PSBoundParameters.ContainsKey('NoThrottle')) { $changes['throttle'] = -not $NoThrottle.IsPresent }
    if ($PSBoundParameters.ContainsKey('RejectCredentials')) { $changes['rejectCredentials'] = $RejectCredentials.IsPresent }
    $options = Invoke-FaultProxyAdmin -Proxy $Proxy -Method POST -Name options -Body $changes
    if ($PassThru) { return $options }
}

function Reset-FaultProxy {
    <#
    .SYNOPSIS
        Forgets the proxy's counts, its log and the per-quota request counts (the options, the buckets' tokens and the die carry on).
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory, Position = 0, ValueFromPipeline)] [object] $Proxy)
    process {
        $null = Invoke-FaultProxyAdmin -Proxy $Proxy -Method POST -Name reset
    }
}

Export-ModuleMember -Function @(
    'Get-FaultProxyAssemblyPath'
    'Get-FaultProxyBucket'
    'Get-FaultProxyCount'
    'Get-FaultProxyLog'
    'Get-FaultProxyOption'
    'Reset-FaultProxy'
    'Set-FaultProxyOption'
    'Start-FaultProxy'
    'Stop-FaultProxy'
)
