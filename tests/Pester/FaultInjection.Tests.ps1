#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.5.0' }

# The fault-injection proof: bulk applies through the throttle-and-fault proxy (tests/FaultProxy, started as a process
# by FaultProxy.psm1) in front of moto, with 10 % 5xx, 10 % 429 (on top of the 10/s, burst 40 quota) and 2 % connections
# dropped after the change was applied. Every definition converges: no duplicates, nothing lost, and the output
# accounts for every input. A second apply of the same definitions reads, compares and changes nothing.
# The counts (100 creates; 20 REST methods, applied twice) keep the file near a minute: each 429 makes the client wait
# the proxy's Retry-After of 1 s. The writes run with the default -ThrottleLimit (8 in flight), so the no-duplicate
# recovery is proven with other creates in flight. The proxy's fixed seed makes the kinds of faults the same on every
# run, so each kind the assertions ask for does occur.

BeforeAll {
    Import-Module -Name (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module -Name (Join-Path $PSScriptRoot 'FaultProxy.psm1') -Force
    $moto = Start-TestSuite
    $Endpoint = $moto.Endpoint

    # The faults of the proof; the seed makes them the same on every run.
    $Faults = @{
        Seed                   = 12345
        RatePerSecond          = 10
        Burst                  = 40
        TooManyRequestsRate    = 0.10
        InternalErrorRate      = 0.05
        ServiceUnavailableRate = 0.05
        DropAfterForwardRate   = 0.02
    }

    function Format-FaultProxyCount([hashtable] $Counts) {
        ($Counts.Keys | Sort-Object | Where-Object { $Counts[$_] -gt 0 } | ForEach-Object { "$_ $($Counts[$_])" }) -join ', '
    }
}

AfterAll {
    Stop-TestSuite $moto
}

Describe 'New-ApiIntegration: <Count> definitions through faults' -Tag 'Slow' -ForEach @(@{ Count = 100 }) {
    BeforeAll {
        $api = New-MotoApi -Name 'fault-proof-new' -Endpoint $Endpoint
        $proxy = Start-FaultProxy -Upstream $Endpoint @Faults
        $proxyEndpoint = $proxy.Endpoint

        $clock = [System.Diagnostics.Stopwatch]::StartNew()
        $run = Invoke-Captured {
            1..$Count | ForEach-Object {
                @{ IntegrationType = 'HTTP_PROXY'; IntegrationMethod = 'ANY'; IntegrationUri = "https://svc$_.example.com"; PayloadFormatVersion = '1.0' }
            } | New-ApiIntegration -ApiId $api -EndpointUrl $proxyEndpoint -Verbose
        }
        $clock.Stop()
        $faultCounts = Get-FaultProxyCount $proxy
        $recovered = @($run.Verbose | Where-Object { $_.Contains('recovered it instead of creating it again') }).Count
        $resent = @($run.Verbose | Where-Object { $_.Contains('created nothing: sending it again') }).Count
        $stored = @(Get-MotoApiIntegrationList -ApiId $api -Endpoint $Endpoint | ForEach-Object { [string] $_.integrationUri })
        Write-Host ("    {0} creates in {1:0.0} s; proxy: {2}; {3} creates recovered after the answer was lost, {4} sent again after an ambiguous failure that created nothing" -f
            $Count, $clock.Elapsed.TotalSeconds, (Format-FaultProxyCount $faultCounts), $recovered, $resent)
    }

    AfterAll {
        Stop-FaultProxy $proxy
    }

    It 'answers every definition with one Created integration, and writes no error' {
        $run.Terminating | Should -BeNullOrEmpty
        $run.Errors | Should -HaveCount 0
        $run.Output | Should -HaveCount $Count
        $run.Output | Where-Object { [string] $_.Outcome -ne 'Created' } | Should -BeNullOrEmpty
    }

    It 'answers with <Count> distinct integrations, exactly the <Count> URIs given' {
        @($run.Output | ForEach-Object { $_.IntegrationId } | Sort-Object -Unique) | Should -HaveCount $Count
        $expected = 1..$Count | ForEach-Object { "https://svc$_.example.com" } | Sort-Object -CaseSensitive
        @($run.Output | ForEach-Object { [string] $_.IntegrationUri } | Sort-Object -CaseSensitive) | Should -BeExactly $expected
    }

    It 'leaves exactly one integration per definition on the API: 0 duplicates, 0 lost' {
        $duplicates = @($stored | Group-Object | Where-Object { $_.Count -gt 1 } | ForEach-Object { $_.Name })
        $duplicates | Should -BeNullOrEmpty
        $stored | Should -HaveCount $Count
        $expected = 1..$Count | ForEach-Object { "https://svc$_.example.com" } | Sort-Object -CaseSensitive
        @($stored | Sort-Object -CaseSensitive) | Should -BeExactly $expected
    }

    It 'met <What> at the proxy' -ForEach @(
        @{ What = '429s'; Fates = @('throttled') }
        @{ What = '5xx answers'; Fates = @('500', '503') }
        @{ What = 'connections dropped after the create was forwarded'; Fates = @('dropped-after') }
    ) {
        ($Fates | ForEach-Object { $faultCounts[$_] } | Measure-Object -Sum).Sum | Should -BeGreaterThan 0 -Because "the proxy should have injected $What"
    }

    It 'recovered creates whose answer was lost instead of creating them again' {
        $recovered | Should -BeGreaterThan 0
    }
}

Describe 'Set-RestIntegration: <Count> definitions through faults, applied twice' -Tag 'Slow' -ForEach @(@{ Count = 20 }) {
    BeforeAll {
        $restApi = New-MotoRestApi -Name 'fault-proof-rest' -Endpoint $Endpoint
        $restApiId = $restApi.RestApiId
        $resources = foreach ($i in 1..$Count) {
            $resource = New-MotoResource -RestApiId $restApiId -ParentId $restApi.RootId -PathPart "r$i" -Endpoint $Endpoint
            Set-MotoMethod -RestApiId $restApiId -ResourceId $resource -HttpMethod GET -Endpoint $Endpoint
            $resource
        }
        $proxy = Start-FaultProxy -Upstream $Endpoint @Faults
        $proxyEndpoint = $proxy.Endpoint
        $apply = {
            $i = 0
            $resources | ForEach-Object {
                $i++
                @{ RestApiId = $restApiId; ResourceId = $_; HttpMethod = 'GET'; Type = 'HTTP_PROXY'; IntegrationHttpMethod = 'GET'; Uri = "https://r$i.example.com/{proxy}" }
            } | Set-RestIntegration -EndpointUrl $proxyEndpoint
        }

        $clock = [System.Diagnostics.Stopwatch]::StartNew()
        $first = Invoke-Captured $apply
        $firstCounts = Get-FaultProxyCount $proxy
        Write-Host ("    first apply of {0}: {1:0.0} s; proxy: {2}" -f $Count, $clock.Elapsed.TotalSeconds, (Format-FaultProxyCount $firstCounts))
        Reset-FaultProxy $proxy
        $clock.Restart()
        $second = Invoke-Captured $apply
        $secondCounts = Get-FaultProxyCount $proxy
        $secondLog = @(Get-FaultProxyLog $proxy)
        Write-Host ("    second apply of {0}: {1:0.0} s; proxy: {2}" -f $Count, $clock.Elapsed.TotalSeconds, (Format-FaultProxyCount $secondCounts))
    }

    AfterAll {
        Stop-FaultProxy $proxy
    }

    It 'the first apply creates all <Count>, with no error, through the faults' {
        $first.Errors | Should -HaveCount 0
        $first.Output | Should -HaveCount $Count
        $first.Output | Where-Object { [string] $_.Outcome -ne 'Created' } | Should -BeNullOrEmpty
        ($firstCounts.Keys | Where-Object { $_ -notin 'forwarded', 'passed' } | ForEach-Object { $firstCounts[$_] } | Measure-Object -Sum).Sum |
            Should -BeGreaterThan 0 -Because 'the proxy should have injected faults'
    }

    It 'the second apply finds all <Count> Unchanged, with no error' {
        $second.Errors | Should -HaveCount 0
        $second.Output | Should -HaveCount $Count
        $second.Output | Where-Object { [string] $_.Outcome -ne 'Unchanged' } | Should -BeNullOrEmpty
    }

    It 'the second apply reads and compares, and sends no PutIntegration (the proxy log has every request)' {
        $secondLog | Where-Object { $_.StartsWith('GET ') } | Should -Not -BeNullOrEmpty
        $secondLog | Where-Object { $_.StartsWith('PUT ') } | Should -BeNullOrEmpty
    }

    It 'leaves each method with its own URI' {
        for ($i = 1; $i -le $Count; $i++) {
            (Get-MotoRestIntegration -RestApiId $restApiId -ResourceId $resources[$i - 1] -HttpMethod GET -Endpoint $Endpoint).uri |
                Should -BeExactly "https://r$i.example.com/{proxy}"
        }
    }
}
