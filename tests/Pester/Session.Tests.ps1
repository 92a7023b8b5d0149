#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.5.0' }

# The session parameters every cmdlet shares, how credentials, region and endpoint are resolved, the errors when
# they cannot be, and that no secret ever reaches a stream or the host; the ways AWS Tools for PowerShell users hold
# credentials and a region (Get-AWSCredential objects, the Set-AWSCredential and Set-DefaultAWSRegion shell defaults).

BeforeAll {
    Import-Module -Name (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $moto = Start-TestSuite
    $Endpoint = $moto.Endpoint

    function Get-DebugMessage {
        # Runs the script block with $DebugPreference = 'Continue' and returns the debug messages it wrote;
        # any other output is dropped, errors go to the error stream as usual.
        param([Parameter(Mandatory)] [scriptblock] $ScriptBlock)
        $DebugPreference = 'Continue'
        & $ScriptBlock 5>&1 | Where-Object { $_ -is [System.Management.Automation.DebugRecord] } | ForEach-Object { $_.Message }
    }
}

AfterAll {
    Stop-TestSuite $moto
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
            $thrown.Exception.Message | Should -BeLike 'No AWS region was specified*'
            $thrown.ErrorDetails.RecommendedAction | Should -BeLike '*-Region*'
            $thrown.ErrorDetails.RecommendedAction | Should -BeLike '*AWS_REGION*'
            $thrown.Exception.Message | Should -Not -BeLike "*$($thrown.ErrorDetails.RecommendedAction)*" -Because 'what went wrong and how to fix it are said once each'
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
            $noCredentials.ErrorDetails.RecommendedAction.Contains($Way) | Should -BeTrue -Because "the recommendation should name $Way"
        }

        It 'says what went wrong in the message and how to fix it in the recommendation, each once' {
            $noCredentials.Exception.Message | Should -BeLike 'No AWS credentials were found*'
            $noCredentials.Exception.Message | Should -Not -BeLike '*-ProfileName*'
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

    Context 'when the endpoint is plain http on another computer' {
        It 'refuses it for <Command> before any request (SessionInsecureEndpoint), saying how to allow it' -ForEach @(
            @{ Command = 'Get-ApiIntegration'; Class = 'GetApiIntegrationCommand'; Run = { Get-ApiIntegration -ApiId abc -EndpointUrl 'http://192.0.2.10:5000' -Verbose } }
            @{ Command = 'New-ApiIntegration -WhatIf'; Class = 'NewApiIntegrationCommand'; Run = { New-ApiIntegration -ApiId abc -Url https://example.com -WhatIf -EndpointUrl 'http://192.0.2.10:5000' -Verbose } }
            @{ Command = 'Set-RestIntegration -WhatIf'; Class = 'SetRestIntegrationCommand'; Run = { Set-RestIntegration -RestApiId abc -ResourcePath / -HttpMethod GET -Mock -WhatIf -EndpointUrl 'http://192.0.2.10:5000' -Verbose } }
        ) {
            $run = Invoke-Captured $Run
            $run.Errors | Should -HaveCount 1
            $thrown = $run.Errors[0]
            $thrown.FullyQualifiedErrorId | Should -BeExactly "SessionInsecureEndpoint,IntegrationTools.Commands.$Class"
            $thrown.CategoryInfo.Category | Should -Be ([System.Management.Automation.ErrorCategory]::SecurityError)
            $thrown.Exception.Message.Contains('http://192.0.2.10:5000') | Should -BeTrue -Because 'the message should quote the endpoint'
            $thrown.ErrorDetails.RecommendedAction | Should -BeLike '*-AllowInsecureEndpoint*'
            $run.Verbose | Where-Object { $_.Contains('192.0.2.10') } | Should -BeNullOrEmpty -Because 'no request is sent, nor announced'
        }

        It '-AllowInsecureEndpoint lets it through: the command gets as far as connecting' {
            # Nothing answers for the name, so the command ends with a connection failure, not with the refusal.
            $run = Invoke-Captured { Get-ApiIntegration -ApiId abc -EndpointUrl 'http://moto.invalid:5000' -AllowInsecureEndpoint }
            $run.Errors | Should -HaveCount 1
            $run.Errors[0].FullyQualifiedErrorId.Split(',')[0] | Should -Not -Be 'SessionInsecureEndpoint'
            $run.Errors[0].CategoryInfo.Category | Should -Be ([System.Management.Automation.ErrorCategory]::ConnectionError)
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
}

Describe 'Credentials and region as AWS Tools for PowerShell users keep them' {
    # AWS.Tools.Common is not installed here: its commands are stand-ins below, and Get-AWSCredential is mocked. The
    # objects are shaped as AWSSDK.Core's and AWS.Tools' are, from an assembly the module has never seen. Which keys
    # signed a request shows in moto's answer: moto files a request under the account whose IAM access key signed it,
    # so each account below sees only its own APIs. The environment holds the default account's keys and us-east-1.
    BeforeAll {
        $savedShell = Set-TestAwsEnvironment -Variables @{} -ClearShellDefaults

        if (-not ('IntegrationToolsPesterFakes.AwsTools.AWSPSCredentials' -as [type])) {
            # C# 5, so that Windows PowerShell 5.1's compiler takes it too.
            Add-Type -Language CSharp -TypeDefinition @'
namespace IntegrationToolsPesterFakes.AwsTools
{
    using System;

    // Amazon.Runtime.ImmutableCredentials: what GetCredentials() returns.
    public class ImmutableCredentials
    {
        public ImmutableCredentials(string awsAccessKeyId, string awsSecretAccessKey, string token)
        {
            AccessKey = awsAccessKeyId;
            SecretKey = awsSecretAccessKey;
            Token = token ?? string.Empty;
        }

        public string AccessKey { get; private set; }
        public string SecretKey { get; private set; }
        public string Token { get; private set; }
        public bool UseToken { get { return !string.IsNullOrEmpty(Token); } }
    }

    // Amazon.Runtime.AWSCredentials and two of its leaves: what Get-AWSCredential returns.
    public abstract class AWSCredentials
    {
        public abstract ImmutableCredentials GetCredentials();
    }

    public class BasicAWSCredentials : AWSCredentials
    {
        private readonly ImmutableCredentials _credentials;
        public BasicAWSCredentials(string accessKey, string secretKey) { _credentials = new ImmutableCredentials(accessKey, secretKey, null); }
        public override ImmutableCredentials GetCredentials() { return _credentials; }
    }

    public class SessionAWSCredentials : AWSCredentials
    {
        private readonly ImmutableCredentials _credentials;
        public SessionAWSCredentials(string accessKey, string secretKey, string token) { _credentials = new ImmutableCredentials(accessKey, secretKey, token); }
        public override ImmutableCredentials GetCredentials() { return _credentials; }
    }

    // SSO credentials whose session has expired: every refresh fails.
    public class ExpiredSSOAWSCredentials : AWSCredentials
    {
        public override ImmutableCredentials GetCredentials()
        {
            throw new InvalidOperationException("The SSO session associated with this profile has expired or is otherwise invalid. To refresh this SSO session run aws sso login with the corresponding profile.");
        }
    }

    // Amazon.PowerShell.Common.AWSPSCredentials: what Set-AWSCredential keeps in $StoredAWSCredentials. Its
    // members are internal; only ToString() (the profile name) is public.
    public class AWSPSCredentials
    {
        internal AWSPSCredentials(AWSCredentials credentials, string name)
        {
            Credentials = credentials;
            Name = name;
        }

        internal AWSCredentials Credentials { get; private set; }
        internal string Name { get; private set; }

        public override string ToString()
        {
            return !string.IsNullOrEmpty(Name) ? Name : (Credentials != null ? Credentials.ToString() : base.ToString());
        }
    }

    // How the stand-in Set-AWSCredential makes one (AWS.Tools' constructor is internal too).
    public static class AwsToolsShell
    {
        public static AWSPSCredentials Store(AWSCredentials credentials, string name)
        {
            return new AWSPSCredentials(credentials, name);
        }
    }
}
'@
        }

        # Stand-ins for the AWS.Tools.Common commands, with the parameters the tests use.
        function Get-AWSCredential {
            [CmdletBinding()]
            param([string] $ProfileName, [string] $ProfileLocation)
            throw "Get-AWSCredential stands in for AWS.Tools.Common's and must be mocked (profile '$ProfileName')."
        }

        function Set-AWSCredential {
            # Resolves the credentials as Get-AWSCredential does and keeps them for the session, wrapped, in
            # $StoredAWSCredentials; typed at the prompt, that is the global scope.
            [CmdletBinding()]
            param([string] $ProfileName, [object] $Credential)
            if (-not $Credential) { $Credential = Get-AWSCredential -ProfileName $ProfileName }
            $global:StoredAWSCredentials = [IntegrationToolsPesterFakes.AwsTools.AwsToolsShell]::Store($Credential, $ProfileName)
        }

        function Set-DefaultAWSRegion {
            # Keeps the region's system name for the session in $StoredAWSRegion (global at the prompt).
            [CmdletBinding()]
            param([Parameter(Mandatory)] [string] $Region)
            $global:StoredAWSRegion = $Region
        }

        function Clear-AWSCredential { Remove-Variable -Name StoredAWSCredentials -Scope Global -Force -ErrorAction Ignore }

        function Clear-DefaultAWSRegion { Remove-Variable -Name StoredAWSRegion -Scope Global -Force -ErrorAction Ignore }

        function Invoke-MotoAs {
            # One request to moto, signed in form (moto does not check signatures) with the given access key, region
            # and service; -AccountId adds moto's x-moto-account-id header. Returns the answer's text.
            param(
                [Parameter(Mandatory, Position = 0)] [string] $Method,
                [Parameter(Mandatory, Position = 1)] [string] $Path,
                [Parameter(Position = 2)] [string] $Body,
                [string] $ContentType = 'application/json',
                [string] $AccessKey = 'testing',
                [string] $Region = 'us-east-1',
                [string] $Service = 'apigateway',
                [string] $AccountId
            )
            $date = [System.DateTime]::UtcNow.ToString('yyyyMMdd', [System.Globalization.CultureInfo]::InvariantCulture)
            $headers = @{ Authorization = "AWS4-HMAC-SHA256 Credential=$AccessKey/$date/$Region/$Service/aws4_request, SignedHeaders=host, Signature=0" }
            if ($AccountId) { $headers['x-moto-account-id'] = $AccountId }
            $request = @{ Uri = $Endpoint.TrimEnd('/') + $Path; Method = $Method; Headers = $headers; UseBasicParsing = $true; TimeoutSec = 30; ErrorAction = 'Stop' }
            if ($PSVersionTable.PSVersion.Major -ge 6) { $request['NoProxy'] = $true; $request['SkipHeaderValidation'] = $true }
            if ($Body) {
                $request['Body'] = [System.Text.Encoding]::UTF8.GetBytes($Body)
                $request['ContentType'] = $ContentType
            }
            $ProgressPreference = 'SilentlyContinue'
            $content = (Invoke-WebRequest @request).Content
            if ($content -is [byte[]]) { $content = [System.Text.Encoding]::UTF8.GetString($content) }
            return $content
        }

        function New-MotoAccountKey {
            # An IAM user with an access key in moto's account $AccountId; returns the key pair.
            param([Parameter(Mandatory)] [string] $AccountId)
            $form = 'application/x-www-form-urlencoded'
            $null = Invoke-MotoAs POST '/' 'Action=CreateUser&UserName=it-session&Version=2010-05-08' -ContentType $form -Service iam -AccountId $AccountId
            $answer = [xml] (Invoke-MotoAs POST '/' 'Action=CreateAccessKey&UserName=it-session&Version=2010-05-08' -ContentType $form -Service iam -AccountId $AccountId)
            $key = $answer.CreateAccessKeyResponse.CreateAccessKeyResult.AccessKey
            return [pscustomobject]@{ AccountId = $AccountId; AccessKey = [string] $key.AccessKeyId; SecretKey = [string] $key.SecretAccessKey }
        }

        function New-AccountApi {
            # An HTTP API with one HTTP_PROXY integration to $Uri, in the account of $AccessKey and in $Region; returns its id.
            param([Parameter(Mandatory)] [string] $AccessKey, [Parameter(Mandatory)] [string] $Region, [Parameter(Mandatory)] [string] $Uri)
            $api = Invoke-MotoAs POST '/v2/apis' (ConvertTo-Json -Compress @{ name = "session-$Region"; protocolType = 'HTTP' }) -AccessKey $AccessKey -Region $Region | ConvertFrom-Json
            $integration = ConvertTo-Json -Compress @{ integrationType = 'HTTP_PROXY'; integrationUri = $Uri; integrationMethod = 'ANY'; payloadFormatVersion = '1.0' }
            $null = Invoke-MotoAs POST "/v2/apis/$($api.apiId)/integrations" $integration -AccessKey $AccessKey -Region $Region
            return [string] $api.apiId
        }

        function Get-IntegrationUri {
            # Get-ApiIntegration with the given parameters; returns the integrations' URIs, the debug messages (the
            # first says where region and credentials came from) and the errors.
            param([Parameter(Mandatory)] [hashtable] $Parameters)
            $DebugPreference = 'Continue'
            $records = @(Get-ApiIntegration @Parameters -EndpointUrl $Endpoint -ErrorVariable failures -ErrorAction SilentlyContinue 5>&1)
            return [pscustomobject]@{
                Uris   = @($records | Where-Object { $_ -isnot [System.Management.Automation.DebugRecord] } | ForEach-Object { $_.IntegrationUri })
                Debug  = @($records | Where-Object { $_ -is [System.Management.Automation.DebugRecord] } | ForEach-Object { $_.Message })
                Errors = @($failures)
            }
        }

        # The environment's account (moto's default) and two others, each with an API that only it can see.
        $accountB = New-MotoAccountKey -AccountId '111122223333'
        $accountC = New-MotoAccountKey -AccountId '444455556666'
        $defaultEastApi = New-AccountApi -AccessKey 'testing' -Region 'us-east-1' -Uri 'https://default-east.example.com'
        $defaultWestApi = New-AccountApi -AccessKey 'testing' -Region 'eu-west-2' -Uri 'https://default-west.example.com'
        $accountBApi = New-AccountApi -AccessKey $accountB.AccessKey -Region 'us-east-1' -Uri 'https://account-b.example.com'
        $accountCEastApi = New-AccountApi -AccessKey $accountC.AccessKey -Region 'us-east-1' -Uri 'https://account-c-east.example.com'
        $accountCWestApi = New-AccountApi -AccessKey $accountC.AccessKey -Region 'eu-west-2' -Uri 'https://account-c-west.example.com'
        $profileFile = Join-Path $TestDrive 'account-b-credentials'
        Set-Content -LiteralPath $profileFile -Encoding Ascii -Value @('[account-b]', "aws_access_key_id = $($accountB.AccessKey)", "aws_secret_access_key = $($accountB.SecretKey)")

        Mock Get-AWSCredential { [IntegrationToolsPesterFakes.AwsTools.BasicAWSCredentials]::new($accountB.AccessKey, $accountB.SecretKey) } -ParameterFilter { $ProfileName -eq 'account-b' }
        Mock Get-AWSCredential { [IntegrationToolsPesterFakes.AwsTools.BasicAWSCredentials]::new($accountC.AccessKey, $accountC.SecretKey) } -ParameterFilter { $ProfileName -eq 'account-c' }
        Mock Get-AWSCredential { [IntegrationToolsPesterFakes.AwsTools.SessionAWSCredentials]::new($accountB.AccessKey, $accountB.SecretKey, 'a-session-token') } -ParameterFilter { $ProfileName -eq 'account-b-role' }
        Mock Get-AWSCredential { [IntegrationToolsPesterFakes.AwsTools.ExpiredSSOAWSCredentials]::new() } -ParameterFilter { $ProfileName -eq 'expired-sso' }
    }

    AfterAll {
        Restore-TestAwsEnvironment -Saved $savedShell
    }

    Context '-Credential with what Get-AWSCredential returns' {

        It 'signs the requests with the keys of the profile Get-AWSCredential read' {
            $run = Get-IntegrationUri @{ ApiId = $accountBApi; Credential = (Get-AWSCredential -ProfileName account-b) }
            $run.Uris | Should -Be @('https://account-b.example.com') -Because "$($run.Errors -join ' ') $($run.Debug -join ' ')"
            $run.Debug | Where-Object { $_.Contains('credentials from the -Credential parameter') } | Should -Not -BeNullOrEmpty
            Should -Invoke Get-AWSCredential -Times 1 -Exactly -ParameterFilter { $ProfileName -eq 'account-b' }
        }

        It 'without it, the same command runs as the environment''s account, which has no such API' {
            $output = Get-ApiIntegration -ApiId $accountBApi -EndpointUrl $Endpoint -ErrorVariable notFound -ErrorAction SilentlyContinue
            $output | Should -BeNullOrEmpty
            $notFound | Should -HaveCount 1
            $notFound[0].CategoryInfo.Category | Should -Be ([System.Management.Automation.ErrorCategory]::ObjectNotFound)
        }

        It 'takes temporary credentials (an access key with a session token)' {
            $run = Get-IntegrationUri @{ ApiId = $accountBApi; Credential = (Get-AWSCredential -ProfileName account-b-role) }
            $run.Uris | Should -Be @('https://account-b.example.com') -Because "$($run.Errors -join ' ') $($run.Debug -join ' ')"
        }

        It 'takes an object of any type whose GetCredentials() returns AccessKey, SecretKey and Token' {
            $run = Get-IntegrationUri @{ ApiId = $defaultEastApi; Credential = (New-FakeAwsCredential -AccessKey 'AKIAOBJECT') }
            $run.Uris | Should -Be @('https://default-east.example.com') -Because "$($run.Errors -join ' ') $($run.Debug -join ' ')"
            $run.Debug | Where-Object { $_.Contains('credentials from the -Credential parameter') } | Should -Not -BeNullOrEmpty
        }

        It 'ends the command with SessionNoCredentials when the object cannot produce credentials (an expired SSO session)' {
            $credential = Get-AWSCredential -ProfileName expired-sso
            $thrown = { Get-ApiIntegration -ApiId $accountBApi -Credential $credential -EndpointUrl $Endpoint -ErrorAction Stop } |
                Should -Throw -PassThru
            $thrown.FullyQualifiedErrorId | Should -BeExactly 'SessionNoCredentials,IntegrationTools.Commands.GetApiIntegrationCommand'
            $thrown.CategoryInfo.Category | Should -Be ([System.Management.Automation.ErrorCategory]::AuthenticationError)
            $thrown.Exception.Message | Should -BeLike '*could not produce credentials*SSO session*expired*'
        }

        It 'is SessionNoCredentials when it is not a credentials object' {
            { Get-ApiIntegration -ApiId $accountBApi -Credential 'just a string' -EndpointUrl $Endpoint -ErrorAction Stop } |
                Should -Throw -ErrorId 'SessionNoCredentials,IntegrationTools.Commands.GetApiIntegrationCommand'
        }
    }

    Context 'the shell defaults Set-AWSCredential and Set-DefaultAWSRegion leave' {
        AfterEach {
            Clear-AWSCredential
            Clear-DefaultAWSRegion
        }

        It 'are used when no parameter is given, over the environment variables' {
            Set-AWSCredential -ProfileName account-c
            Set-DefaultAWSRegion -Region eu-west-2
            $global:StoredAWSCredentials | Should -BeOfType ([IntegrationToolsPesterFakes.AwsTools.AWSPSCredentials])
            $global:StoredAWSRegion | Should -BeExactly 'eu-west-2'

            $run = Get-IntegrationUri @{ ApiId = $accountCWestApi }
            $run.Uris | Should -Be @('https://account-c-west.example.com') -Because "$($run.Errors -join ' ') $($run.Debug -join ' ')"
            $run.Debug | Where-Object { $_.Contains('credentials from the shell default credentials (Set-AWSCredential)') } | Should -Not -BeNullOrEmpty
            $run.Debug | Where-Object { $_.Contains('region eu-west-2 from the shell default region (Set-DefaultAWSRegion)') } | Should -Not -BeNullOrEmpty
            Should -Invoke Get-AWSCredential -Times 1 -Exactly -ParameterFilter { $ProfileName -eq 'account-c' }
        }

        It 'the shell default region is used over AWS_REGION' {
            Set-DefaultAWSRegion -Region eu-west-2
            $run = Get-IntegrationUri @{ ApiId = $defaultWestApi }
            $run.Uris | Should -Be @('https://default-west.example.com') -Because "$($run.Errors -join ' ') $($run.Debug -join ' ')"
            $run.Debug | Where-Object { $_.Contains('region eu-west-2 from the shell default region (Set-DefaultAWSRegion)') } | Should -Not -BeNullOrEmpty
        }

        It 'the parameters win over them: <Case>' -ForEach @(
            @{ Case = '-Region'; Expected = 'https://account-c-east.example.com'; Parameters = { @{ ApiId = $accountCEastApi; Region = 'us-east-1' } } }
            @{ Case = '-Credential'; Expected = 'https://account-b.example.com'; Parameters = { @{ ApiId = $accountBApi; Region = 'us-east-1'; Credential = (Get-AWSCredential -ProfileName account-b) } } }
            @{ Case = '-AccessKey and -SecretKey'; Expected = 'https://account-b.example.com'; Parameters = { @{ ApiId = $accountBApi; Region = 'us-east-1'; AccessKey = $accountB.AccessKey; SecretKey = $accountB.SecretKey } } }
            @{ Case = '-ProfileName and -ProfileLocation'; Expected = 'https://account-b.example.com'; Parameters = { @{ ApiId = $accountBApi; Region = 'us-east-1'; ProfileName = 'account-b'; ProfileLocation = $profileFile } } }
        ) {
            Set-AWSCredential -ProfileName account-c
            Set-DefaultAWSRegion -Region eu-west-2
            $run = Get-IntegrationUri (& $Parameters)
            $run.Uris | Should -Be @($Expected) -Because "$($run.Errors -join ' ') $($run.Debug -join ' ')"
            $run.Debug | Where-Object { $_.Contains('region us-east-1 from the -Region parameter') } | Should -Not -BeNullOrEmpty
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

    It 'never appear in what the host shows: views, verbose, debug and error lines' {
        $text = Get-HostText {
            $DebugPreference = 'Continue'
            Get-RestIntegration $store.RestApiId -EndpointUrl $Endpoint @keys | Out-Host
            Get-RestIntegration nosuchapi -ResourceId x -HttpMethod GET -EndpointUrl $Endpoint @keys -ErrorAction Continue
            try {
                Get-ApiIntegration nosuchapi -EndpointUrl 'ftp://bad' @keys
            }
            catch {
                $_ | Out-Host
            }
        }
        $text | Should -Match ([regex]::Escape($store.RestApiId)) -Because 'the view of the listing should be in the host text'
        $text | Should -Match 'VERBOSE: '
        $text | Should -Match 'DEBUG: '
        $text | Should -Match 'nosuchapi'
        $text | Should -Match 'ftp://bad'
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
