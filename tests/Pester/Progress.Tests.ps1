#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.5.0' }

# The Write-Progress records of the cmdlets: the changing cmdlets show one activity per command with the items done,
# the current target and the request rate, and complete it; a walk over a REST API's resources shows percentages.
# Progress cannot be redirected in PowerShell (there is no 4>&1 for it), so each command runs in a PowerShell object
# of its own, in a runspace with the built module imported, and the records are read from its Streams.Progress.

BeforeAll {
    Import-Module -Name (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $savedEnvironment = Set-TestAwsEnvironment
    $moto = Start-MotoServer
    $Endpoint = $moto.Endpoint

    # One runspace for the file: environment variables are the process's, so it sees the test credentials and region.
    $runspace = [System.Management.Automation.Runspaces.RunspaceFactory]::CreateRunspace()
    $runspace.Open()

    function Invoke-WithProgress {
        # Runs the script in the file's runspace with the given variables; returns Output, Errors, Progress (every
        # record, in order) and Terminating (the exception that ended the script, if one did).
        param(
            [Parameter(Mandatory)] [string] $Script,
            [System.Collections.IDictionary] $Variables = @{}
        )
        $ps = [powershell]::Create()
        try {
            $ps.Runspace = $runspace
            foreach ($name in $Variables.Keys) { $runspace.SessionStateProxy.SetVariable($name, $Variables[$name]) }
            # A local scope: a preference the script sets does not outlive it.
            $null = $ps.AddScript($Script, $true)
            $terminating = $null
            $output = @()
            try {
                $output = @($ps.Invoke())
            }
            catch {
                $terminating = $_.Exception
            }
            return [pscustomobject]@{
                Output      = $output
                Errors      = @($ps.Streams.Error)
                Progress    = @($ps.Streams.Progress)
                Terminating = $terminating
            }
        }
        finally {
            $ps.Dispose()
        }
    }

    $import = Invoke-WithProgress -Script 'Import-Module -Name $ModulePath -ErrorAction Stop' -Variables @{ ModulePath = Get-BuiltModulePath }
    if ($import.Terminating -or $import.Errors.Count -gt 0) {
        throw "The module did not import in the progress runspace: $($import.Terminating) $($import.Errors -join '; ')"
    }
}

AfterAll {
    if ($runspace) { $runspace.Dispose() }
    Stop-MotoServer -Server $moto
    Restore-TestAwsEnvironment -Saved $savedEnvironment
}

Describe 'Progress of the changing cmdlets' {

    It 'New-ApiIntegration shows one record per item with the request rate, then completes its activity' {
        $apiId = New-MotoApi -Name 'progress-new' -Endpoint $Endpoint
        $run = Invoke-WithProgress -Variables @{ ApiId = $apiId; Endpoint = $Endpoint } -Script @'
1..3 | ForEach-Object { @{ IntegrationType = 'HTTP_PROXY'; IntegrationMethod = 'ANY'; IntegrationUri = "https://p$_.example.com"; PayloadFormatVersion = '1.0' } } |
    New-ApiIntegration -ApiId $ApiId -EndpointUrl $Endpoint
'@
        $run.Terminating | Should -BeNullOrEmpty
        $run.Errors | Should -HaveCount 0
        $run.Output | Should -HaveCount 3

        $records = @($run.Progress | Where-Object { $_.Activity -eq 'New-ApiIntegration' })
        $records | Should -HaveCount 4
        @($records.ActivityId | Select-Object -Unique) | Should -HaveCount 1
        foreach ($record in $records[0..2]) {
            $record.RecordType | Should -Be ([System.Management.Automation.ProgressRecordType]::Processing)
            $record.PercentComplete | Should -Be -1 -Because 'a pipeline has no known total'
        }
        $records[0].CurrentOperation | Should -BeExactly "api/$apiId (input 1)"
        $records[1].CurrentOperation | Should -BeExactly "api/$apiId (input 2)"
        $records[0].StatusDescription | Should -BeLike '0 done, *'
        $records[1].StatusDescription | Should -BeLike '1 done, *'
        $records[1].StatusDescription | Should -BeLike '* requests/s (*'
        $records[3].RecordType | Should -Be ([System.Management.Automation.ProgressRecordType]::Completed)
        $records[3].StatusDescription | Should -BeLike '3 done, *'
    }

    It 'shows the measured rate once the command has run for half a second (paced to 4 requests/s)' {
        $apiId = New-MotoApi -Name 'progress-rate' -Endpoint $Endpoint
        $saved = Set-TestAwsEnvironment -Variables @{ INTEGRATIONTOOLS_REQUESTS_PER_SECOND = '4'; INTEGRATIONTOOLS_REQUEST_BURST = '1' }
        try {
            $run = Invoke-WithProgress -Variables @{ ApiId = $apiId; Endpoint = $Endpoint } -Script @'
1..3 | ForEach-Object { @{ IntegrationType = 'HTTP_PROXY'; IntegrationMethod = 'ANY'; IntegrationUri = "https://r$_.example.com"; PayloadFormatVersion = '1.0' } } |
    New-ApiIntegration -ApiId $ApiId -EndpointUrl $Endpoint
'@
        }
        finally {
            Restore-TestAwsEnvironment -Saved $saved
        }
        $run.Terminating | Should -BeNullOrEmpty
        $run.Errors | Should -HaveCount 0
        $records = @($run.Progress | Where-Object { $_.Activity -eq 'New-ApiIntegration' })
        $records | Should -HaveCount 4
        # The first item's requests are paced over more than half a second, so the later records carry a figure.
        $completed = $records[3]
        $status = [regex]::Match($completed.StatusDescription, '^3 done, (?<rate>\d+\.\d) requests/s \((?<sent>\d+) requests sent\)$')
        $status.Success | Should -BeTrue -Because "the status should carry a measured rate: '$($completed.StatusDescription)'"
        $rate = [double]::Parse($status.Groups['rate'].Value, [System.Globalization.CultureInfo]::InvariantCulture)
        $sent = [int] $status.Groups['sent'].Value
        $sent | Should -BeGreaterThan 3 -Because 'each item takes at least one request'
        $rate | Should -BeGreaterThan 0
        # At 4 requests/s with a burst of one, n requests take at least (n - 1) / 4 s.
        $rate | Should -BeLessOrEqual (4.4 * $sent / ($sent - 1)) -Because 'the client paces itself to 4 requests/s'
    }

    It 'Remove-RestIntegration shows the items done (no percentage) and completes its activity' {
        $store = New-PetStore -Name 'progress-remove' -Endpoint $Endpoint
        $run = Invoke-WithProgress -Variables @{ RestApiId = $store.RestApiId; Endpoint = $Endpoint } -Script @'
Get-RestIntegration $RestApiId -EndpointUrl $Endpoint | Remove-RestIntegration -Confirm:$false -EndpointUrl $Endpoint
'@
        $run.Terminating | Should -BeNullOrEmpty
        $run.Errors | Should -HaveCount 0
        $removing = @($run.Progress | Where-Object { $_.Activity -eq 'Remove-RestIntegration' })
        $removing | Should -HaveCount 4 -Because 'three integrations, then Completed'
        foreach ($record in $removing[0..2]) {
            $record.RecordType | Should -Be ([System.Management.Automation.ProgressRecordType]::Processing)
            $record.PercentComplete | Should -Be -1
        }
        $removing[3].RecordType | Should -Be ([System.Management.Automation.ProgressRecordType]::Completed)
        $removing[3].StatusDescription | Should -BeLike '3 done, *'
        # The two commands of the pipeline keep separate activities.
        $walking = @($run.Progress | Where-Object { $_.Activity -eq 'Get-RestIntegration' })
        $walking | Should -Not -BeNullOrEmpty
        $walking[0].ActivityId | Should -Not -Be $removing[0].ActivityId
    }
}

Describe 'Progress of a walk over resources' {

    It 'Get-RestIntegration shows percentages of the methods walked and completes at 100' {
        $store = New-PetStore -Name 'progress-walk' -Endpoint $Endpoint
        $run = Invoke-WithProgress -Variables @{ RestApiId = $store.RestApiId; Endpoint = $Endpoint } -Script @'
Get-RestIntegration $RestApiId -EndpointUrl $Endpoint
'@
        $run.Terminating | Should -BeNullOrEmpty
        $run.Errors | Should -HaveCount 0
        $run.Output | Should -HaveCount 3
        $records = @($run.Progress | Where-Object { $_.Activity -eq 'Get-RestIntegration' })
        @($records.PercentComplete) | Should -Be @(0, 25, 50, 75, 100)
        $records[-1].RecordType | Should -Be ([System.Management.Automation.ProgressRecordType]::Completed)
        $records[0].CurrentOperation | Should -BeExactly "restapi/$($store.RestApiId) /pets GET"
    }

    It 'writes no progress record when $ProgressPreference is SilentlyContinue' {
        $store = New-PetStore -Name 'progress-silent' -Endpoint $Endpoint
        $run = Invoke-WithProgress -Variables @{ RestApiId = $store.RestApiId; Endpoint = $Endpoint } -Script @'
$ProgressPreference = 'SilentlyContinue'
Get-RestIntegration $RestApiId -EndpointUrl $Endpoint
'@
        $run.Terminating | Should -BeNullOrEmpty
        $run.Output | Should -HaveCount 3
        $run.Progress | Should -HaveCount 0
    }
}
