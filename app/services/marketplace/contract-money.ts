import type { Approximate, Approximator } from '~/services/payments/rates/approximate-amounts'
import { formatMoney } from '~/utils/format'

/** One figure of a fixed-price contract's money, ready to show: its label, amount, detail and approximation. */
export type ContractMoneyFigure = { label: string; value: string; detail?: string; approx: Approximate | null }

/**
 * The money on a fixed-price contract, made on the server (the page sends text, not arithmetic):
 * the milestones' total, what is in escrow and what was released, each with its approximation in
 * the member's display currency.
 */
export function contractMoneyFigures(
  currency: string,
  page: { milestones: { amountMinor: number; status: string }[]; escrowMinor: number; feePercent: number },
  approx: Approximator,
): ContractMoneyFigure[] {
  const sum = (released: boolean) =>
    page.milestones
      .filter((milestone) => !released || milestone.status === 'released')
      .reduce((total, milestone) => total + milestone.amountMinor, 0)
  const figure = (label: string, minor: number, detail?: string): ContractMoneyFigure => ({
    label,
    value: formatMoney(minor, currency),
    detail,
    approx: approx.of({ minor, currency }),
  })
  return [
    figure('Contract total', sum(false)),
    figure('In escrow', page.escrowMinor, 'Paid by the client, waiting for approval'),
    figure('Released', sum(true), `The freelancer receives each release less the ${page.feePercent}% platform fee`),
  ]
}
