// Follows a job until it ends: the Api's Server-Sent Events stream (GET /api/jobs/{id}/events) while it lasts,
// then GET /api/jobs/{id} every few seconds if the stream drops before the job ended. Returns a function that stops.
// Segments arrive one by one while the job runs ("segment" events, or the view's list when polling), each kept by index.
import { api } from '../api/client';
import type { JobProgressEvent, JobView, SegmentView } from '../api/contracts';
import { session } from '../auth/session';
import { readServerSentEvents } from './serverSentEvents';

const pollMs = 2000;
const finished = (job: JobView) => job.status === 'completed' || job.status === 'failed';

/** The segments with one more, in index order; a segment sent again (a reconnect, a retried attempt) replaces its index. */
function withSegment(segments: SegmentView[], segment: SegmentView): SegmentView[] {
  return [...segments.filter((s) => s.index !== segment.index), segment].sort((a, b) => a.index - b.index);
}

export function followJob(id: string, onUpdate: (job: JobView) => void, onError: (e: unknown) => void): () => void {
  const controller = new AbortController();
  let timer: number | undefined;
  let latest: JobView | undefined;
  const update = (job: JobView) => {
    latest = job;
    onUpdate(job);
  };

  const poll = async () => {
    try {
      const job = await api<JobView>('GET', `/api/jobs/${id}`, undefined, controller.signal);
      update(job);
      if (!finished(job)) timer = window.setTimeout(poll, pollMs);
    } catch (e) {
      if (!controller.signal.aborted) onError(e);
    }
  };

  const stream = async () => {
    // The full view first (options, times), then the stream's changes applied to it.
    update(await api<JobView>('GET', `/api/jobs/${id}`, undefined, controller.signal));
    if (finished(latest!)) return true;
    const response = await fetch(`/api/jobs/${id}/events`, {
      headers: { Accept: 'text/event-stream', Authorization: `Bearer ${session.value?.accessToken ?? ''}` },
      signal: controller.signal,
    });
    if (!response.ok || !response.body) return false;
    for await (const message of readServerSentEvents(response.body)) {
      if (message.event === 'segment') {
        update({ ...latest!, segments: withSegment(latest!.segments, JSON.parse(message.data) as SegmentView) });
      } else if (message.event === 'progress') {
        const progress = JSON.parse(message.data) as JobProgressEvent;
        update({ ...latest!, ...progress });
      } else if (message.event === 'done') {
        update(JSON.parse(message.data) as JobView);
        return true;
      }
    }
    return false; // the stream ended before the job did
  };

  stream()
    .catch(() => false) // a failed stream is no error to show: polling takes over and reports its own
    .then((ended) => {
      if (!ended && !controller.signal.aborted) void poll();
    });
  return () => {
    controller.abort();
    window.clearTimeout(timer);
  };
}
