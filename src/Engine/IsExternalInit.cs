// netstandard2.0 lacks the marker type the compiler needs for init accessors, and so for records. Declared here, internal,
// it lets the engine's own small value types be records; nothing outside the engine sees it.
namespace System.Runtime.CompilerServices
{
    internal static class IsExternalInit
    {
    }
}
