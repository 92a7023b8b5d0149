#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.5.0' }

# The session parameters every cmdlet shares, how credentials, region and endpoint are resolved, the errors when
# they cannot be, and that no secret ever reaches a stream; mirrors tests/IntegrationTools.Tests/SessionTests.cs.

BeforeAll {
    Import-Module -Name (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $savedEnvironment = Set-TestAwsEnvironment
    $moto = Start-MotoServer
    $Endpoint = $moto.Endpoint
    $null = Import-BuiltModule

    function Get-DebugMessage {
        # Runs the script block with $DebugPreference = 'Continue' and returns the debug messages it wrote;
        # any other output is dropped, errors go to the error stream as usual.
        param([Parameter(Mandatory)] [scriptblock] $ScriptBlock)
        $DebugPreference = 'Continue'
        & $ScriptBlock 5>&1 | Where-Object { $_ -is [System.Management.Automation.DebugRecord] } | ForEach-Object { $_.Message }
    }
}

AfterAll {
    Stop-MotoServer -Server $moto
    Restore-TestAwsEnvironment -Saved $savedEnvironment
}

Describe 'Session errors' {

    Context 'when nothing supplies a region' {
        BeforeAll {
            $saved = Set-TestAwsEnvironment -Variables (Get-UnconfiguredAwsEnvironment -Directory $TestDrive -KeepCredentials) -ClearShellDefaults
        }

        AfterAll {
            Restore-TestAwsEnvironment -Saved $saved
        }

        It 'ends the command with SessionNoRegion, saying how to set one' {
            $thrown = { Get-ApiIntegration -ApiId abc -EndpointUrl $Endpoint -ErrorAction Stop } |
                Should -Throw -ErrorId 'SessionNoRegion,IntegrationTools.Commands.GetApiIntegrationCommand' -PassThru
            $thrown.FullyQualifiedErrorId | Should -BeExactly 'SessionNoRegion,IntegrationTools.Commands.GetApiIntegrationCommand'
            $thrown.CategoryInfo.Category | Should -Be 'InvalidArgument'
            $thrown.Exception.Message | Should -BeLike '*-Region*'
            $thrown.Exception.Message | Should -BeLike '*AWS_REGION*'
        }
    }

    Context 'when nothing supplies credentials' {
        BeforeAll {
            $saved = Set-TestAwsEnvironment -Variables (Get-UnconfiguredAwsEnvironment -Directory $TestDrive) -ClearShellDefaults
            $noCredentials = $null
            try {
                Get-RestIntegration -RestApiId abc -Region us-east-1 -EndpointUrl $Endpoint -ErrorAction Stop
            }
            catch {
                $noCredentials = $_
            }
        }

        AfterAll {
            Restore-TestAwsEnvironment -Saved $saved
        }

        It 'ends the command with SessionNoCredentials' {
            { Get-RestIntegration -RestApiId abc -Region us-east-1 -EndpointUrl $Endpoint -ErrorAction Stop } |
                Should -Throw -ErrorId 'SessionNoCredentials,IntegrationTools.Commands.GetRestIntegrationCommand'
            $noCredentials.FullyQualifiedErrorId | Should -BeExactly 'SessionNoCredentials,IntegrationTools.Commands.GetRestIntegrationCommand'
            $noCredentials.CategoryInfo.Category | Should -Be 'AuthenticationError'
        }

        It 'names <Way> as a way to provide them' -ForEach @(
            @{ Way = '-ProfileName' }
            @{ Way = '-AccessKey' }
            @{ Way = '-Credential' }
            @{ Way = 'Set-AWSCredential' }
            @{ Way = 'AWS_ACCESS_KEY_ID' }
            @{ Way = 'AWS_PROFILE' }
            @{ Way = '~/.aws/config' }
        ) {
            $noCredentials.Exception.Message.Contains($Way) | Should -BeTrue -Because "the message should name $Way"
        }
    }

    Context 'when the parameters are incomplete or malformed' {
        It 'refuses -AccessKey without -SecretKey before any request (SessionIncompleteCredentials)' {
            $thrown = { Get-ApiIntegration -ApiId abc -AccessKey AKIAEXAMPLE -EndpointUrl $Endpoint -Verbose -ErrorAction Stop } |
                Should -Throw -ErrorId 'SessionIncompleteCredentials,IntegrationTools.Commands.GetApiIntegrationCommand' -PassThru
            $thrown.CategoryInfo.Category | Should -Be 'InvalidArgument'
        }

        It 'refuses the endpoint <Url> before any request (SessionInvalidEndpoint)' -ForEach @(
            @{ Url = 'ftp://127.0.0.1:1' }
            @{ Url = 'not a url' }
            @{ Url = 'http://127.0.0.1:1/?x=1' }
        ) {
            $thrown = { Get-ApiIntegration -ApiId abc -EndpointUrl $Url -ErrorAction Stop } |
                Should -Throw -ErrorId 'SessionInvalidEndpoint,IntegrationTools.Commands.GetApiIntegrationCommand' -PassThru
            $thrown.CategoryInfo.Category | Should -Be 'InvalidArgument'
            $thrown.Exception.Message.Contains($Url) | Should -BeTrue -Because 'the message should quote the endpoint'
        }

        It 'reports a missing profile as SessionProfileNotFound' {
            $file = Join-Path $TestDrive 'other-credentials'
            Set-Content -LiteralPath $file -Encoding Ascii -Value @('[someone-else]', 'aws_access_key_id = AKIA', 'aws_secret_access_key = x')
            $thrown = { Get-ApiIntegration -ApiId abc -ProfileName nobody -ProfileLocation $file -EndpointUrl $Endpoint -ErrorAction Stop } |
                Should -Throw -ErrorId 'SessionProfileNotFound,IntegrationTools.Commands.GetApiIntegrationCommand' -PassThru
            $thrown.CategoryInfo.Category | Should -Be 'ObjectNotFound'
            $thrown.Exception.Message | Should -BeLike "*'nobody'*"
        }
    }

    Context 'when nothing listens on the endpoint' {
        It 'writes GetApiIntegrationConnectionFailed, a ConnectionError naming the endpoint' {
            $port = Get-FreeTcpPort
            $output = Get-ApiIntegration -ApiId abc -EndpointUrl "http://127.0.0.1:$port" -ErrorVariable connectionErrors -ErrorAction SilentlyContinue
            $output | Should -BeNullOrEmpty
            $connectionErrors | Should -HaveCount 1
            $connectionErrors[0].FullyQualifiedErrorId | Should -BeExactly 'GetApiIntegrationConnectionFailed,IntegrationTools.Commands.GetApiIntegrationCommand'
            $connectionErrors[0].CategoryInfo.Category | Should -Be ([System.Management.Automation.ErrorCategory]::ConnectionError)
            $connectionErrors[0].Exception.Message | Should -BeLike "*127.0.0.1:$port*"
        }
    }
}

Describe 'Session resolution' {

    Context 'a profile from a given credentials file' {
        BeforeAll {
            $apiId = New-MotoApi -Name 'session-profile' -Endpoint $Endpoint
            $file = Join-Path $TestDrive 'my-credentials'
            Set-Content -LiteralPath $file -Encoding Ascii -Value @('[it-test]', 'aws_access_key_id = AKIAPROFILEEXAMPLE', 'aws_secret_access_key = profile-secret')
            $saved = Set-TestAwsEnvironment -Variables (Get-UnconfiguredAwsEnvironment -Directory $TestDrive -KeepRegion) -ClearShellDefaults
        }

        AfterAll {
            Restore-TestAwsEnvironment -Saved $saved
        }

        It 'is used, and -Debug-level output says so' {
            $debug = @(Get-DebugMessage { Get-ApiIntegration -ApiId $apiId -ProfileName it-test -ProfileLocation $file -EndpointUrl $Endpoint -ErrorAction Stop })
            $debug | Where-Object { $_.Contains("the profile 'it-test'") } | Should -Not -BeNullOrEmpty
        }
    }

    Context 'the service endpoint variable' {
        BeforeAll {
            $apiId = New-MotoApi -Name 'session-env-endpoint' -Endpoint $Endpoint
            $saved = Set-TestAwsEnvironment -Variables @{ AWS_ENDPOINT_URL_API_GATEWAY = $Endpoint; AWS_ENDPOINT_URL = 'http://127.0.0.1:1' }
        }

        AfterAll {
            Restore-TestAwsEnvironment -Saved $saved
        }

        It 'AWS_ENDPOINT_URL_API_GATEWAY wins over AWS_ENDPOINT_URL' {
            $debug = @(Get-DebugMessage { Get-ApiIntegration -ApiId $apiId -ErrorAction Stop })
            $debug | Where-Object { $_.Contains('AWS_ENDPOINT_URL_API_GATEWAY') } | Should -Not -BeNullOrEmpty
        }
    }

    Context 'the shell defaults of AWS Tools for PowerShell' {
        BeforeAll {
            $apiId = New-MotoApi -Name 'session-shell' -Endpoint $Endpoint
            $saved = Set-TestAwsEnvironment -Variables (Get-UnconfiguredAwsEnvironment -Directory $TestDrive) -ClearShellDefaults
            # What Set-AWSCredential and Set-DefaultAWSRegion leave behind; Restore-TestAwsEnvironment removes them.
            $global:StoredAWSCredentials = New-FakeAwsCredential -AccessKey 'AKIASHELLDEFAULT'
            $global:StoredAWSRegion = 'us-east-1'
        }

        AfterAll {
            Restore-TestAwsEnvironment -Saved $saved
        }

        It 'are used for credentials and region' {
            $debug = @(Get-DebugMessage { Get-ApiIntegration -ApiId $apiId -EndpointUrl $Endpoint -ErrorAction Stop })
            $debug | Where-Object { $_.Contains('shell default credentials') -and $_.Contains('shell default region') } | Should -Not -BeNullOrEmpty
        }
    }

    Context 'a credentials object passed to -Credential' {
        BeforeAll {
            $apiId = New-MotoApi -Name 'session-credential' -Endpoint $Endpoint
            $saved = Set-TestAwsEnvironment -Variables (Get-UnconfiguredAwsEnvironment -Directory $TestDrive -KeepRegion) -ClearShellDefaults
        }

        AfterAll {
            Restore-TestAwsEnvironment -Saved $saved
        }

        It 'is read through its public members' {
            $credential = New-FakeAwsCredential -AccessKey 'AKIAOBJECT'
            $debug = @(Get-DebugMessage { Get-ApiIntegration -ApiId $apiId -Credential $credential -EndpointUrl $Endpoint -ErrorAction Stop })
            $debug | Where-Object { $_.Contains('the -Credential parameter') } | Should -Not -BeNullOrEmpty
        }

        It 'is SessionNoCredentials when it is not a credentials object' {
            { Get-ApiIntegration -ApiId $apiId -Credential 'just a string' -EndpointUrl $Endpoint -ErrorAction Stop } |
                Should -Throw -ErrorId 'SessionNoCredentials,IntegrationTools.Commands.GetApiIntegrationCommand'
        }
    }
}

Describe 'Secrets' {
    BeforeAll {
        $accessKey = 'AKIASECRETCANARY01'
        $secretKey = 'sEcReT/CaNaRy+KeY/0123456789abcdefABCDEF'
        $token = 'ToKeN-CaNaRy-0123456789'
        $keys = @{ AccessKey = $accessKey; SecretKey = $secretKey; SessionToken = $token; Verbose = $true }
        $store = New-PetStore -Name 'secrets' -Endpoint $Endpoint
    }

    It 'never appear in any stream of <Name>' -ForEach @(
        @{ Name = 'a listing'; Run = { Get-RestIntegration $store.RestApiId -EndpointUrl $Endpoint @keys } }
        @{ Name = 'a not-found error'; Run = { Get-RestIntegration nosuchapi -ResourceId x -HttpMethod GET -EndpointUrl $Endpoint @keys } }
        @{ Name = 'a connection failure'; Run = { Get-ApiIntegration nosuchapi -EndpointUrl 'http://127.0.0.1:1' @keys } }
        @{ Name = 'a session error'; Run = { Get-ApiIntegration nosuchapi -EndpointUrl 'ftp://bad' @keys } }
    ) {
        $DebugPreference = 'Continue'
        $records = New-Object System.Collections.Generic.List[object]
        try {
            & $Run *>&1 | ForEach-Object { $records.Add($_) }
        }
        catch {
            # A terminating error (the session error) ends the run; it is checked like the rest.
            $records.Add($_)
        }
        $records.Count | Should -BeGreaterThan 0 -Because 'the run should have written something to check'
        $text = $records | ConvertTo-StreamText
        $text | Should -Not -Match ([regex]::Escape($secretKey))
        $text | Should -Not -Match ([regex]::Escape($token))
        $text | Should -Not -Match ([regex]::Escape($accessKey))
        $text | Should -Not -Match 'Authorization'
    }

    It 'the listing run does write output, verbose and debug records (so the check above means something)' {
        $DebugPreference = 'Continue'
        $records = @(Get-RestIntegration $store.RestApiId -EndpointUrl $Endpoint @keys *>&1)
        $records | Where-Object { $_.PSObject.TypeNames[0] -eq 'IntegrationTools.Models.RestIntegration' } | Should -Not -BeNullOrEmpty
        $records | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | Should -Not -BeNullOrEmpty
        $records | Where-Object { $_ -is [System.Management.Automation.DebugRecord] } | Should -Not -BeNullOrEmpty
    }
}

Describe '-Region completion' {
    It 'completes -Region of <Command> with the known regions' -ForEach @(
        @{ Command = 'Get-ApiIntegration' }
        @{ Command = 'Get-RestIntegration' }
    ) {
        $line = "$Command -Region us-ea"
        $completion = TabExpansion2 -inputScript $line -cursorColumn $line.Length
        $texts = @($completion.CompletionMatches | ForEach-Object { $_.CompletionText })
        $texts | Should -Contain 'us-east-1'
        $texts | Should -Contain 'us-east-2'
        $texts | Should -Not -Contain 'eu-west-1'
    }
}
