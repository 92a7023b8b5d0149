#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.5.0' }

# 10,000 generated definitions - hashtables, objects, ConvertFrom-Json-shaped objects of generated JSON documents, raw
# JSON text and things that are not definitions at all - with wrong types, unknown and misspelt keys, huge strings,
# control characters and nulls, piped into the cmdlets that take definitions (and Export-IntegrationDefinition, which
# writes the ones that are definitions and reads back the same). No exception may escape, the session
# must go on working, every input must be accounted for (an output or an ErrorRecord), and every ErrorRecord must
# carry an error id and a category, and a message that neither dumps a huge value nor carries raw control characters.
# The requests that get past the pre-flight go to a local endpoint that answers every request as API Gateway answers
# unknown keys (403 UnrecognizedClientException), so nothing is created and the run stays fast.
#
# The inputs come from System.Random seeded with 20261123: the same seed and the same sequence of draws give the same
# inputs on every run (the same as the hosted-engine fuzz test of the C# suite drew). $env:FUZZ_TOTAL sets how many
# (default 10,000); $env:FUZZ_SEED another seed. Needs PowerShell 7: the generator builds JSON with System.Text.Json.

BeforeDiscovery {
    $FuzzTargets = @(
        @{ Target = 'Test-ApiIntegration -Quiet'; Index = 0 }
        @{ Target = 'New-ApiIntegration'; Index = 1 }
        @{ Target = 'Set-RestIntegration'; Index = 2 }
        @{ Target = 'Set-RestIntegrationResponse'; Index = 3 }
        @{ Target = 'New-ApiIntegrationResponse'; Index = 4 }
    )
}

BeforeAll {
    Import-Module -Name (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $savedEnvironment = Set-TestAwsEnvironment
    # No pacing and no retries: the endpoint refuses every request at once, and 10,000 inputs must not take minutes.
    $savedPacing = Set-TestAwsEnvironment -Variables @{
        INTEGRATIONTOOLS_REQUESTS_PER_SECOND = '10000'
        INTEGRATIONTOOLS_REQUEST_BURST       = '10000'
        AWS_MAX_ATTEMPTS                     = '1'
    }

    $Total = 10000
    if ($env:FUZZ_TOTAL) { $Total = [int] $env:FUZZ_TOTAL }
    $Seed = 20261123
    if ($env:FUZZ_SEED) { $Seed = [int] $env:FUZZ_SEED }
    $TargetCount = 5
    $PerTarget = [Math]::Floor($Total / $TargetCount)

    class FuzzInputs {
        # The keys of REST and HTTP/WebSocket definitions, as the AWS CLI and the cmdlets spell them.
        static [string[]] $RestKeys = @(
            'restApiId', 'resourceId', 'resourcePath', 'httpMethod', 'type', 'integrationHttpMethod', 'uri', 'connectionType',
            'connectionId', 'credentials', 'requestParameters', 'requestTemplates', 'passthroughBehavior', 'cacheNamespace',
            'cacheKeyParameters', 'contentHandling', 'timeoutInMillis', 'tlsConfig', 'responseTransferMode', 'integrationTarget',
            'statusCode', 'selectionPattern', 'responseParameters', 'responseTemplates'
        )
        static [string[]] $ApiKeys = @(
            'ApiId', 'IntegrationId', 'IntegrationType', 'IntegrationUri', 'IntegrationMethod', 'PayloadFormatVersion',
            'IntegrationSubtype', 'ConnectionType', 'ConnectionId', 'CredentialsArn', 'Description', 'RequestParameters',
            'RequestTemplates', 'ResponseParameters', 'TemplateSelectionExpression', 'TimeoutInMillis', 'TlsConfig',
            'ServerNameToVerify', 'PassthroughBehavior', 'ContentHandlingStrategy', 'IntegrationResponseKey', 'ProtocolType'
        )
        # Misspelt, empty, blank, NUL, trailing blank, snake case, script text, Cyrillic, 5,000 characters, dotted.
        static [string[]] $UnknownKeys = @(
            'Uir', '', ' ', [string] [char] 0, 'Type ', 'integration_type', '$(Remove-Item /)',
            [string]::new([char[]] @(0x043A, 0x043B, 0x044E, 0x0447)), [string]::new([char] 'k', 5000), 'a.b.c', '__proto__'
        )
        static [string[]] $PlausibleStrings = @(
            'abc123', 'MOCK', 'HTTP', 'HTTP_PROXY', 'AWS', 'AWS_PROXY', 'GET', 'POST', 'ANY', 'VPC_LINK', 'INTERNET', '1.0', '2.0',
            'https://example.com/{proxy}', 'http://example.com', '/pets', '/pets/{id}', '200', '5\d\d', '$default',
            'arn:aws:lambda:us-east-1:123456789012:function:f', 'arn:aws:iam::123456789012:role/r', 'SQS-SendMessage',
            'WHEN_NO_MATCH', 'CONVERT_TO_TEXT', 'method.request.path.id', 'overwrite:path', '$request.body.id', 'STREAM'
        )
        # NUL, SOH, a terminal colour sequence, CR LF TAB, DEL, a zero-width space and an emoji (a surrogate pair).
        static [string] $Controls = [string]::new([char[]] @(0, 1, 0x1b)) + '[31mred' + "`r`n`t" +
            [string]::new([char[]] @(0x7f, 0x200b, 0xd83d, 0xde00))
        # Shared instances: a huge value costs its size once, not once per input.
        static [string] $HugeString = [string]::new([char] 'x', 1000000)
        static [string] $LargeString = [string]::new([char] 'x', 70000)
        static [string] $BellsAndSeparator = [string]::new([char] 7, 10) + [string] [char] 0x2028
        static [string] $LongJsonString = [string]::new([char] 'y', 20000)

        [System.Random] $R

        FuzzInputs([int] $seed) {
            $this.R = [System.Random]::new($seed)
        }

        # One input: mostly dictionaries and objects, some JSON text, some things that are not definitions at all.
        [object] Generate() {
            $roll = $this.R.Next(20)
            if ($roll -eq 0) { return $null }
            if ($roll -eq 1) { return $this.RandomValue(0) }
            if ($roll -eq 2) {
                $first = $this.RandomValue(1)
                return [object[]] @($first, $null)
            }
            if ($roll -eq 3) { return $this.JsonDocumentText($true) }
            if ($roll -le 7) { return $this.ToPSObject([System.Text.Json.Nodes.JsonNode]::Parse($this.JsonDocumentText($false))) }
            if ($roll -le 11) {
                $keys = [System.Collections.Generic.List[object]]::new()
                $table = $this.Dictionary($keys)
                # The properties in the order the keys were first drawn (a hashtable's own order changes from run to run).
                $object = [psobject]::new()
                foreach ($key in $keys) {
                    $name = [string] $key
                    if ([string]::IsNullOrEmpty($name) -or $null -ne $object.PSObject.Properties[$name]) { continue }
                    $object.PSObject.Properties.Add([psnoteproperty]::new($name, $table[$key]))
                }
                return $object
            }
            return $this.Dictionary([System.Collections.Generic.List[object]]::new())
        }

        # A hashtable with case-insensitive keys, as @{} makes; $keys receives the keys in the order they were drawn.
        [hashtable] Dictionary([System.Collections.Generic.List[object]] $keys) {
            $table = [hashtable]::new([System.StringComparer]::OrdinalIgnoreCase)
            $count = $this.R.Next(0, 12)
            for ($i = 0; $i -lt $count; $i++) {
                $key = $this.Key()
                $table[$key] = $this.RandomValue(0)
                $keys.Add($key)
            }
            # Some non-string keys, as a careless script might make them.
            if ($this.R.Next(10) -eq 0) {
                $number = $this.R.Next(100)
                $table[$number] = 'a number as a key'
                $keys.Add($number)
            }
            return $table
        }

        [string] Key() {
            $roll = $this.R.Next(10)
            $key = if ($roll -lt 4) { [FuzzInputs]::RestKeys[$this.R.Next([FuzzInputs]::RestKeys.Length)] }
            elseif ($roll -lt 8) { [FuzzInputs]::ApiKeys[$this.R.Next([FuzzInputs]::ApiKeys.Length)] }
            else { [FuzzInputs]::UnknownKeys[$this.R.Next([FuzzInputs]::UnknownKeys.Length)] }
            # Keys match case-insensitively: mix the case.
            if ($this.R.Next(3) -eq 0) { return $key.ToUpperInvariant() }
            if ($this.R.Next(3) -eq 0) { return $key.ToLowerInvariant() }
            return $key
        }

        [object] RandomValue([int] $depth) {
            $roll = $this.R.Next($(if ($depth -gt 2) { 14 } else { 18 }))
            switch ($roll) {
                0 { return $null }
                1 { return '' }
                2 { if ($this.R.Next(10) -eq 0) { return [FuzzInputs]::HugeString } else { return [FuzzInputs]::LargeString } }
                3 { return [FuzzInputs]::Controls + [FuzzInputs]::PlausibleStrings[$this.R.Next([FuzzInputs]::PlausibleStrings.Length)] }
                4 { return $this.R.Next([int]::MinValue, [int]::MaxValue) }
                5 { return $this.R.NextDouble() * 1e12 - 5e11 }
                6 { if ($this.R.Next(2) -eq 0) { return [double]::NaN } else { return [double]::PositiveInfinity } }
                7 { return $this.R.Next(2) -eq 0 }
                8 { return [long]::MaxValue }
                9 { return [datetime]::new(2026, 11, 23) }
                10 { return [System.Management.Automation.SwitchParameter]::new($true) }
                { $_ -ge 11 -and $_ -le 13 } { return [FuzzInputs]::PlausibleStrings[$this.R.Next([FuzzInputs]::PlausibleStrings.Length)] }
                14 {
                    $count = $this.R.Next(4)
                    $items = [object[]]::new($count)
                    for ($i = 0; $i -lt $count; $i++) { $items[$i] = $this.RandomValue($depth + 1) }
                    return $items
                }
                15 {
                    # A nested table as New-Object Hashtable makes it: case-sensitive keys.
                    $nested = [hashtable]::new()
                    for ($i = $this.R.Next(4); $i -gt 0; $i--) {
                        $key = $this.Key()
                        $nested[$key] = $this.RandomValue($depth + 1)
                    }
                    return $nested
                }
                16 {
                    $inner = [hashtable]::new()
                    $inner['a'] = $null
                    return [pscustomobject] @{ Name = 'an object'; Nested = $inner }
                }
            }
            return [scriptblock]::Create("'not a value'")
        }

        # A JSON document such as an AWS CLI skeleton edited by hand: right and wrong keys, any JSON value.
        [string] JsonDocumentText([bool] $allowBroken) {
            $document = [System.Text.Json.Nodes.JsonObject]::new()
            for ($i = $this.R.Next(0, 10); $i -gt 0; $i--) {
                $key = $this.Key().Replace([string] [char] 0, '\u0000')
                $document[$key] = $this.JsonValueOf(0)
            }
            $text = $document.ToJsonString()
            if (-not $allowBroken) { return $text }
            # Now and then a truncated or non-object document.
            $roll = $this.R.Next(12)
            if ($roll -eq 0) { return $text.Substring(0, [int] [Math]::Floor($text.Length / 2)) }
            if ($roll -eq 1) { return '[' + $text + ']' }
            return $text
        }

        [System.Text.Json.Nodes.JsonNode] JsonValueOf([int] $depth) {
            $roll = $this.R.Next($(if ($depth -gt 1) { 7 } else { 9 }))
            switch ($roll) {
                0 { return $null }
                1 { return [System.Text.Json.Nodes.JsonNode] [FuzzInputs]::PlausibleStrings[$this.R.Next([FuzzInputs]::PlausibleStrings.Length)] }
                2 { return [System.Text.Json.Nodes.JsonNode] $this.R.Next(-100000, 400000) }
                3 { return [System.Text.Json.Nodes.JsonNode] ($this.R.Next(2) -eq 0) }
                4 { return [System.Text.Json.Nodes.JsonNode] [FuzzInputs]::BellsAndSeparator }
                5 { return [System.Text.Json.Nodes.JsonNode] 1.5e300 }
                6 { return [System.Text.Json.Nodes.JsonNode] [FuzzInputs]::LongJsonString }
                7 {
                    $count = $this.R.Next(3)
                    $items = [System.Text.Json.Nodes.JsonNode[]]::new($count)
                    for ($i = 0; $i -lt $count; $i++) { $items[$i] = $this.JsonValueOf($depth + 1) }
                    return [System.Text.Json.Nodes.JsonArray]::new($items)
                }
            }
            $members = [System.Text.Json.Nodes.JsonObject]::new()
            $count = $this.R.Next(3)
            for ($i = 0; $i -lt $count; $i++) {
                $key = 'k' + $i + $this.Key().Replace([string] [char] 0, '')
                $members[$key] = $this.JsonValueOf($depth + 1)
            }
            return $members
        }

        # What ConvertFrom-Json makes of a document: PSCustomObjects, object arrays, strings, longs, doubles, bools.
        [object] ToPSObject([System.Text.Json.Nodes.JsonNode] $node) {
            if ($null -eq $node) { return $null }
            if ($node -is [System.Text.Json.Nodes.JsonObject]) {
                $result = [psobject]::new()
                foreach ($pair in $node) {
                    if ([string]::IsNullOrEmpty($pair.Key) -or $null -ne $result.PSObject.Properties[$pair.Key]) { continue }
                    $result.PSObject.Properties.Add([psnoteproperty]::new($pair.Key, $this.ToPSObject($pair.Value)))
                }
                return $result
            }
            if ($node -is [System.Text.Json.Nodes.JsonArray]) {
                $items = [object[]]::new($node.Count)
                for ($i = 0; $i -lt $node.Count; $i++) { $items[$i] = $this.ToPSObject($node[$i]) }
                return $items
            }
            $element = $node.GetValue[System.Text.Json.JsonElement]()
            switch ($element.ValueKind) {
                'String' { return $element.GetString() }
                'Number' {
                    [long] $whole = 0
                    if ($element.TryGetInt64([ref] $whole)) { return $whole }
                    return $element.GetDouble()
                }
                'True' { return $true }
                'False' { return $false }
            }
            return $null
        }
    }

    # Exceptions that mean the module itself failed (a bug), not that it refused an input.
    $BugTypes = @(
        [System.NullReferenceException], [System.InvalidCastException], [System.IndexOutOfRangeException],
        [System.Collections.Generic.KeyNotFoundException], [System.ArgumentOutOfRangeException], [System.FormatException],
        [System.OverflowException], [System.StackOverflowException], [System.Text.Json.JsonException],
        [System.NotImplementedException]
    )
    function Test-IsBug([System.Exception] $Exception) {
        for ($e = $Exception; $null -ne $e; $e = $e.InnerException) {
            foreach ($type in $BugTypes) { if ($e -is $type) { return $true } }
        }
        return $false
    }

    # Characters a message must never carry raw: C0 controls other than the line breaks between sentences, DEL, C1
    # controls, and the Unicode line and paragraph separators (DisplayText escapes them as \uXXXX).
    $RawControl = [regex] '[\x00-\x09\x0B\x0C\x0E-\x1F\x7F-\x9F\u2028\u2029]'

    function Start-RejectingEndpoint {
        # An HTTP endpoint on a free loopback port that answers every request as API Gateway answers a request signed
        # with unknown keys: 403, x-amzn-ErrorType UnrecognizedClientException. Counts the requests and the unsigned ones.
        $port = Get-FreeTcpPort
        $listener = [System.Net.HttpListener]::new()
        $listener.Prefixes.Add("http://127.0.0.1:$port/")
        $listener.Start()
        $counts = [hashtable]::Synchronized(@{ Requests = 0; Unsigned = 0 })
        $shell = [powershell]::Create()
        $null = $shell.AddScript({
                param($Listener, $Counts)
                $body = [System.Text.Encoding]::UTF8.GetBytes('{"message":"The security token included in the request is invalid."}')
                while ($Listener.IsListening) {
                    try {
                        $context = $Listener.GetContext()
                    }
                    catch {
                        break
                    }
                    $Counts.Requests++
                    if (-not $context.Request.Headers['Authorization']) { $Counts.Unsigned++ }
                    $context.Request.InputStream.CopyTo([System.IO.Stream]::Null)
                    $response = $context.Response
                    $response.StatusCode = 403
                    $response.ContentType = 'application/json'
                    $response.Headers['x-amzn-ErrorType'] = 'UnrecognizedClientException'
                    $response.Headers['x-amzn-RequestId'] = [guid]::NewGuid().ToString()
                    $response.ContentLength64 = $body.Length
                    $response.OutputStream.Write($body, 0, $body.Length)
                    $response.Close()
                }
            }.ToString()).AddArgument($listener).AddArgument($counts)
        $handle = $shell.BeginInvoke()
        return [pscustomobject]@{
            Endpoint = "http://127.0.0.1:$port"
            Listener = $listener
            Shell    = $shell
            Handle   = $handle
            Counts   = $counts
        }
    }

    function Stop-RejectingEndpoint($Server) {
        if (-not $Server) { return }
        $Server.Listener.Stop()
        $Server.Listener.Close()
        $null = $Server.Handle.AsyncWaitHandle.WaitOne(5000)
        $Server.Shell.Dispose()
    }

    $watch = [System.Diagnostics.Stopwatch]::StartNew()
    $generator = [FuzzInputs]::new($Seed)
    $inputs = [object[]]::new($Total)
    for ($i = 0; $i -lt $Total; $i++) { $inputs[$i] = $generator.Generate() }
    $GenerationSeconds = $watch.Elapsed.TotalSeconds

    $rejecting = Start-RejectingEndpoint
    # The cmdlets run in a runspace of their own, as in a user's session, so that what they leave behind shows.
    $runspace = [System.Management.Automation.Runspaces.RunspaceFactory]::CreateRunspace()
    $runspace.Open()
    $import = [powershell]::Create()
    $import.Runspace = $runspace
    $null = $import.AddCommand('Import-Module').AddParameter('Name', (Get-BuiltModulePath)).AddParameter('ErrorAction', 'Stop')
    $null = $import.Invoke()
    $import.Dispose()

    # What is wrong with error records: no id, no category, an internal failure, a huge message or raw control characters.
    function Get-RecordProblem([object[]] $Errors) {
        $problems = [System.Collections.Generic.List[string]]::new()
        foreach ($record in $Errors) {
            if ($record -isnot [System.Management.Automation.ErrorRecord]) { $problems.Add("not an ErrorRecord: $record"); continue }
            $id = $record.FullyQualifiedErrorId
            if ([string]::IsNullOrWhiteSpace($id)) { $problems.Add("an error without an id: $record"); continue }
            if ($record.CategoryInfo.Category -eq [System.Management.Automation.ErrorCategory]::NotSpecified) { $problems.Add("${id}: no category") }
            if (Test-IsBug $record.Exception) { $problems.Add("${id}: an internal failure reached the user: $($record.Exception.GetType().FullName): $($record.Exception.Message)") }
            # A message may quote a value, but never dumps a huge one, and shows control characters escaped.
            foreach ($message in @($record.Exception.Message, $(if ($record.ErrorDetails) { $record.ErrorDetails.Message }))) {
                if ($null -eq $message) { continue }
                if ($message.Length -ge 20000) { $problems.Add("${id}: a $($message.Length)-character message: $($message.Substring(0, 300))") }
                $raw = $RawControl.Match($message)
                if ($raw.Success) {
                    $problems.Add("${id}: a raw U+$(([int] [char] $raw.Value).ToString('X4')) at $($raw.Index) in: $($message.Substring(0, [Math]::Min(300, $message.Length)))")
                }
            }
        }
        return $problems
    }

    function Invoke-Batch([string] $Target, [object[]] $Batch) {
        # Pipes the batch into the target as a user would, and returns what came out: Output, Errors, Terminating.
        $shell = [powershell]::Create()
        try {
            $shell.Runspace = $runspace
            $script = 'param($Batch, $Endpoint) $Batch | ' + $Target + ' -EndpointUrl $Endpoint -ErrorAction Continue -WarningAction SilentlyContinue'
            $null = $shell.AddScript($script, $true).AddParameter('Batch', $Batch).AddParameter('Endpoint', $rejecting.Endpoint)
            $terminating = $null
            $output = @()
            try {
                $output = @($shell.Invoke())
            }
            catch {
                $terminating = $_.Exception
            }
            return [pscustomobject]@{ Output = $output; Errors = @($shell.Streams.Error); Terminating = $terminating }
        }
        finally {
            $shell.Dispose()
        }
    }
}

AfterAll {
    if ($runspace) { $runspace.Dispose() }
    Stop-RejectingEndpoint $rejecting
    Restore-TestAwsEnvironment -Saved $savedPacing
    Restore-TestAwsEnvironment -Saved $savedEnvironment
}

Describe 'Generated definitions piped into the cmdlets' {

    It 'are generated from the seed, the same ones on every run' {
        $inputs | Should -HaveCount $Total
        # A second generator with the same seed draws the same kinds of input in the same order.
        $again = [FuzzInputs]::new($Seed)
        $sample = [Math]::Min(200, $Total)
        for ($i = 0; $i -lt $sample; $i++) {
            $other = $again.Generate()
            $kind = if ($null -eq $inputs[$i]) { 'null' } else { $inputs[$i].GetType().FullName }
            $otherKind = if ($null -eq $other) { 'null' } else { $other.GetType().FullName }
            $otherKind | Should -Be $kind -Because "input $i"
            if ($inputs[$i] -is [string]) { $other | Should -BeExactly $inputs[$i] -Because "input $i" }
        }
        # Every kind is there: nulls, tables, objects, JSON text, arrays and plain values.
        $kinds = @(foreach ($item in $inputs) {
                if ($null -eq $item) { 'null' }
                elseif ($item -is [hashtable]) { 'table' }
                elseif ($item -is [System.Management.Automation.PSCustomObject]) { 'object' }
                elseif ($item -is [string]) { 'text' }
                elseif ($item -is [array]) { 'array' }
                else { 'value' }
            }) | Group-Object -NoElement
        @($kinds.Name) | Should -Contain 'null'
        @($kinds.Name) | Should -Contain 'table'
        @($kinds.Name) | Should -Contain 'object'
        @($kinds.Name) | Should -Contain 'text'
        @($kinds.Name) | Should -Contain 'array'
        $summary = ($kinds | Sort-Object Name | ForEach-Object { "$($_.Count) $($_.Name)" }) -join ', '
        Write-Host "  $Total inputs (seed $Seed) generated in $($GenerationSeconds.ToString('0.0')) s: $summary"
        if ($Total -eq 10000 -and $Seed -eq 20261123) {
            # The corpus itself: a change to the generator that changes what is drawn shows here.
            $summary | Should -BeExactly '548 array, 549 null, 3928 object, 4045 table, 703 text, 227 value'
        }
    }

    It '<Target> answers every input with an output or an ErrorRecord, never an exception' -ForEach $FuzzTargets {
        $batch = [object[]] $inputs[($Index * $PerTarget)..(($Index + 1) * $PerTarget - 1)]
        $watch = [System.Diagnostics.Stopwatch]::StartNew()
        $run = Invoke-Batch -Target $Target -Batch $batch
        $seconds = $watch.Elapsed.TotalSeconds
        $ids = $run.Errors | Group-Object { $_.FullyQualifiedErrorId.Split(',')[0] } | Sort-Object Count -Descending | Select-Object -First 8
        Write-Host "  ${Target}: $($batch.Count) inputs, $($run.Output.Count) outputs, $($run.Errors.Count) errors, $($seconds.ToString('0.0')) s; error ids: $(($ids | ForEach-Object { "$($_.Name) $($_.Count)" }) -join ', ')"

        $run.Terminating | Should -BeNullOrEmpty -Because "the batch must not be stopped ($($run.Terminating.ErrorRecord.FullyQualifiedErrorId): $($run.Terminating.Message))"
        ($run.Output.Count + $run.Errors.Count) | Should -BeGreaterOrEqual $batch.Count -Because 'every input has its answer: an output or an error (a non-definition binds to nothing and is an error too)'

        Get-RecordProblem $run.Errors | Select-Object -First 10 | Should -BeNullOrEmpty

        if ($Target -like 'Test-ApiIntegration*') {
            # Offline: never an error, exactly one $true/$false per input.
            $run.Errors | Should -HaveCount 0
            $run.Output | Should -HaveCount $batch.Count
            @($run.Output | Where-Object { $_ -isnot [bool] }) | Should -HaveCount 0
        }
    }

    It 'Export-IntegrationDefinition writes every input that is a definition and reports every other, never an exception' {
        $batch = [object[]] $inputs[0..($PerTarget - 1)]
        $file = Join-Path $TestDrive 'fuzz.yaml'
        $again = Join-Path $TestDrive 'fuzz-again.yaml'
        # Export the batch, read the file back and export what was read: the module's cmdlets run in the fuzz runspace.
        $script = 'param($Batch, $File, $Again) $Batch | Export-IntegrationDefinition -Path $File -ErrorAction Continue
            $read = @(Import-IntegrationDefinition -LiteralPath $File -ErrorAction Stop); $read | Export-IntegrationDefinition -Path $Again -ErrorAction Stop; $read.Count'
        $shell = [powershell]::Create()
        try {
            $shell.Runspace = $runspace
            $null = $shell.AddScript($script, $true).AddParameter('Batch', $batch).AddParameter('File', $file).AddParameter('Again', $again)
            $terminating = $null
            $written = 0
            try { $written = @($shell.Invoke())[-1] } catch { $terminating = $_.Exception }
            $errors = @($shell.Streams.Error)
        }
        finally {
            $shell.Dispose()
        }
        Write-Host "  Export-IntegrationDefinition: $($batch.Count) inputs, $written definitions written, $($errors.Count) errors"
        $terminating | Should -BeNullOrEmpty
        ($written + $errors.Count) | Should -Be $batch.Count -Because 'every input is written or reported'
        Get-RecordProblem $errors | Select-Object -First 10 | Should -BeNullOrEmpty
        # The file reads back to definitions that export to the same text.
        Get-Content -LiteralPath $again -Raw | Should -BeExactly (Get-Content -LiteralPath $file -Raw)
    }

    It 'leaves the session usable, and nothing got past the refusing endpoint unsigned' {
        $shell = [powershell]::Create()
        try {
            $shell.Runspace = $runspace
            $null = $shell.AddScript('1 + 1; (Get-Module IntegrationTools).Name')
            $answer = @($shell.Invoke())
        }
        finally {
            $shell.Dispose()
        }
        $answer[0] | Should -Be 2
        $answer[1] | Should -Be 'IntegrationTools'
        $rejecting.Counts.Unsigned | Should -Be 0
        Write-Host "  $($rejecting.Counts.Requests) requests reached the endpoint, each answered 403 UnrecognizedClientException"
    }
}
