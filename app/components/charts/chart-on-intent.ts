import { useSyncExternalStore } from 'react'
import type * as ChartRuntimeModule from './chart-runtime'

type ChartRuntime = typeof ChartRuntimeModule

/**
 * chart.js (58 KB gzip) is fetched on intent, not with the page: the first time a reader reaches for
 * a chart (the pointer enters it, it is tapped or it gets keyboard focus). Until then the server's SVG
 * and table are the chart. Once loaded, every chart on the page (and on later pages) is drawn by it.
 */
let runtime: ChartRuntime | null = null
let loading: Promise<void> | null = null
const listeners = new Set<() => void>()

export function loadChartRuntime(): void {
  if (runtime || loading) return
  loading = import('./chart-runtime').then(
    (module) => {
      runtime = module
      for (const listener of listeners) listener()
    },
    () => {
      // A failed fetch (offline, a deploy replaced the chunk): the SVG stays, the next touch retries.
      loading = null
    },
  )
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** The chart.js runtime once some chart on the page asked for it; null before (and on the server). */
export function useChartRuntime(): ChartRuntime | null {
  return useSyncExternalStore(
    subscribe,
    () => runtime,
    () => null,
  )
}
