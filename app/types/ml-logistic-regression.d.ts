/** ml-logistic-regression ships no types: the part MegiLance uses (one-vs-all, gradient descent). */
declare module 'ml-logistic-regression' {
  import type { Matrix } from 'ml-matrix'

  export default class LogisticRegression {
    constructor(options?: { numSteps?: number; learningRate?: number })
    classifiers: { weights: Matrix }[]
    train(X: Matrix, Y: Matrix): void
  }
}
