/**
 * Logistic regression through ml-logistic-regression (batch gradient descent). The inputs are
 * standardised first (so one learning rate suits every feature) and a constant column carries the
 * intercept; the stored model keeps the scaling so predictions and reasons need no library.
 */
import LogisticRegression from 'ml-logistic-regression'
import { Matrix } from 'ml-matrix'

export type LogisticModel = {
  features: string[]
  means: number[]
  scales: number[]
  intercept: number
  /** One per feature, on the standardised scale (a change of one standard deviation). */
  coefficients: number[]
}

export function fitLogistic(rows: number[][], labels: number[], features: string[], steps = 300): LogisticModel {
  if (!rows.length || new Set(labels).size < 2) throw new RangeError('Fitting needs both outcomes among the rows.')
  const width = features.length
  const means = features.map((_, j) => rows.reduce((sum, row) => sum + row[j]!, 0) / rows.length)
  const scales = features.map((_, j) => {
    const variance = rows.reduce((sum, row) => sum + (row[j]! - means[j]!) ** 2, 0) / rows.length
    return Math.sqrt(variance) || 1
  })
  const X = new Matrix(rows.map((row) => [1, ...row.map((x, j) => (x - means[j]!) / scales[j]!)]))
  const Y = Matrix.columnVector(labels.map((label) => (label ? 1 : 0)))
  // The library sums the gradient over the rows: divide the step by their number.
  const regression = new LogisticRegression({ numSteps: steps, learningRate: 2 / rows.length })
  regression.train(X, Y)
  // One-vs-all: the first classifier separates class 0 (target 0) from the rest (target 1), so it gives P(label 1).
  const weights = regression.classifiers[0]!.weights.to1DArray()
  return { features, means, scales, intercept: weights[0]!, coefficients: weights.slice(1, width + 1) }
}

/** Each feature's push on the log-odds against an average case (coefficient × standardised value). */
export function contributions(model: LogisticModel, x: number[]): number[] {
  return model.coefficients.map((c, j) => (c * (x[j]! - model.means[j]!)) / model.scales[j]!)
}

export function predictLogistic(model: LogisticModel, x: number[]): number {
  const z = model.intercept + contributions(model, x).reduce((a, b) => a + b, 0)
  return 1 / (1 + Math.exp(-z))
}

/** Area under the ROC curve: the chance a random positive scores above a random negative (ties half). */
export function areaUnderCurve(scores: number[], labels: number[]): number {
  const order = scores.map((score, i) => ({ score, label: labels[i]! })).sort((a, b) => a.score - b.score)
  let positives = 0
  let rankSum = 0
  for (let i = 0; i < order.length;) {
    let j = i
    while (j < order.length && order[j]!.score === order[i]!.score) j++
    const meanRank = (i + 1 + j) / 2
    for (let k = i; k < j; k++)
      if (order[k]!.label) {
        positives++
        rankSum += meanRank
      }
    i = j
  }
  const negatives = order.length - positives
  if (!positives || !negatives) return Number.NaN
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives)
}

/** An evenly spread subset of at most `max` rows (the same every time), to bound a fit's time. */
export function evenSample<T>(rows: T[], max: number): T[] {
  if (rows.length <= max) return rows
  const step = rows.length / max
  return Array.from({ length: max }, (_, i) => rows[Math.floor(i * step)]!)
}
