import * as z from 'zod'
import { DISPLAY_CURRENCY_CODES } from '~/services/payments/rates/approximate-amounts'

/** "none", or the code of a currency the shipped rates price (approximate-amounts.ts lists them). */
export const DISPLAY_CURRENCY_CHOICES = ['none', ...DISPLAY_CURRENCY_CODES] as const

/** Settings → Appearance: the currency the member's own money pages show approximate amounts in. */
export const DisplayCurrencySchema = z.object({
  displayCurrency: z.enum(DISPLAY_CURRENCY_CHOICES, {
    error: 'Choose None or one of the listed currencies, such as EUR or GBP',
  }),
})
