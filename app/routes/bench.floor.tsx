import { json } from '~/http/json.server'
import { getEnv } from '~/utils/env.server'

/**
 * The benchmark floor: the smallest page this server renders (root layout, no data of its own).
 * It exists only when ENABLE_BENCH_ROUTES is set.
 */
export async function loader() {
  if (!getEnv().ENABLE_BENCH_ROUTES) throw new Response('Not found', { status: 404 })
  return json(null)
}

export default function BenchFloor() {
  return (
    <main id="main" className="page page--narrow">
      <p>ok</p>
    </main>
  )
}
