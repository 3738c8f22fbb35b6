import { json } from '~/http/json.server'
import { checkDatabase } from '~/models/health.server'

export async function loader() {
  const database = await checkDatabase()
  return json(
    { status: database ? 'ok' : 'unavailable', database },
    { status: database ? 200 : 503, headers: { 'Cache-Control': 'no-store' } },
  )
}
