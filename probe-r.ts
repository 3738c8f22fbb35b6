import { findMisspellings } from '~/services/quality/spelling.server'
import { checkText, LENGTH_RULES } from '~/services/quality/text-checks'
import { suggestSkills } from '~/services/ai/semantic-skills.server'
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000 }
findMisspellings('warm up')
const n = Number(process.argv[3] ?? 10000)
const t = ({ at: 'a@'.repeat(n / 2), sp: ' '.repeat(n - 1) + 'x', www: 'www.' + 'a'.repeat(n - 4), aa: 'a '.repeat(n / 2), ab: 'ab-'.repeat(n / 3), ap: "a'".repeat(n / 2), lt: 'aaaa'.repeat(n/4) } as Record<string, string>)[process.argv[2]!]!
let c = cpu(); findMisspellings(t); console.log(process.argv[2], n, 'misspell', (cpu() - c).toFixed(0))
c = cpu(); checkText('d', t, LENGTH_RULES.projectDescription, true); console.log('checkText', (cpu() - c).toFixed(0))
c = cpu(); suggestSkills(t, { limit: 40 }); console.log('suggestSkills', (cpu() - c).toFixed(0))
process.exit(0)
