/**
 * A closed set of values declared once, as `{ value: 'the words people read' }`: the values come from
 * the keys, in the order written (so use it for word values; integer-like keys would be sorted).
 */
export function valuesOf<Value extends string>(labels: Record<Value, string>): readonly [Value, ...Value[]] {
  return Object.keys(labels) as [Value, ...Value[]]
}

/** The label of `value` in `labels`, or the value itself when the set does not know it. */
export function labelOf(labels: Readonly<Record<string, string>>, value: string): string {
  return Object.hasOwn(labels, value) ? labels[value]! : value
}
