import { searchHelp } from '~/services/help/search'
import { HELP_TOPICS, withFee } from '~/services/help/topics'
const help = async ({ request }: any) => { const q = (new URL(request.url).searchParams.get('q') ?? '').trim().slice(0, 100); searchHelp(q, withFee(HELP_TOPICS, 10)); return { status: 200 } }
import { loader as freelancers } from '~/routes/_browse.freelancers._index'
import { loader as market } from '~/routes/_browse.market'
const ctx = { cspNonce: '', clientIp: '203.0.113.7' }
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000 }
const gib = Array.from({length: 33}, (_, i) => 'bcdfghjklmnpqrstvwxz'.slice(i % 15, i % 15 + 5)).join(' ')
const cases: [any, string][] = [
  [help, '/help?q=' + encodeURIComponent('a'.repeat(100))],
  [help, '/help?q=' + encodeURIComponent('a b c d e f g h i j k l m n o p q r s t u v w x y z a b c d e f g h i j k l m n o p q r s t')],
  [freelancers, '/freelancers?q=' + encodeURIComponent(gib)],
  [freelancers, '/freelancers?q=a'],
  [freelancers, '/freelancers?q=a+b+c+d+e+f+g+h&min=0&max=99999999&sort=rate_low&page=500'],
  [market, '/market?skill=' + encodeURIComponent('x'.repeat(5000))],
]
for (const [fn, path] of cases) for (const rep of [0, 1]) {
  const c = cpu(); let st = 0
  try { const r = await fn({ request: new Request('http://localhost' + path), params: {}, context: ctx }); st = r.status ?? 200 } catch (e: any) { st = e?.status ?? -1; if (!(e instanceof Response)) console.log(e) }
  if (rep) console.log(st, (cpu() - c).toFixed(0), 'ms cpu', path.slice(0, 80))
}
process.exit(0)
