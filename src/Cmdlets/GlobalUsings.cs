// The namespaces nearly every file of the cmdlet assembly uses: PowerShell's, the collections, and the engine's layers.
global using System;
global using System.Collections;
global using System.Collections.Generic;
global using System.Linq;
global using System.Management.Automation;
global using IntegrationTools.Definitions;
global using IntegrationTools.Models;
global using IntegrationTools.Operations;
global using IntegrationTools.Rules;
global using IntegrationTools.Wire;
