/**
 * A conditional logit: the model of one choice among a set (McFadden). Each set is the people one
 * client could have hired for one project, with the one hired; the chance of each is
 * exp(β·x) / Σ exp(β·x) over that set. Unlike a logistic regression over all rows at once, only the
 * differences between the people in the same set count, so a factor that differs between projects
 * but not within one (how many skills a project asks for, a fixed price) neither teaches nor blurs
 * anything. Fitting on the one chosen and an even sample of the others gives the same coefficients
 * as fitting on the whole set (McFadden's uniform conditioning), which keeps a fit to seconds.
 *
 * Fitted by Newton's method on standardised inputs with a small ridge penalty (which keeps a factor
 * that never varies within a set at zero instead of making the step unsolvable).
 */
import { Matrix, solve } from 'ml-matrix'

export type ChoiceSet = { rows: number[][]; chosen: number }

export type ChoiceModel = {
  /** One per feature, on the raw scale: the change in log-odds of being chosen per unit of the feature. */
  coefficients: number[]
  /** Per feature: whether it ever differed between two people of the same set (else it taught nothing). */
  varied: boolean[]
  logLikelihood: number
}

const RIDGE = 1
const MAX_STEPS = 50

export function fitChoice(sets: ChoiceSet[], width: number): ChoiceModel {
  const usable = sets.filter((s) => s.rows.length > 1 && s.chosen >= 0 && s.chosen < s.rows.length)
  if (!usable.length) throw new RangeError('Fitting a choice needs at least one set of two or more with its choice.')
  const all = usable.flatMap((s) => s.rows)
  const means = Array.from({ length: width }, (_, j) => all.reduce((sum, row) => sum + row[j]!, 0) / all.length)
  const scales = means.map(
    (mean, j) => Math.sqrt(all.reduce((sum, row) => sum + (row[j]! - mean) ** 2, 0) / all.length) || 1,
  )
  const varied = means.map((_, j) =>
    usable.some((s) => s.rows.some((row) => Math.abs(row[j]! - s.rows[0]![j]!) > 1e-9)),
  )
  const standard = usable.map((s) => ({
    rows: s.rows.map((row) => row.map((x, j) => x / scales[j]!)),
    chosen: s.chosen,
  }))
  let beta = new Array<number>(width).fill(0)
  let logLikelihood = 0
  for (let step = 0; step < MAX_STEPS; step++) {
    const gradient = beta.map((b) => -RIDGE * b)
    const hessian = Matrix.eye(width, width).mul(RIDGE)
    logLikelihood = 0
    for (const { rows, chosen } of standard) {
      const utility = rows.map((row) => row.reduce((sum, x, j) => sum + x * beta[j]!, 0))
      const top = Math.max(...utility)
      const e = utility.map((u) => Math.exp(u - top))
      const total = e.reduce((a, b) => a + b, 0)
      const p = e.map((x) => x / total)
      logLikelihood += Math.log(p[chosen]!)
      const mean = new Array<number>(width).fill(0)
      rows.forEach((row, i) => row.forEach((x, j) => (mean[j]! += p[i]! * x)))
      for (let j = 0; j < width; j++) gradient[j]! += rows[chosen]![j]! - mean[j]!
      rows.forEach((row, i) => {
        for (let a = 0; a < width; a++)
          for (let b = 0; b < width; b++)
            hessian.set(a, b, hessian.get(a, b) + p[i]! * (row[a]! - mean[a]!) * (row[b]! - mean[b]!))
      })
    }
    const change = solve(hessian, Matrix.columnVector(gradient)).to1DArray()
    beta = beta.map((b, j) => b + change[j]!)
    if (Math.max(...change.map(Math.abs)) < 1e-7) break
  }
  return { coefficients: beta.map((b, j) => b / scales[j]!), varied, logLikelihood }
}
