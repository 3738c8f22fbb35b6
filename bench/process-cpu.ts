/**
 * CPU time used by a process and all its descendants (the server's primary and its web workers),
 * read from /proc. On a machine shared with other work, wall-clock figures include waiting for a
 * CPU; CPU time per request does not. Null where there is no /proc (not Linux).
 */
import fs from 'node:fs'

/** Linux reports utime and stime in clock ticks, 100 per second on every common kernel. */
const TICKS_PER_SECOND = 100

/** What the primary tells the process it forks to run the scheduled jobs (server/cluster/primary.ts). */
const JOB_PROCESS_ENV = 'MEGILANCE_WORKER_ROLE=jobs'

export function processTreeCpuMs(rootPid: number | undefined): number | null {
  if (rootPid === undefined || !fs.existsSync('/proc/self/stat')) return null
  const children = new Map<number, number[]>()
  const ticks = new Map<number, number>()
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue
    let stat: string
    try {
      stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8')
    } catch {
      continue // the process ended while we looked
    }
    // Fields after the command name, which is in parentheses and may hold spaces.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    const pid = Number(name)
    const parent = Number(fields[1])
    ticks.set(pid, Number(fields[11]) + Number(fields[12]))
    children.set(parent, [...(children.get(parent) ?? []), pid])
  }
  let total = 0
  const queue = [rootPid]
  while (queue.length) {
    const pid = queue.pop()!
    total += ticks.get(pid) ?? 0
    queue.push(...(children.get(pid) ?? []))
  }
  return (total * 1000) / TICKS_PER_SECOND
}

/** The job process the server `primaryPid` forked (it serves no requests), if there is one now. */
export function jobProcessPid(primaryPid: number | undefined): number | undefined {
  if (primaryPid === undefined || !fs.existsSync('/proc/self/stat')) return undefined
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8')
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) !== primaryPid) continue
      if (fs.readFileSync(`/proc/${name}/environ`, 'utf8').split('\0').includes(JOB_PROCESS_ENV)) return Number(name)
    } catch {
      // The process ended while we looked.
    }
  }
  return undefined
}

/**
 * CPU time (ms) of a server's web side (the primary and its web workers) and of its job process
 * apart, or null without /proc: the jobs' work is not the pages' work. A server of one process
 * (one web worker, no jobs) is all web.
 */
export function serverCpuMs(primaryPid: number | undefined): { web: number; jobs: number } | null {
  const all = processTreeCpuMs(primaryPid)
  if (all === null) return null
  const jobs = processTreeCpuMs(jobProcessPid(primaryPid)) ?? 0
  return { web: all - jobs, jobs }
}
