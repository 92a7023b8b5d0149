#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.5.0' }

# The cmdlets through the throttle-and-fault proxy (tests/FaultProxy, started as a process by FaultProxy.psm1) in front
# of moto: throttling at the management quota, 429/5xx answers, dropped connections and slow answers are retried until
# every input has its answer; when the service keeps failing, the error says how often it tried and why. The proxy's
# log redacts the secrets it sees. Last, the proxy process itself: how it starts, changes its options and stops.

BeforeAll {
    Import-Module -Name (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module -Name (Join-Path $PSScriptRoot 'FaultProxy.psm1') -Force
    $moto = Start-TestSuite
    $Endpoint = $moto.Endpoint
}

AfterAll {
    Stop-TestSuite $moto
}

Describe 'Reads through throttling and faults' -Tag 'Slow' {
    BeforeAll {
        # Four HTTP APIs, each with one HTTP proxy integration to https://r<i>.example.com.
        $expectedUri = @{}
        $apis = foreach ($i in 0..3) {
            $api = New-MotoApi -Name "resilience-$i" -Endpoint $Endpoint
            $null = New-MotoApiIntegration -ApiId $api -Endpoint $Endpoint -Body @{
                integrationType = 'HTTP_PROXY'; integrationMethod = 'ANY'; integrationUri = "https://r$i.example.com"; payloadFormatVersion = '1.0'
            }
            $expectedUri[$api] = "https://r$i.example.com"
            $api
        }
        $proxy = Start-FaultProxy -Upstream $Endpoint -RatePerSecond 10 -Burst 10 -TooManyRequestsRate 0.10 -InternalErrorRate 0.05 `
            -ServiceUnavailableRate 0.05 -DropBeforeForwardRate 0.02 -DropAfterForwardRate 0.02 -SlowRate 0.05 -SlowDelayMilliseconds 200
        $proxyEndpoint = $proxy.Endpoint

        # 60 reads (each a GetApi and a GetIntegrations call) in one pipeline.
        $ids = foreach ($i in 0..59) { $apis[$i % $apis.Count] }
        $run = Invoke-Captured { $ids | ForEach-Object { Get-ApiIntegration -ApiId $_ -EndpointUrl $proxyEndpoint -Verbose } }
        $counts = Get-FaultProxyCount $proxy
    }

    AfterAll {
        Stop-FaultProxy $proxy
    }

    It 'answers all 60 reads, with no error' {
        $run.Errors | Should -HaveCount 0
        $run.Output | Should -HaveCount 60
    }

    It "answers each read, in order, with its own API's integration" {
        for ($i = 0; $i -lt 60; $i++) {
            $run.Output[$i].ApiId | Should -BeExactly $ids[$i]
            $run.Output[$i].IntegrationUri | Should -BeExactly $expectedUri[$ids[$i]]
        }
    }

    It 'met real faults at the proxy' {
        $counts.throttled + $counts['500'] + $counts['503'] | Should -BeGreaterThan 0 -Because 'the proxy should have injected 429s and 5xx answers'
    }

    It 'retried them, and said so in Verbose' {
        $run.Verbose | Where-Object { $_.StartsWith('Retrying ') } | Should -Not -BeNullOrEmpty
    }
}

Describe 'The proxy log' {
    BeforeAll {
        $accessKey = 'AKIAPROXYTEST'
        $secretKey = 'pRoXy/SeCrEt+KeY/0123456789abcdefABCDEF'
        $token = 'PrOxY-ToKeN-0123456789'
        $api = New-MotoApi -Name 'resilience-secrets' -Endpoint $Endpoint
        $proxy = Start-FaultProxy -Upstream $Endpoint -InternalErrorRate 0.3
        $proxyEndpoint = $proxy.Endpoint
        $run = Invoke-Captured {
            1..5 | ForEach-Object { Get-ApiIntegration -ApiId $api -EndpointUrl $proxyEndpoint -AccessKey $accessKey -SecretKey $secretKey -SessionToken $token }
        }
        $log = @(Get-FaultProxyLog $proxy)
        $logText = $log -join "`n"
    }

    AfterAll {
        Stop-FaultProxy $proxy
    }

    It 'has a line for every request, the failed ones (500) and the forwarded ones (200)' {
        $run.Errors | Should -HaveCount 0
        $log.Count | Should -BeGreaterOrEqual 10 -Because 'each of the 5 reads sends GetApi and GetIntegrations'
        $log | Where-Object { $_.EndsWith('-> 500') } | Should -Not -BeNullOrEmpty
        $log | Where-Object { $_.EndsWith('-> 200') } | Should -Not -BeNullOrEmpty
    }

    It 'shows the <Header> header as ***' -ForEach @(
        @{ Header = 'Authorization' }
        @{ Header = 'X-Amz-Security-Token' }
    ) {
        $logText.Contains("${Header}: ***") | Should -BeTrue -Because "the log should show the $Header header, redacted"
    }

    It 'never shows <What>' -ForEach @(
        @{ What = 'the secret key'; Text = 'pRoXy/SeCrEt+KeY/0123456789abcdefABCDEF' }
        @{ What = 'the session token'; Text = 'PrOxY-ToKeN-0123456789' }
        @{ What = 'the access key'; Text = 'AKIAPROXYTEST' }
        @{ What = 'a request signature'; Text = 'Signature=' }
    ) {
        $logText.Contains($Text) | Should -BeFalse -Because "the proxy log must not show $What"
    }
}

Describe 'When the service keeps failing' -Tag 'Slow' {
    # Every answer is the same fault: the client tries 5 times (the retry policy's limit), then writes one error that
    # says how often it tried and why.
    Context 'every answer is <Fate>' -ForEach @(
        @{ Fault = 'ServiceUnavailableRate'; Fate = '503'; Reason = 'ServiceUnavailableException (HTTP 503)'; Kind = 'ServiceError'; Category = 'InvalidResult' }
        @{ Fault = 'InternalErrorRate'; Fate = '500'; Reason = 'InternalServerErrorException (HTTP 500)'; Kind = 'ServiceError'; Category = 'InvalidResult' }
        @{ Fault = 'TooManyRequestsRate'; Fate = 'throttled'; Reason = 'TooManyRequestsException (HTTP 429)'; Kind = 'Throttled'; Category = 'LimitsExceeded' }
        @{ Fault = 'DropBeforeForwardRate'; Fate = 'dropped-before'; Reason = 'a connection failure'; Kind = 'ConnectionFailed'; Category = 'ConnectionError' }
    ) {
        BeforeAll {
            $faults = @{ NoThrottle = $true; $Fault = 1.0 }
            $proxy = Start-FaultProxy -Upstream $Endpoint @faults
            $proxyEndpoint = $proxy.Endpoint
            $run = Invoke-Captured { Get-ApiIntegration -ApiId abc -EndpointUrl $proxyEndpoint }
            $counts = Get-FaultProxyCount $proxy
        }

        AfterAll {
            Stop-FaultProxy $proxy
        }

        It 'writes one error, GetApiIntegration<Kind>, category <Category>' {
            $run.Output | Should -HaveCount 0
            $run.Errors | Should -HaveCount 1
            $run.Errors[0].FullyQualifiedErrorId | Should -BeExactly "GetApiIntegration$Kind,IntegrationTools.Commands.GetApiIntegrationCommand"
            $run.Errors[0].CategoryInfo.Category | Should -Be $Category
        }

        It 'says it gave up after 5 attempts, and why' {
            $run.Errors[0].Exception.Message | Should -BeLikeExactly "*Gave up after 5 attempts: $Reason ×5."
        }

        It 'made exactly 5 API Gateway requests, all of them <Fate>' {
            # Besides them, at most the one STS GetCallerIdentity of the pacing (passed untouched by the proxy).
            $counts[$Fate] | Should -Be 5
            ($counts.Keys | Where-Object { $_ -ne 'passed' } | ForEach-Object { $counts[$_] } | Measure-Object -Sum).Sum | Should -Be 5
            $counts.passed | Should -BeLessOrEqual 1
        }
    }
}

Describe 'One pacer per account and region for the whole process' -Tag 'Slow' {
    # Two runspaces (ForEach-Object -Parallel) with the same credentials and region, each reading as fast as its pacer
    # lets it, through the proxy enforcing a quota of 5 requests/s with a burst of 5 and the module pacing a little
    # under it (4.5/s, burst 4: a pace exactly at the quota meets a stray 429 from the timing of the loopback):
    # together they stay within it, because both use the one pacer of the process.
    BeforeAll {
        $api = New-MotoApi -Name 'resilience-shared-pacer' -Endpoint $Endpoint
        $null = New-MotoApiIntegration -ApiId $api -Endpoint $Endpoint -Body @{
            integrationType = 'HTTP_PROXY'; integrationMethod = 'ANY'; integrationUri = 'https://shared.example.com'; payloadFormatVersion = '1.0'
        }
        $proxy = Start-FaultProxy -Upstream $Endpoint -RatePerSecond 5 -Burst 5
        $proxyEndpoint = $proxy.Endpoint
        $modulePath = (Get-Module IntegrationTools).Path
        $savedPace = $env:INTEGRATIONTOOLS_REQUESTS_PER_SECOND, $env:INTEGRATIONTOOLS_REQUEST_BURST
        $env:INTEGRATIONTOOLS_REQUESTS_PER_SECOND = '4.5'
        $env:INTEGRATIONTOOLS_REQUEST_BURST = '4'
        $clock = [System.Diagnostics.Stopwatch]::StartNew()
        # 2 runspaces x 7 reads x 3 requests (GetApi, GetIntegrations, GetRoutes for the route keys) = 42 requests: 4 at
        # once, then 38 at 4.5/s.
        $results = @(1, 2 | ForEach-Object -ThrottleLimit 2 -Parallel {
                Import-Module -Name $using:modulePath
                $errors = @()
                $outputs = 1..7 | ForEach-Object { Get-ApiIntegration -ApiId $using:api -EndpointUrl $using:proxyEndpoint -ErrorVariable +errors -Verbose 4>$null }
                [pscustomobject]@{ Runspace = $_; Outputs = @($outputs).Count; Errors = @($errors).Count }
            })
        $clock.Stop()
        $env:INTEGRATIONTOOLS_REQUESTS_PER_SECOND, $env:INTEGRATIONTOOLS_REQUEST_BURST = $savedPace
        $counts = Get-FaultProxyCount $proxy
    }

    AfterAll {
        $env:INTEGRATIONTOOLS_REQUESTS_PER_SECOND, $env:INTEGRATIONTOOLS_REQUEST_BURST = $savedPace
        Stop-FaultProxy $proxy
    }

    It 'answers every read of both runspaces without an error' {
        $results | Should -HaveCount 2
        foreach ($result in $results) {
            $result.Errors | Should -Be 0
            $result.Outputs | Should -Be 7
        }
    }

    It 'was never throttled: the two runspaces together kept within the quota' {
        $counts.forwarded | Should -Be 42
        $counts.throttled | Should -Be 0 -Because 'one pacer per account and region paces both runspaces; two pacers would send 9 requests a second'
    }

    It 'took the time the pace needs for all 42 requests, not for 21' {
        # (42 - 4) / 4.5 = 8.4 s for one shared pacer; two pacers of their own would have finished in (21 - 4) / 4.5 = 3.8 s.
        $clock.Elapsed.TotalSeconds | Should -BeGreaterThan 7.4
    }
}

Describe 'The fault proxy process' {
    It 'prints its endpoint when ready and stops with exit code 0 when its standard input closes' {
        $proxy = Start-FaultProxy -Upstream $Endpoint
        try {
            $proxy.Endpoint | Should -Match '^http://127\.0\.0\.1:\d+$'
            $proxy.Process.HasExited | Should -BeFalse
        }
        finally {
            Stop-FaultProxy $proxy
        }
        $proxy.StoppedBy | Should -Be 'input closed'
        $proxy.ExitCode | Should -Be 0
    }

    It 'stops with exit code 0 on SIGTERM' -Skip:($IsWindows -or -not (Get-Command -Name kill -CommandType Application -ErrorAction Ignore)) {
        $proxy = Start-FaultProxy -Upstream $Endpoint
        try {
            $kill = (Get-Command -Name kill -CommandType Application | Select-Object -First 1).Path
            & $kill -TERM $proxy.Process.Id
            $proxy.Process.WaitForExit(10000) | Should -BeTrue -Because 'the proxy should stop on SIGTERM'
            $proxy.Process.ExitCode | Should -Be 0
        }
        finally {
            Stop-FaultProxy $proxy
        }
    }

    It 'refuses <Case> with exit code 2 and says why' -ForEach @(
        @{ Case = 'an upstream that is not http'; Arguments = @{ Upstream = 'ftp://127.0.0.1:1' }; Message = '*absolute http:// or https:// URL*' }
        @{ Case = 'rates adding up to more than 1'; Arguments = @{ Upstream = 'http://127.0.0.1:1'; InternalErrorRate = 0.6; SlowRate = 0.6 }; Message = '*add up to 1.2*' }
    ) {
        $arguments = $Arguments
        { Start-FaultProxy @arguments } | Should -Throw -ExpectedMessage "*exited with code 2*$Message"
    }

    Context 'latency and quotas' {
        BeforeAll {
            # Requests as the module signs them, reduced to what the proxy reads: the SigV4 credential scope
            # (key/date/region/service/aws4_request) of the Authorization header. moto does not check signatures.
            $http = [System.Net.Http.HttpClient]::new()
            function Send-ScopedRequest([object] $Proxy, [string] $Region, [string] $AccessKey = 'AKIASCOPEDTEST', [string] $Service = 'apigateway') {
                $request = [System.Net.Http.HttpRequestMessage]::new([System.Net.Http.HttpMethod]::Get, "$($Proxy.Endpoint)/v2/apis/missing")
                $null = $request.Headers.TryAddWithoutValidation('Authorization', "AWS4-HMAC-SHA256 Credential=$AccessKey/20250101/$Region/$Service/aws4_request, SignedHeaders=host, Signature=0")
                return $http.SendAsync($request)
            }
            function Get-Status([object] $Proxy, [string] $Region, [string] $AccessKey = 'AKIASCOPEDTEST', [string] $Service = 'apigateway') {
                $response = (Send-ScopedRequest -Proxy $Proxy -Region $Region -AccessKey $AccessKey -Service $Service).GetAwaiter().GetResult()
                try { [int] $response.StatusCode } finally { $response.Dispose() }
            }
        }

        AfterAll {
            $http.Dispose()
        }

        It 'adds the latency to every request, each on its own: 8 requests at once with 200 ms take well under 8 x 200 ms' {
            $proxy = Start-FaultProxy -Upstream $Endpoint -NoThrottle -LatencyMilliseconds 200
            try {
                $null = Get-Status -Proxy $proxy -Region us-east-1 # a first request opens the connection
                $one = [System.Diagnostics.Stopwatch]::StartNew()
                $null = Get-Status -Proxy $proxy -Region us-east-1
                $one.Stop()
                $clock = [System.Diagnostics.Stopwatch]::StartNew()
                $tasks = @(1..8 | ForEach-Object { Send-ScopedRequest -Proxy $proxy -Region us-east-1 })
                [System.Threading.Tasks.Task]::WaitAll([System.Threading.Tasks.Task[]] $tasks)
                $clock.Stop()
                foreach ($task in $tasks) { $task.Result.Dispose() }
                $one.ElapsedMilliseconds | Should -BeGreaterOrEqual 200 -Because 'one request waits the latency'
                $clock.ElapsedMilliseconds | Should -BeGreaterOrEqual 200
                $clock.ElapsedMilliseconds | Should -BeLessThan 800 -Because '8 requests in flight wait their 200 ms together, not one after another (1600 ms)'
                (Get-FaultProxyCount $proxy).forwarded | Should -Be 10
                (Get-FaultProxyOption $proxy).latencyMs | Should -Be 200
            }
            finally {
                Stop-FaultProxy $proxy
            }
        }

        It 'adds up to -LatencyJitterMilliseconds more, at random' {
            $proxy = Start-FaultProxy -Upstream $Endpoint -NoThrottle -LatencyMilliseconds 50 -LatencyJitterMilliseconds 300
            try {
                $times = foreach ($i in 1..6) {
                    $clock = [System.Diagnostics.Stopwatch]::StartNew()
                    $null = Get-Status -Proxy $proxy -Region us-east-1
                    $clock.ElapsedMilliseconds
                }
                ($times | Measure-Object -Minimum).Minimum | Should -BeGreaterOrEqual 50
                ($times | Measure-Object -Maximum).Maximum - ($times | Measure-Object -Minimum).Minimum | Should -BeGreaterThan 20 -Because 'six draws of 0..300 ms should not all be the same'
            }
            finally {
                Stop-FaultProxy $proxy
            }
        }

        It 'keeps one quota per region and access key: each has its own burst' {
            # A burst of 3 and a rate so low that nothing refills during the test.
            $proxy = Start-FaultProxy -Upstream $Endpoint -RatePerSecond 0.001 -Burst 3
            try {
                $east = 1..4 | ForEach-Object { Get-Status -Proxy $proxy -Region us-east-1 }
                $west = 1..4 | ForEach-Object { Get-Status -Proxy $proxy -Region eu-west-1 }
                $otherKey = 1..3 | ForEach-Object { Get-Status -Proxy $proxy -Region us-east-1 -AccessKey 'AKIAOTHERACCOUNT' }
                @($east | Where-Object { $_ -eq 429 }) | Should -HaveCount 1 -Because 'us-east-1 has a burst of 3'
                @($west | Where-Object { $_ -eq 429 }) | Should -HaveCount 1 -Because 'eu-west-1 has its own burst of 3, untouched by us-east-1'
                @($otherKey | Where-Object { $_ -eq 429 }) | Should -HaveCount 0 -Because 'another access key stands for another account'
                $east[3] | Should -Be 429
                $west[3] | Should -Be 429
                $buckets = Get-FaultProxyBucket $proxy
                $buckets.Keys | Should -HaveCount 3
                ($buckets.Keys | Where-Object { $_ -like 'us-east-1 key#*' }) | Should -HaveCount 2
                ($buckets.Keys | Where-Object { $_ -like 'eu-west-1 key#*' }) | Should -HaveCount 1
                ($buckets.Keys -join ' ') | Should -Not -BeLike '*AKIA*' -Because 'the access key is shown as a hash only'
                ($buckets.Values | Measure-Object -Property Throttled -Sum).Sum | Should -Be 2
                (Get-FaultProxyCount $proxy).throttled | Should -Be 2
            }
            finally {
                Stop-FaultProxy $proxy
            }
        }

        It 'lets requests signed for another service (STS) pass, without quota or faults' {
            $proxy = Start-FaultProxy -Upstream $Endpoint -RatePerSecond 0.001 -Burst 1 -InternalErrorRate 1.0
            try {
                Get-Status -Proxy $proxy -Region us-east-1 | Should -Be 500
                Get-Status -Proxy $proxy -Region us-east-1 | Should -Be 429
                Get-Status -Proxy $proxy -Region us-east-1 -Service sts | Should -Not -BeIn 429, 500
                $counts = Get-FaultProxyCount $proxy
                $counts.passed | Should -Be 1
                $counts['500'] | Should -Be 1
                $counts.throttled | Should -Be 1
                Get-FaultProxyLog $proxy | Where-Object { $_ -like '*(passed: sts)' } | Should -HaveCount 1
            }
            finally {
                Stop-FaultProxy $proxy
            }
        }
    }

    Context 'options changed while it runs' {
        BeforeAll {
            $proxy = Start-FaultProxy -Upstream $Endpoint -NoThrottle
            $api = New-MotoApi -Name 'resilience-options' -Endpoint $Endpoint
        }

        AfterAll {
            Stop-FaultProxy $proxy
        }

        It 'take effect at once: -RejectCredentials makes the next request AccessDenied, and turning it off forwards again' {
            Set-FaultProxyOption $proxy -RejectCredentials
            $refused = Invoke-Captured { Get-ApiIntegration -ApiId $api -EndpointUrl $proxy.Endpoint }
            $refused.Errors | Should -HaveCount 1
            $refused.Errors[0].FullyQualifiedErrorId | Should -BeExactly 'GetApiIntegrationAccessDenied,IntegrationTools.Commands.GetApiIntegrationCommand'
            $refused.Errors[0].CategoryInfo.Category | Should -Be 'PermissionDenied'

            Reset-FaultProxy $proxy
            Set-FaultProxyOption $proxy -RejectCredentials:$false
            $accepted = Invoke-Captured { Get-ApiIntegration -ApiId $api -EndpointUrl $proxy.Endpoint }
            $accepted.Errors | Should -HaveCount 0
            $counts = Get-FaultProxyCount $proxy
            $counts.rejected | Should -Be 0
            $counts.forwarded | Should -BeGreaterThan 0
        }

        It 'are refused as a whole when they cannot be used, and the old ones stay' {
            { Set-FaultProxyOption $proxy -InternalErrorRate 0.7 -ServiceUnavailableRate 0.7 } | Should -Throw -ExpectedMessage '*add up to 1.4*'
            $options = Get-FaultProxyOption $proxy
            $options.internalErrorRate | Should -Be 0
            $options.serviceUnavailableRate | Should -Be 0
            $options.throttle | Should -BeFalse
        }
    }
}
