import type { Confidence } from './price-suggestion'

// Apart from price-suggestion.ts, whose zod schema would otherwise come with it into the browser.
export const CONFIDENCE_LABELS: Record<Confidence, string> = {
  none: 'No data yet',
  low: 'Low confidence',
  medium: 'Medium confidence',
  high: 'High confidence',
}
