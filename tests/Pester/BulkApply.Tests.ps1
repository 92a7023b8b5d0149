#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.5.0' }

# Bulk apply through the fault proxy (tests/FaultProxy) in front of moto: the requests each definition costs (one listing
# per API, then only the writes), several writes in flight (-ThrottleLimit) with the output in input order, two items for
# one method never in flight together, and Ctrl+C naming the items that were not done. The proxy counts and logs every
# request it forwards; slow answers make the writes overlap and finish out of order.

BeforeAll {
    Import-Module -Name (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module -Name (Join-Path $PSScriptRoot 'FaultProxy.psm1') -Force
    $moto = Start-TestSuite
    $Endpoint = $moto.Endpoint

    # A REST API with $Count resources /rN, each with a GET method.
    function New-RestApiWithMethods([string] $Name, [int] $Count) {
        $api = New-MotoRestApi -Name $Name -Endpoint $Endpoint
        foreach ($i in 1..$Count) {
            $resource = New-MotoResource -RestApiId $api.RestApiId -ParentId $api.RootId -PathPart "r$i" -Endpoint $Endpoint
            Set-MotoMethod -RestApiId $api.RestApiId -ResourceId $resource -HttpMethod GET -Endpoint $Endpoint
        }
        return $api.RestApiId
    }

    function New-Definitions([string] $RestApiId, [int] $Count, [string] $Domain = 'example.com') {
        foreach ($i in 1..$Count) {
            @{ RestApiId = $RestApiId; ResourcePath = "/r$i"; HttpMethod = 'GET'; Type = 'HTTP_PROXY'; IntegrationHttpMethod = 'GET'; Uri = "https://r$i.$Domain/{proxy}" }
        }
    }
}

AfterAll {
    Stop-TestSuite $moto
}

Describe 'Set-RestIntegration: requests per definition' {
    BeforeAll {
        $restApiId = New-RestApiWithMethods -Name 'bulk-count' -Count 20
        $proxy = Start-FaultProxy -Upstream $Endpoint -NoThrottle
        $first = Invoke-Captured { New-Definitions $restApiId 20 | Set-RestIntegration -EndpointUrl $proxy.Endpoint }
        $firstCounts = Get-FaultProxyCount $proxy
        $firstLog = @(Get-FaultProxyLog $proxy)
        Reset-FaultProxy $proxy
        $second = Invoke-Captured { New-Definitions $restApiId 20 | Set-RestIntegration -EndpointUrl $proxy.Endpoint }
        $secondCounts = Get-FaultProxyCount $proxy
        $secondLog = @(Get-FaultProxyLog $proxy)
    }

    AfterAll {
        Stop-FaultProxy $proxy
    }

    It '20 new definitions cost one listing and one PutIntegration each (21 requests)' {
        $first.Errors | Should -HaveCount 0
        @($first.Output | Where-Object { [string] $_.Outcome -eq 'Created' }) | Should -HaveCount 20
        $firstCounts['forwarded'] | Should -Be 21
        @($firstLog | Where-Object { $_ -like 'GET /restapis/*/resources?*embed=methods*' }) | Should -HaveCount 1
        @($firstLog | Where-Object { $_ -like 'PUT /restapis/*/integration*' }) | Should -HaveCount 20
    }

    It 're-applying the same 20 costs the one listing and sends no write' {
        $second.Errors | Should -HaveCount 0
        @($second.Output | Where-Object { [string] $_.Outcome -eq 'Unchanged' }) | Should -HaveCount 20
        $secondCounts['forwarded'] | Should -Be 1
        $secondLog[0] | Should -BeLike 'GET /restapis/*/resources?*'
    }
}

Describe 'Set-ApiIntegration and New-ApiIntegration: requests per definition' {
    BeforeAll {
        $proxy = Start-FaultProxy -Upstream $Endpoint -NoThrottle
        $apiId = New-MotoApi -Name 'bulk-count-http' -Endpoint $Endpoint
        $definitions = { 1..20 | ForEach-Object { @{ IntegrationType = 'HTTP_PROXY'; IntegrationMethod = 'ANY'; IntegrationUri = "https://svc$_.example.com"; PayloadFormatVersion = '1.0' } } }
        $created = Invoke-Captured { & $definitions | New-ApiIntegration -ApiId $apiId -EndpointUrl $proxy.Endpoint }
        $createdCounts = Get-FaultProxyCount $proxy
        Reset-FaultProxy $proxy
        $again = Invoke-Captured { & $definitions | Set-ApiIntegration -ApiId $apiId -EndpointUrl $proxy.Endpoint }
        $againCounts = Get-FaultProxyCount $proxy
    }

    AfterAll {
        Stop-FaultProxy $proxy
    }

    It 'New-ApiIntegration reads the API, its integrations and its routes once, then sends one create per definition' {
        $created.Errors | Should -HaveCount 0
        $created.Output | Should -HaveCount 20
        $createdCounts['forwarded'] | Should -Be 23
    }

    It 'Set-ApiIntegration of the same 20 reads the API, its integrations and routes once and sends nothing else' {
        $again.Errors | Should -HaveCount 0
        @($again.Output | Where-Object { [string] $_.Outcome -eq 'Unchanged' }) | Should -HaveCount 20
        $againCounts['forwarded'] | Should -Be 3
    }
}

Describe 'Several writes in flight' {
    BeforeAll {
        $proxy = Start-FaultProxy -Upstream $Endpoint -NoThrottle -SlowRate 0.4 -SlowDelayMilliseconds 700 -Seed 7
    }

    AfterAll {
        Stop-FaultProxy $proxy
    }

    It 'Set-RestIntegration -ThrottleLimit 8 writes its output in input order while the writes finish out of order' {
        $restApiId = New-RestApiWithMethods -Name 'bulk-order' -Count 16
        Reset-FaultProxy $proxy
        $clock = [System.Diagnostics.Stopwatch]::StartNew()
        $run = Invoke-Captured { New-Definitions $restApiId 16 | Set-RestIntegration -ThrottleLimit 8 -EndpointUrl $proxy.Endpoint }
        $clock.Stop()
        $run.Errors | Should -HaveCount 0
        @($run.Output | ForEach-Object { $_.ResourcePath }) | Should -BeExactly @(1..16 | ForEach-Object { "/r$_" })
        # The proxy logs each request when it has answered it: the PUTs finished in another order than they were given.
        $resourceIds = @{}
        foreach ($item in $run.Output) { $resourceIds[$item.ResourceId] = $item.ResourcePath }
        $answered = @(Get-FaultProxyLog $proxy | Where-Object { $_ -like 'PUT *' } | ForEach-Object { $resourceIds[($_ -split '/')[4]] })
        $answered | Should -HaveCount 16
        $answered | Should -Not -BeExactly @(1..16 | ForEach-Object { "/r$_" })
        $slow = (Get-FaultProxyCount $proxy)['slow']
        $slow | Should -BeGreaterThan 2
        # One at a time, each slow answer would add 0.7 s.
        $clock.Elapsed.TotalSeconds | Should -BeLessThan ($slow * 0.7)
    }

    It 'New-ApiIntegration -ThrottleLimit 8 writes its output in input order' {
        $apiId = New-MotoApi -Name 'bulk-order-http' -Endpoint $Endpoint
        $run = Invoke-Captured {
            1..16 | ForEach-Object { @{ IntegrationType = 'HTTP_PROXY'; IntegrationMethod = 'ANY'; IntegrationUri = "https://order$_.example.com"; PayloadFormatVersion = '1.0' } } |
                New-ApiIntegration -ApiId $apiId -ThrottleLimit 8 -EndpointUrl $proxy.Endpoint
        }
        $run.Errors | Should -HaveCount 0
        @($run.Output | ForEach-Object { [string] $_.IntegrationUri }) | Should -BeExactly @(1..16 | ForEach-Object { "https://order$_.example.com" })
    }

    It 'two items for the same method are never in flight together: each is planned after the one before it was written' {
        $restApiId = New-RestApiWithMethods -Name 'bulk-same' -Count 2
        Set-FaultProxyOption $proxy -SlowRate 1.0 -SlowDelayMilliseconds 300
        $definitions = foreach ($n in 1..4) {
            @{ RestApiId = $restApiId; ResourcePath = '/r1'; HttpMethod = 'GET'; Type = 'HTTP_PROXY'; IntegrationHttpMethod = 'GET'; Uri = "https://v$n.example.com" }
            @{ RestApiId = $restApiId; ResourcePath = '/r2'; HttpMethod = 'GET'; Type = 'HTTP_PROXY'; IntegrationHttpMethod = 'GET'; Uri = "https://v$n.example.com" }
        }
        $run = Invoke-Captured { $definitions | Set-RestIntegration -ThrottleLimit 8 -EndpointUrl $proxy.Endpoint }
        Set-FaultProxyOption $proxy -SlowRate 0.4 -SlowDelayMilliseconds 700
        $run.Errors | Should -HaveCount 0
        # Had the four writes of a method overlapped, each would have been planned as Created against the empty method.
        @($run.Output | Where-Object ResourcePath -EQ '/r1' | ForEach-Object { [string] $_.Outcome }) | Should -BeExactly @('Created', 'Updated', 'Updated', 'Updated')
        @($run.Output | Where-Object ResourcePath -EQ '/r2' | ForEach-Object { [string] $_.Outcome }) | Should -BeExactly @('Created', 'Updated', 'Updated', 'Updated')
        foreach ($path in '/r1', '/r2') {
            (Get-RestIntegration -RestApiId $restApiId -ResourcePath $path -HttpMethod GET -EndpointUrl $Endpoint).Uri | Should -BeExactly 'https://v4.example.com'
        }
    }
}

Describe 'Ctrl+C with writes in flight: <Cmdlet>' -ForEach @(
    @{ Cmdlet = 'Set-RestIntegration'; ErrorId = 'SetRestIntegrationStopped' }
    @{ Cmdlet = 'Set-ApiIntegration'; ErrorId = 'SetApiIntegrationStopped' }
    @{ Cmdlet = 'New-ApiIntegration'; ErrorId = 'NewApiIntegrationStopped' }
) {
    BeforeAll {
        if ($Cmdlet -eq 'Set-RestIntegration') {
            $restApiId = New-RestApiWithMethods -Name 'bulk-stop' -Count 30
            $definitions = @(New-Definitions $restApiId 30)
        }
        else {
            $apiId = New-MotoApi -Name "bulk-stop-$Cmdlet" -Endpoint $Endpoint
            $definitions = @(1..30 | ForEach-Object { @{ ApiId = $apiId; IntegrationType = 'HTTP_PROXY'; IntegrationMethod = 'ANY'; IntegrationUri = "https://stop$_.example.com" } })
        }
        # Every answer comes 1.5 s late: the reads, then the first writes, are on their way when Ctrl+C comes.
        $proxy = Start-FaultProxy -Upstream $Endpoint -NoThrottle -SlowRate 1.0 -SlowDelayMilliseconds 1500
        $session = Open-CapturingRunspace
        $shell = [powershell]::Create()
        $shell.Runspace = $session.Runspace
        $null = $shell.AddScript("param(`$definitions, `$endpoint) `$definitions | $Cmdlet -ThrottleLimit 4 -EndpointUrl `$endpoint").
            AddArgument($definitions).AddArgument($proxy.Endpoint)
        $output = New-Object 'System.Management.Automation.PSDataCollection[psobject]'
        $handle = $shell.BeginInvoke([System.Management.Automation.PSDataCollection[psobject]]::new(), $output)
        Start-Sleep -Seconds 6
        $shell.Stop()
        try { $null = $shell.EndInvoke($handle) } catch { }
        $lastError = $session.Runspace.SessionStateProxy.PSVariable.GetValue('Error')[0]
        $hostText = $session.Host.Text
    }

    AfterAll {
        $shell.Dispose()
        $session.Runspace.Dispose()
        Stop-FaultProxy $proxy
    }

    It 'stops the pipeline' {
        $shell.InvocationStateInfo.State | Should -Be 'Stopped'
    }

    It 'leaves one error (<ErrorId>, OperationStopped) in $Error that names the items not done, after those written' {
        $lastError | Should -Not -BeNullOrEmpty
        $lastError.FullyQualifiedErrorId | Should -BeLike "$ErrorId*"
        $lastError.CategoryInfo.Category | Should -Be 'OperationStopped'
        $lastError.ToString() | Should -Match "$Cmdlet was stopped before it was done with \d+ items?: input $($output.Count + 1) \("
        $lastError.ErrorDetails.RecommendedAction | Should -Match 'Run the command again'
        $shell.Streams.Error | Should -HaveCount 0
        # Every item the command received is written or named, in input order.
        $named = @($lastError.TargetObject)
        $named.Count | Should -BeGreaterThan 0
        for ($i = 0; $i -lt $named.Count; $i++) { $named[$i] | Should -BeLike "input $($output.Count + $i + 1) (*" }
    }

    It 'shows the same error on the host' {
        $hostText | Should -Match "ERROR: ${Cmdlet}: $Cmdlet was stopped before it was done with \d+ items?: input \d+ "
    }
}
