import { askPrimary, inCluster, tellPrimary } from './ipc.server'

/**
 * Runs `work` holding the cluster-wide lock named `key`: the primary grants it to one worker at a
 * time, in the order asked, and frees it if that worker exits. Outside a cluster it just runs.
 */
export async function withClusterLock<T>(key: string, work: () => Promise<T>): Promise<T> {
  if (!inCluster()) return work()
  const granted = await askPrimary({ megilance: 'lock', key })
  try {
    return await work()
  } finally {
    tellPrimary({ megilance: 'unlock', key, grant: granted.grant })
  }
}
