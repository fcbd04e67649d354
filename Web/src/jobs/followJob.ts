// Follows a job until it ends: GET /api/jobs/{id} every few seconds (a Server-Sent Events stream is planned,
// README says what is not built), calling onUpdate with each new state. Returns a function that stops following.
import { api } from '../api/client';
import type { JobView } from '../api/contracts';

const pollMs = 1000;
const finished = new Set(['completed', 'failed']);

export function followJob(id: string, onUpdate: (job: JobView) => void, onError: (e: unknown) => void): () => void {
  const controller = new AbortController();
  let timer: number | undefined;
  const poll = async () => {
    try {
      const job = await api<JobView>('GET', `/api/jobs/${id}`, undefined, controller.signal);
      onUpdate(job);
      if (!finished.has(job.status)) timer = window.setTimeout(poll, pollMs);
    } catch (e) {
      if (!controller.signal.aborted) onError(e);
    }
  };
  void poll();
  return () => {
    controller.abort();
    window.clearTimeout(timer);
  };
}
