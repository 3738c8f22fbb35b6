import * as z from 'zod'
import { oneLine, requiredText } from '~/domain/form-fields'

const MAX_PORTFOLIO_LINKS = 5
export { MAX_PORTFOLIO_IMAGES } from './portfolio-limits'
export const MAX_PORTFOLIO_IMAGE_BYTES = 5_000_000
export const MAX_PORTFOLIO_ITEMS = 30

/** Splits the links field (one per line, or separated by commas or spaces) into its entries. */
export function splitLinks(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map((link) => link.trim())
    .filter(Boolean)
}

function isWebAddress(text: string): boolean {
  try {
    const url = new URL(text)
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.includes('.')
  } catch {
    return false
  }
}

/** The add/edit form of a work sample; the image files are checked separately (by their bytes). */
export const PortfolioItemSchema = z.object({
  title: oneLine(
    requiredText('Give the work a title', {
      min: [2, 'Use at least 2 characters'],
      max: [120, 'Use at most 120 characters'],
    }),
    'Keep the title on one line, without line breaks or control characters',
  ),
  description: z.string().trim().max(2000, 'Use at most 2,000 characters').default(''),
  links: z
    .string()
    .trim()
    .max(2000, 'Use at most 2,000 characters')
    .default('')
    .superRefine((text, ctx) => {
      const links = splitLinks(text)
      const bad = links.filter((link) => !isWebAddress(link))
      if (bad.length) ctx.addIssue({ code: 'custom', message: `Not a web address (use https://…): ${bad.join(', ')}` })
      if (links.length > MAX_PORTFOLIO_LINKS)
        ctx.addIssue({ code: 'custom', message: `Add at most ${MAX_PORTFOLIO_LINKS} links` })
    }),
})

export const RemoveImageSchema = z.object({ uploadId: z.string().min(1) })
