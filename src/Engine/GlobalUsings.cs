// The framework namespaces nearly every engine file uses. The engine's own layers stay named in each file's using lines,
// so a file's header still shows which layers below it the file reads.
global using System;
global using System.Collections;
global using System.Collections.Generic;
global using System.Linq;
global using System.Threading;
global using System.Threading.Tasks;
