import { median } from 'simple-statistics'
import { callFiguresSince, listCallsSince, listLiveCalls, storedRecordings } from '~/models/call-monitoring.server'
import { CALL_MONITORING_PERIODS } from '~/domain/call-monitoring-filters'

const PAGE_SIZE = 50
/** A browser that has not reached the signalling server this long after admission never will. */
const CONNECT_WITHIN_MS = 2 * 60_000

type CallRow = Awaited<ReturnType<typeof listLiveCalls>>[number]

/** "id\u0001name" pairs joined by "\u0002" (models/call-monitoring.server.ts) as people. */
function peopleOf(people: string | null): { id: string; name: string }[] {
  if (!people) return []
  return people.split('\u0002').map((pair) => {
    const [id = '', name = ''] = pair.split('\u0001')
    return { id, name }
  })
}

function describeCall(row: CallRow, now: Date) {
  return {
    id: row.id,
    title: row.title,
    contractId: row.contractId,
    startedAt: row.startedAt,
    durationMs: Math.max(0, (row.endedAt ?? now).getTime() - row.startedAt.getTime()),
    ongoing: row.endedAt === null,
    people: peopleOf(row.people),
    connectedNow: row.connectedNow,
    neverConnected: row.neverConnected,
    recording: row.recordingRunning ? ('running' as const) : row.recordingsKept > 0 ? ('kept' as const) : null,
  }
}

/**
 * What an admin watches of calls, without ever seeing or hearing one: the calls going on now, the
 * period's figures (calls, time, how many browsers never connected, calls nobody else joined), the
 * recordings stored, and the period's calls with who connected.
 */
export async function callMonitoringPage(
  filter: { period: keyof typeof CALL_MONITORING_PERIODS; page: number },
  now = new Date(),
) {
  const since = new Date(now.getTime() - CALL_MONITORING_PERIODS[filter.period] * 3_600_000)
  const connectBy = new Date(now.getTime() - CONNECT_WITHIN_MS)
  const [live, figures, recordings, calls] = await Promise.all([
    listLiveCalls(connectBy),
    callFiguresSince(since, connectBy),
    storedRecordings(),
    listCallsSince(since, connectBy, { page: filter.page, pageSize: PAGE_SIZE }),
  ])
  const totalMs = figures.durationsMs.reduce((sum, ms) => sum + ms, 0)
  return {
    since,
    live: live.map((row) => describeCall(row, now)),
    figures: {
      started: figures.started,
      totalMs,
      medianMs: figures.durationsMs.length ? median(figures.durationsMs) : null,
      aloneCalls: figures.aloneCalls,
      admitted: figures.admitted,
      neverConnected: figures.neverConnected,
    },
    recordings,
    calls: calls.map((row) => describeCall(row, now)),
    total: figures.started,
    pageSize: PAGE_SIZE,
  }
}
