using System.IO;
using System.Reflection;

namespace IntegrationTools
{
    /// <summary>
    /// Loads the module's dependencies (IntegrationTools.Engine, AWSSDK.Core, YamlDotNet and their own dependencies) from the
    /// module's <c>dependencies/</c> folder. On PowerShell 7 the engine, the AWS SDK and YamlDotNet go into a load
    /// context of their own, so a different AWSSDK.Core or YamlDotNet (powershell-yaml ships one) already loaded by AWS Tools for PowerShell (or anything else) does not
    /// matter; framework assemblies (System.*) still come from PowerShell's runtime. On Windows PowerShell 5.1, which
    /// has no load contexts, they are loaded with Assembly.LoadFrom. Only names present in <c>dependencies/</c> are
    /// resolved, and only for this module's own assemblies.
    /// </summary>
    public sealed class ModuleInit : IModuleAssemblyInitializer, IModuleAssemblyCleanup
    {
        public void OnImport()
        {
            DependencyLoader.Instance.Attach();
        }

        public void OnRemove(PSModuleInfo psModuleInfo)
        {
            DependencyLoader.Instance.Detach();
        }
    }

    internal sealed class DependencyLoader
    {
        public const string LoadContextName = "IntegrationTools";

        public static readonly DependencyLoader Instance = new DependencyLoader();

        private readonly object _gate = new object();
        private readonly Dictionary<string, string> _paths = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, Assembly> _loaded = new Dictionary<string, Assembly>(StringComparer.OrdinalIgnoreCase);
        private readonly object? _loadContext;
        private readonly MethodInfo? _loadFromAssemblyPath;
        private bool _attached;

        private DependencyLoader()
        {
            var moduleDirectory = Path.GetDirectoryName(typeof(DependencyLoader).Assembly.Location) ?? ".";
            var dependencies = Path.Combine(moduleDirectory, "dependencies");
            if (Directory.Exists(dependencies))
            {
                foreach (var file in Directory.GetFiles(dependencies, "*.dll"))
                    _paths[Path.GetFileNameWithoutExtension(file)] = file;
            }

            // netstandard2.0 has no AssemblyLoadContext type: reach it by reflection where the runtime has it.
            var alcType = Type.GetType("System.Runtime.Loader.AssemblyLoadContext", throwOnError: false);
            var constructor = alcType?.GetConstructor(new[] { typeof(string), typeof(bool) });
            if (alcType != null && constructor != null)
            {
                _loadContext = constructor.Invoke(new object[] { LoadContextName, false });
                _loadFromAssemblyPath = alcType.GetMethod("LoadFromAssemblyPath", new[] { typeof(string) });
                // Load the isolated set up front: a load context looks in its own cache before it asks the default
                // context, so the engine binds to these copies whatever AWSSDK.Core the session already holds.
                foreach (var name in _paths.Keys)
                {
                    if (IsIsolated(name)) Load(name);
                }
            }
        }

        /// <summary>True on PowerShell 7 (the dependencies live in their own load context).</summary>
        public bool IsIsolated(string name) =>
            _loadContext != null
            && (name.StartsWith("IntegrationTools.", StringComparison.OrdinalIgnoreCase) || name.StartsWith("AWSSDK.", StringComparison.OrdinalIgnoreCase)
                || string.Equals(name, "YamlDotNet", StringComparison.OrdinalIgnoreCase));

        public void Attach()
        {
            lock (_gate)
            {
                if (_attached) return;
                AppDomain.CurrentDomain.AssemblyResolve += OnAssemblyResolve;
                _attached = true;
            }
        }

        public void Detach()
        {
            lock (_gate)
            {
                if (!_attached) return;
                AppDomain.CurrentDomain.AssemblyResolve -= OnAssemblyResolve;
                _attached = false;
            }
        }

        private Assembly? OnAssemblyResolve(object? sender, ResolveEventArgs args)
        {
            var name = new AssemblyName(args.Name).Name;
            if (name == null || !_paths.ContainsKey(name)) return null;
            if (!IsOurs(args.RequestingAssembly, name)) return null;
            return Load(name);
        }

        private bool IsOurs(Assembly? requesting, string requestedName)
        {
            if (requesting == null)
                return requestedName.StartsWith("IntegrationTools.", StringComparison.OrdinalIgnoreCase);
            if (requesting == typeof(DependencyLoader).Assembly) return true;
            lock (_gate)
            {
                foreach (var loaded in _loaded.Values)
                    if (loaded == requesting) return true;
            }
            return false;
        }

        private Assembly? Load(string name)
        {
            lock (_gate)
            {
                if (_loaded.TryGetValue(name, out var existing)) return existing;
                if (!_paths.TryGetValue(name, out var path)) return null;
                var assembly = _loadContext != null && _loadFromAssemblyPath != null
                    ? (Assembly)_loadFromAssemblyPath.Invoke(_loadContext, new object[] { path })
                    : Assembly.LoadFrom(path);
                _loaded[name] = assembly;
                return assembly;
            }
        }
    }
}
