using System.Reflection;

namespace IntegrationTools.Definitions
{
    /// <summary>
    /// The property of one field on one type (a definition, a model), read and written through delegates made once from
    /// its accessors: reflection's GetValue and SetValue per value were most of the time it took to read a definition.
    /// What the delegates cannot do the same way (a value of another type, which reflection converts or refuses, a
    /// property without a getter or setter, a struct) goes through reflection as before.
    /// </summary>
    internal class FieldAccessor
    {
        protected FieldAccessor(PropertyInfo property)
        {
            Property = property;
            // A model's collections are never null: "not given" is an empty one there.
            NewWhenNull = property.ReflectedType?.Namespace == "IntegrationTools.Models"
                && property.PropertyType != typeof(string) && typeof(IEnumerable).IsAssignableFrom(property.PropertyType);
        }

        public PropertyInfo Property { get; }

        /// <summary>Null is set as a new, empty instance of the property's type (see <see cref="FieldValues.Set"/>).</summary>
        public bool NewWhenNull { get; }

        /// <summary>Whether the property takes <paramref name="value"/> as it is (no conversion).</summary>
        public virtual bool Holds(object value) => Property.PropertyType.IsInstanceOfType(value);

        /// <summary>The accessor of the public instance property <paramref name="name"/> of <paramref name="type"/>, or null.</summary>
        public static FieldAccessor? Of(Type type, string name)
        {
            var property = type.GetProperty(name, BindingFlags.Public | BindingFlags.Instance);
            if (property == null) return null;
            if (type.IsValueType || property.GetIndexParameters().Length > 0) return new FieldAccessor(property);
            return (FieldAccessor)Activator.CreateInstance(typeof(Typed<,>).MakeGenericType(type, property.PropertyType), property)!;
        }

        public virtual object? Get(object target) => Property.GetValue(target);

        public virtual void Set(object target, object? value) => Property.SetValue(target, value);

        private sealed class Typed<TTarget, TValue> : FieldAccessor where TTarget : class
        {
            private readonly Func<TTarget, TValue>? _get;
            private readonly Action<TTarget, TValue>? _set;

            public Typed(PropertyInfo property) : base(property)
            {
                var getter = property.GetGetMethod(true);
                var setter = property.GetSetMethod(true);
                if (getter != null) _get = (Func<TTarget, TValue>)Delegate.CreateDelegate(typeof(Func<TTarget, TValue>), getter);
                if (setter != null) _set = (Action<TTarget, TValue>)Delegate.CreateDelegate(typeof(Action<TTarget, TValue>), setter);
            }

            public override bool Holds(object value) => value is TValue;

            public override object? Get(object target) => _get == null ? base.Get(target) : _get((TTarget)target);

            public override void Set(object target, object? value)
            {
                // Reflection sets null as the type's default; any other value of another type it converts or refuses.
                if (_set != null && value == null) _set((TTarget)target, default!);
                else if (_set != null && value is TValue typed) _set((TTarget)target, typed);
                else base.Set(target, value);
            }
        }
    }
}
