// Values by name, held in an array by position: the runtime fills the array (fast), the generated
// logic reads by name (`facts["member.age"]`, readable in review). Each name is a getter on a
// prototype made once per policy, which V8 inlines where the code names it: a read costs what
// reading the array would.

const VALUES: unique symbol = Symbol("values");

interface View {
  readonly [VALUES]: readonly unknown[];
}

/** Makes views of arrays of values, one getter per name (the value at that name's position). */
export function viewMaker<Values>(names: readonly string[]): (values: readonly unknown[]) => Values {
  // NOTE: no Object.prototype under the getters: a name never reads an inherited property.
  const prototype = Object.create(null) as object;
  names.forEach((name, position) => {
    Object.defineProperty(prototype, name, {
      get(this: View): unknown {
        return this[VALUES][position];
      },
      enumerable: true,
    });
  });
  return (values) => {
    const view = Object.create(prototype) as { [VALUES]: readonly unknown[] };
    view[VALUES] = values;
    return view as unknown as Values;
  };
}
