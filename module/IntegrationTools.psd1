@{
    RootModule           = 'IntegrationTools.dll'
    ModuleVersion        = '{{ModuleVersion}}'
    GUID                 = '5d0f1c7e-3b9a-4f2e-9a51-6c0b8e2d7a43'
    Author               = 'IntegrationTools contributors'
    CompanyName          = 'IntegrationTools'
    Copyright            = '(c) IntegrationTools contributors. All rights reserved.'
    Description          = 'Create, read, change, validate and test AWS API Gateway integrations: REST APIs (v1) and HTTP and WebSocket APIs (v2).'
    PowerShellVersion    = '5.1'
    CompatiblePSEditions = @('Desktop', 'Core')
    DotNetFrameworkVersion = '4.7.2'
    CmdletsToExport      = @(
        'ConvertFrom-IntegrationDefinition'
        'Export-IntegrationDefinition'
        'Get-ApiIntegration'
        'Get-ApiIntegrationResponse'
        'Get-RestIntegration'
        'Get-RestIntegrationResponse'
        'Import-IntegrationDefinition'
        'New-ApiIntegration'
        'New-ApiIntegrationResponse'
        'Remove-ApiIntegration'
        'Remove-ApiIntegrationResponse'
        'Remove-RestIntegration'
        'Remove-RestIntegrationResponse'
        'Set-ApiIntegration'
        'Set-RestIntegration'
        'Set-RestIntegrationResponse'
        'Test-ApiIntegration'
        'Update-RestIntegration'
    )
    FunctionsToExport    = @()
    AliasesToExport      = @()
    VariablesToExport    = @()
    TypesToProcess       = @(
        'IntegrationTools.Types.ps1xml'
    )
    FormatsToProcess     = @(
        'formats/IntegrationTools.Models.RestIntegration.Format.ps1xml'
        'formats/IntegrationTools.Models.RestIntegrationResponse.Format.ps1xml'
        'formats/IntegrationTools.Models.ApiIntegration.Format.ps1xml'
        'formats/IntegrationTools.Models.ApiIntegrationResponse.Format.ps1xml'
        'formats/IntegrationTools.Models.Finding.Format.ps1xml'
        'formats/IntegrationTools.Models.TestInvokeResult.Format.ps1xml'
    )
    PrivateData          = @{
        PSData = @{
            Tags         = @('AWS', 'APIGateway', 'ApiGateway', 'Integration', 'Lambda', 'REST', 'HTTP', 'WebSocket', 'PSEdition_Desktop', 'PSEdition_Core', 'Windows', 'Linux', 'MacOS')
            ProjectUri   = 'https://example.invalid/IntegrationTools'
            LicenseUri   = 'https://example.invalid/IntegrationTools/LICENSE'
            ReleaseNotes = 'See CHANGELOG.md in the project repository.'
        }
    }
}
