# Sourced by quickstart.sh and test.sh: restores the pinned tools that the project's own files name.
# - pwsh 7.6.10, a .NET local tool (.config/dotnet-tools.json), run as `dotnet pwsh`
# - Pester 5.9.1 (and the older AWSSDK.Core of the isolation test) into the NuGet cache (tests/TestDependencies)
dotnet tool restore >/dev/null
dotnet restore tests/TestDependencies/TestDependencies.csproj --nologo -v quiet >/dev/null
