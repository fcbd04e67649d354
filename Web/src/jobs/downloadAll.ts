// Every segment of a job in one ZIP, made in the browser by client-zip from the segments' presigned URLs (the bucket's
// CORS allows GET): no Api endpoint, and no token in any URL. The segments are fetched one after another while the
// archive is written, stored as they are (MP4 is already compressed). The archive is saved from a blob: URL, so the
// browser holds it whole until it is saved (Chromium keeps large blobs on disk).
import { downloadZip } from 'client-zip';
import type { SegmentView } from '../api/contracts';
import { saveFile } from './saveFile';

/** The name a segment's file gets, alone or in the archive. */
export const segmentFileName = (segment: SegmentView) => `segment-${segment.index + 1}.mp4`;

export async function fetchSegment(segment: SegmentView): Promise<Response> {
  const response = await fetch(segment.url);
  if (!response.ok) throw new Error(`Storage answered ${response.status} for segment ${segment.index + 1}.`);
  return response;
}

async function* segmentFiles(segments: SegmentView[]) {
  for (const segment of segments) {
    yield { name: segmentFileName(segment), input: await fetchSegment(segment), size: segment.sizeBytes };
  }
}

export async function downloadAll(jobId: string, segments: SegmentView[]): Promise<void> {
  const archive = downloadZip(segmentFiles(segments));
  saveFile(await archive.blob(), `job-${jobId}-segments.zip`);
}
