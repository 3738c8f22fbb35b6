/** A span of time in epoch milliseconds, start inclusive, end exclusive. */
export type Interval = { start: number; end: number }

/** Sorted, with touching or overlapping spans joined. */
export function mergeIntervals(intervals: readonly Interval[]): Interval[] {
  const sorted = [...intervals].filter((span) => span.end > span.start).sort((a, b) => a.start - b.start)
  const merged: Interval[] = []
  for (const span of sorted) {
    const last = merged.at(-1)
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end)
    else merged.push({ ...span })
  }
  return merged
}

/** The time covered by both lists. */
export function intersectIntervals(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const left = mergeIntervals(a)
  const right = mergeIntervals(b)
  const both: Interval[] = []
  let i = 0
  let j = 0
  while (i < left.length && j < right.length) {
    const start = Math.max(left[i]!.start, right[j]!.start)
    const end = Math.min(left[i]!.end, right[j]!.end)
    if (end > start) both.push({ start, end })
    if (left[i]!.end < right[j]!.end) i++
    else j++
  }
  return both
}

export function overlaps(a: Interval, b: Interval): boolean {
  return a.start < b.end && b.start < a.end
}

/** Whether `span` lies wholly inside one of `within`. */
export function isCovered(span: Interval, within: readonly Interval[]): boolean {
  return mergeIntervals(within).some((free) => free.start <= span.start && span.end <= free.end)
}
