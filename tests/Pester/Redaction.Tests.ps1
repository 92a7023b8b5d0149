#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.5.0' }

# Every exported cmdlet, run with keys that are recognisable canaries, with -Verbose and the debug, warning and
# information streams on: once against moto (the requests succeed or fail as they would), once against the fault proxy
# (tests/FaultProxy, started as a process by FaultProxy.psm1) answering as API Gateway answers unknown keys (403
# UnrecognizedClientException). No output object, stream record, error record (nor its exception chain), host text or
# proxy log line may contain the access key, the secret key, the session token or a request signature.

BeforeDiscovery {
    # One command line per exported cmdlet, run in this order; {placeholders} are ids of what the test seeded.
    # ConvertFrom-, Export- and Import-IntegrationDefinition read and write text and files and send nothing: they take no
    # session parameters.
    $Commands = [ordered]@{
        'Get-RestIntegration'               = 'Get-RestIntegration -RestApiId {rest}'
        'Get-RestIntegrationResponse'       = 'Get-RestIntegrationResponse -RestApiId {rest} -ResourceId {pets} -HttpMethod GET'
        'Set-RestIntegration'               = 'Set-RestIntegration -RestApiId {rest} -ResourceId {pets} -HttpMethod GET -Mock -RequestTemplates @{ ''application/json'' = ''{"statusCode": 200}'' }'
        'Update-RestIntegration'            = 'Update-RestIntegration -RestApiId {rest} -ResourceId {pets} -HttpMethod GET -TimeoutInMillis 5000 -Confirm:$false'
        'Remove-RestIntegration'            = 'Remove-RestIntegration -RestApiId {rest} -ResourceId {pet} -HttpMethod GET -Confirm:$false'
        'Set-RestIntegrationResponse'       = 'Set-RestIntegrationResponse -RestApiId {rest} -ResourceId {pets} -HttpMethod GET -StatusCode 200'
        'Remove-RestIntegrationResponse'    = 'Remove-RestIntegrationResponse -RestApiId {rest} -ResourceId {pets} -HttpMethod GET -StatusCode 200 -Confirm:$false'
        'Get-ApiIntegration'                = 'Get-ApiIntegration -ApiId {api}'
        'New-ApiIntegration'                = 'New-ApiIntegration -ApiId {api} -Url https://redaction.example.com/new'
        'Set-ApiIntegration'                = 'Set-ApiIntegration -ApiId {api} -IntegrationId {int} -TimeoutInMillis 5000'
        'Remove-ApiIntegration'             = 'Remove-ApiIntegration -ApiId {api} -IntegrationId {spare} -Confirm:$false'
        'New-ApiIntegrationResponse'        = 'New-ApiIntegrationResponse -ApiId {ws} -IntegrationId {wsint} -IntegrationResponseKey ''/2\d\d/'''
        'Get-ApiIntegrationResponse'        = 'Get-ApiIntegrationResponse -ApiId {ws} -IntegrationId {wsint}'
        'Remove-ApiIntegrationResponse'     = 'Remove-ApiIntegrationResponse -ApiId {ws} -IntegrationId {wsint} -IntegrationResponseId {wsresp} -Confirm:$false'
        'Test-ApiIntegration'               = 'Test-ApiIntegration -InputObject @{ ApiId = ''{api}''; IntegrationId = ''{int}''; IntegrationType = ''HTTP_PROXY''; IntegrationUri = ''http://plain.example.com''; IntegrationMethod = ''ANY'' } -Live'
        'ConvertFrom-IntegrationDefinition' = 'ConvertFrom-IntegrationDefinition -Content ''{ "RestApiId": "{rest}", "Type": "MOCK" }'''
        'Export-IntegrationDefinition'      = '@{ RestApiId = ''{rest}''; ResourcePath = ''/pets''; HttpMethod = ''GET''; Type = ''MOCK'' } | Export-IntegrationDefinition -Path (Join-Path $TestDrive ''redaction.yaml'') -PassThru'
        'Import-IntegrationDefinition'      = 'Import-IntegrationDefinition -Path (Join-Path $TestDrive ''redaction.yaml'')'
    }
    $Cases = foreach ($name in $Commands.Keys) { @{ Name = $name; SendsRequests = $name -notlike '*-IntegrationDefinition' } }
    $RequestCases = @($Cases | Where-Object { $_.SendsRequests })
}

BeforeAll {
    Import-Module -Name (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module -Name (Join-Path $PSScriptRoot 'FaultProxy.psm1') -Force
    $moto = Start-TestSuite
    $Endpoint = $moto.Endpoint

    $AccessKey = 'AKIAREDACTCANARY0001'
    $SecretKey = 'rEdAcT/SeCrEt+CaNaRy/0123456789abcdefABCD'
    $SessionToken = 'ReDaCt-ToKeN-CaNaRy-0123456789+/='
    $SessionArguments = "-AccessKey $AccessKey -SecretKey '$SecretKey' -SessionToken '$SessionToken' -EndpointUrl '{endpoint}' -Verbose"

    # What the test seeded, by placeholder: a pet store, an HTTP API with two integrations, a WebSocket API with a MOCK
    # integration and its integration response.
    function New-RedactionSeed([string] $Name) {
        $store = New-PetStore -Name $Name -Endpoint $Endpoint
        $api = New-MotoApi -Name $Name -Endpoint $Endpoint
        $integration = New-MotoApiIntegration -ApiId $api -Endpoint $Endpoint -Body @{
            integrationType = 'HTTP_PROXY'; integrationMethod = 'ANY'; integrationUri = 'https://redaction.example.com'; payloadFormatVersion = '1.0'
        }
        $spare = New-MotoApiIntegration -ApiId $api -Endpoint $Endpoint -Body @{
            integrationType = 'HTTP_PROXY'; integrationMethod = 'ANY'; integrationUri = 'https://spare.example.com'; payloadFormatVersion = '1.0'
        }
        $ws = New-MotoApi -Name "$Name-ws" -ProtocolType WEBSOCKET -Endpoint $Endpoint
        $wsIntegration = New-MotoApiIntegration -ApiId $ws -Endpoint $Endpoint -Body @{ integrationType = 'MOCK' }
        $wsResponse = New-MotoApiIntegrationResponse -ApiId $ws -IntegrationId $wsIntegration -Endpoint $Endpoint -Body @{ integrationResponseKey = '$default' }
        return @{
            rest = $store.RestApiId; pets = $store.PetsId; pet = $store.PetId
            api = $api; int = $integration; spare = $spare
            ws = $ws; wsint = $wsIntegration; wsresp = $wsResponse
        }
    }

    # Runs every command line, as typed, against -EndpointUrl; returns by name what each wrote: Records (everything
    # from every stream, in order, and the error that ended it, if any), Errors (the error records among them) and
    # HostText (what it wrote to the host itself).
    function Invoke-EveryCommand([System.Collections.IDictionary] $Commands, [hashtable] $Ids, [string] $EndpointUrl) {
        $runs = [ordered]@{}
        foreach ($name in $Commands.Keys) {
            $command = $Commands[$name]
            if ($name -notlike '*-IntegrationDefinition') { $command += ' ' + $SessionArguments.Replace('{endpoint}', $EndpointUrl) }
            foreach ($key in $Ids.Keys) { $command = $command.Replace('{' + $key + '}', $Ids[$key]) }
            $block = [scriptblock]::Create($command)
            $records = New-Object System.Collections.Generic.List[object]
            $hostText = Get-HostText {
                $DebugPreference = 'Continue'
                $InformationPreference = 'Continue'
                $WarningPreference = 'Continue'
                try {
                    & $block *>&1 | ForEach-Object { $records.Add($_) }
                }
                catch {
                    $records.Add($_)
                }
            }
            $runs[$name] = [pscustomobject]@{
                Records  = $records.ToArray()
                Errors   = @($records | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
                Output   = @($records | Where-Object {
                        $_ -isnot [System.Management.Automation.ErrorRecord] -and $_ -isnot [System.Management.Automation.InformationalRecord] -and
                        $_ -isnot [System.Management.Automation.InformationRecord] })
                Verbose  = @($records | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object { $_.Message })
                HostText = $hostText
            }
        }
        return $runs
    }

    # Everything a user or a log could see of a run: output objects (their view and every property), every stream
    # record, and of each error its message, id, target, details, the whole exception chain (every property of each
    # exception) and the line it points at (without what the user typed there).
    function ConvertTo-InspectedText($Run) {
        $typed = @("-AccessKey $AccessKey", "'$SecretKey'", "'$SessionToken'")
        $lines = New-Object System.Collections.Generic.List[string]
        foreach ($record in $Run.Records) {
            if ($record -is [System.Management.Automation.ErrorRecord]) {
                $lines.Add([string] $record)
                $lines.Add([string] $record.FullyQualifiedErrorId)
                $lines.Add([string] $record.TargetObject)
                $lines.Add([string] $record.CategoryInfo)
                if ($record.ErrorDetails) {
                    $lines.Add([string] $record.ErrorDetails.Message)
                    $lines.Add([string] $record.ErrorDetails.RecommendedAction)
                }
                for ($exception = $record.Exception; $null -ne $exception; $exception = $exception.InnerException) {
                    $lines.Add([string] $exception)
                    $lines.Add(($exception | Format-List -Property * -Force | Out-String -Width 250))
                }
                if ($record.InvocationInfo) {
                    $line = [string] $record.InvocationInfo.Line
                    foreach ($fragment in $typed) { $line = $line.Replace($fragment, '') }
                    $lines.Add($line)
                }
            }
            elseif ($record -is [System.Management.Automation.InformationalRecord]) {
                $lines.Add($record.Message)
            }
            elseif ($record -is [System.Management.Automation.InformationRecord]) {
                $lines.Add([string] $record.MessageData)
            }
            else {
                $lines.Add([string] $record)
                $lines.Add(($record | Out-String -Width 250))
                $lines.Add(($record | Format-List -Property * | Out-String -Width 250))
            }
        }
        return $lines -join "`n"
    }

    # Where the canaries or a signature appear in the text (none: an empty list).
    function Find-Secret([string] $Text) {
        foreach ($secret in @(
                @{ What = 'the access key'; Value = $AccessKey }
                @{ What = 'the secret key'; Value = $SecretKey }
                @{ What = 'the session token'; Value = $SessionToken }
                @{ What = 'a request signature'; Value = 'Signature=' })) {
            $at = $Text.IndexOf($secret.Value, [System.StringComparison]::Ordinal)
            if ($at -ge 0) {
                $from = [Math]::Max(0, $at - 60)
                "$($secret.What), in: ...$($Text.Substring($from, [Math]::Min($Text.Length - $from, 160)))..."
            }
        }
    }

    function Assert-NoSecret($Run) {
        Find-Secret (ConvertTo-InspectedText $Run) | Should -BeNullOrEmpty -Because 'no stream, output or error may show a secret'
        # The host shows what the user typed; everything else it shows must be clean.
        $hostText = $Run.HostText.Replace("-AccessKey $AccessKey", '').Replace("'$SecretKey'", '').Replace("'$SessionToken'", '')
        Find-Secret $hostText | Should -BeNullOrEmpty -Because 'the host may show no secret'
    }
}

AfterAll {
    Stop-TestSuite $moto
}

Describe 'Redaction' -ForEach @(@{ Commands = $Commands; RequestCount = $RequestCases.Count }) {

    It 'has a command line for every exported cmdlet, and none for a cmdlet that is not exported' {
        $exported = @((Get-Command -Module IntegrationTools).Name)
        $exported | Should -Not -BeNullOrEmpty
        $exported | Where-Object { -not $Commands.Contains($_) } | Should -BeNullOrEmpty -Because 'every exported cmdlet needs a command line in $Commands'
        $Commands.Keys | Where-Object { $exported -notcontains $_ } | Should -BeNullOrEmpty -Because 'every command line should run an exported cmdlet'
    }

    Context 'when the requests succeed or fail as they would' {
        BeforeAll {
            $ids = New-RedactionSeed -Name 'redact-moto'
            $runs = Invoke-EveryCommand -Commands $Commands -Ids $ids -EndpointUrl $Endpoint
        }

        It 'the runs really talked to moto: the reads found something, and every request was a Verbose line' {
            $runs['Get-RestIntegration'].Output | Should -Not -BeNullOrEmpty
            $runs['Get-ApiIntegration'].Output | Should -Not -BeNullOrEmpty
            $runs['New-ApiIntegration'].Output | Should -Not -BeNullOrEmpty
            $runs['New-ApiIntegration'].Errors | Should -HaveCount 0
            $runs['Get-ApiIntegration'].Verbose | Where-Object { $_.Contains('GET /v2/apis/') } | Should -Not -BeNullOrEmpty
        }

        It '<Name> shows no key, secret, token or signature' -ForEach $Cases {
            $runs[$Name].Records | Should -Not -BeNullOrEmpty -Because 'the run should have written something to check'
            Assert-NoSecret $runs[$Name]
        }
    }

    Context 'when every request is refused as signed with unknown keys' {
        BeforeAll {
            $ids = New-RedactionSeed -Name 'redact-refused'
            $proxy = Start-FaultProxy -Upstream $Endpoint -NoThrottle -RejectCredentials
            $runs = Invoke-EveryCommand -Commands $Commands -Ids $ids -EndpointUrl $proxy.Endpoint
            $counts = Get-FaultProxyCount $proxy
            $log = @(Get-FaultProxyLog $proxy)
        }

        AfterAll {
            Stop-FaultProxy $proxy
        }

        It '<Name> writes AccessDenied errors only, PermissionDenied, quoting the service' -ForEach $RequestCases {
            $errors = $runs[$Name].Errors
            $errors | Should -Not -BeNullOrEmpty -Because "$Name sends requests and every request was refused"
            $command = "IntegrationTools.Commands.$($Name.Replace('-', ''))Command"
            foreach ($e in $errors) {
                $e.FullyQualifiedErrorId | Should -BeLikeExactly "*AccessDenied,$command"
                $e.CategoryInfo.Category | Should -Be 'PermissionDenied'
                $e.Exception.Message | Should -BeLike '*security token included in the request is invalid*'
            }
        }

        It '<Name> shows no key, secret, token or signature' -ForEach $Cases {
            $runs[$Name].Records | Should -Not -BeNullOrEmpty -Because 'the run should have written something to check'
            Assert-NoSecret $runs[$Name]
        }

        It 'the proxy refused every request it got, at least one from each cmdlet that sends requests' {
            $counts.rejected | Should -BeGreaterOrEqual $RequestCount
            $counts.forwarded | Should -Be 0
            $log | Should -HaveCount $counts.rejected
        }

        It "the proxy's log shows no key, secret, token or signature" {
            $log | Where-Object { $_.Contains('Authorization: ***') } | Should -HaveCount $log.Count -Because 'every request is signed, and the log shows the header redacted'
            Find-Secret ($log -join "`n") | Should -BeNullOrEmpty
        }
    }
}
