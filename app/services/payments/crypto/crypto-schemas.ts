import * as z from 'zod'
import { requiredText, tooShort } from '~/domain/form-fields'
import { CRYPTO_PAYMENT_CHOICES } from '../../../domain/crypto-networks'

const CHOICE_VALUES = CRYPTO_PAYMENT_CHOICES.map((choice) => choice.value) as [string, ...string[]]

/** The payer picks a coin and the network it travels on, e.g. "USDT:ethereum". */
export const CryptoChoiceSchema = z.object({
  choice: z.enum(CHOICE_VALUES, { error: 'Choose a coin and its network.' }),
})

/** A transaction reference as an admin copies it from a block explorer or a wallet. */
function transactionReference(missing: string) {
  return requiredText(missing, {
    min: [4, tooShort(missing, 4)],
    max: [200, 'A transaction reference has at most 200 characters.'],
  })
}

/** An admin confirms a sandbox payment with the transaction it came in. */
export const ConfirmCryptoPaymentSchema = z.object({
  requestId: z.string().min(1),
  txHash: transactionReference('Enter the transaction reference.'),
})

/** An admin records that a late or unmatched crypto payment was sent back. */
export const RefundCryptoReceiptSchema = z.object({
  receiptId: z.string().min(1),
  reference: transactionReference('Enter the refund transaction reference.'),
})
