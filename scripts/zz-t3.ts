import { fitMatchingWeights, hireSamples, loadHiringData } from '~/services/ai/matching-model.server'
import { evenSample } from '~/services/ai/logistic'
let t = performance.now()
const lap = (k: string) => { console.log(k, (performance.now() - t).toFixed(0), 'ms'); t = performance.now() }
const data = await loadHiringData(); lap('load')
const rows = hireSamples(data, evenSample(data.projects, 500)); lap(`samples ${rows.length}`)
fitMatchingWeights(rows); lap('fit')
