import { useCallback, useEffect, useRef, useState } from 'react';
import type { OptimizeJobStatus, RequestOf } from '../../../../shared/ipc/contract';
import { api } from '../../api/api';

/** What the view asks of one solve (the plan is added by the caller). */
export type JobRequest = RequestOf<'optimize:start'>;

/** A solve as the view sees it: not started, waiting for its id, running (with progress), or settled. */
export type JobState =
  | { phase: 'idle' }
  | { phase: 'starting' }
  | { phase: 'running'; status: OptimizeJobStatus }
  | { phase: 'settled'; status: OptimizeJobStatus }
  | { phase: 'error'; message: string };

const POLL_MS = 250;

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Runs optimiser jobs in main (or the preview server) and polls them: `run` resolves with the settled status, so
 * a caller can chain strategies; `cancel` asks the running job to stop and keep its best schedule.
 * Why polling: the same handlers serve Electron IPC and the preview's HTTP, which has no push channel.
 */
export function useOptimizeJob() {
  const [state, setState] = useState<JobState>({ phase: 'idle' });
  const jobId = useRef<string | null>(null);
  const alive = useRef(true);
  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
      // Leaving the view stops the solve: nobody would see its result.
      if (jobId.current) void api.optimize.cancel({ jobId: jobId.current }).catch(() => undefined);
    };
  }, []);

  const run = useCallback(async (request: JobRequest): Promise<OptimizeJobStatus | null> => {
    setState({ phase: 'starting' });
    try {
      const { jobId: id } = await api.optimize.start(request);
      jobId.current = id;
      for (;;) {
        const status = await api.optimize.status({ jobId: id });
        if (!alive.current) return null;
        if (status.state !== 'running') {
          jobId.current = null;
          setState({ phase: 'settled', status });
          return status;
        }
        setState({ phase: 'running', status });
        await new Promise((r) => setTimeout(r, POLL_MS));
      }
    } catch (error) {
      jobId.current = null;
      if (alive.current) setState({ phase: 'error', message: message(error) });
      return null;
    }
  }, []);

  const cancel = useCallback(async () => {
    const id = jobId.current;
    if (!id) return;
    try {
      await api.optimize.cancel({ jobId: id });
    } catch (error) {
      setState({ phase: 'error', message: message(error) });
    }
  }, []);

  const reset = useCallback(() => setState({ phase: 'idle' }), []);

  return { state, run, cancel, reset };
}
