/**
 * CPU time used by a process and all its descendants (the server's primary and its web workers),
 * read from /proc. On a machine shared with other work, wall-clock figures include waiting for a
 * CPU; CPU time per request does not. Null where there is no /proc (not Linux).
 */
import fs from 'node:fs'

/** Linux reports utime and stime in clock ticks, 100 per second on every common kernel. */
const TICKS_PER_SECOND = 100

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
