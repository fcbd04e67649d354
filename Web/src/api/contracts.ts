// The Api's request and response shapes the page uses (see Api/Uploads/UploadContracts.cs, Api/Jobs/JobContracts.cs).

export interface ProblemDetails {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  code?: string;
  errors?: Record<string, string[]>;
}

export interface DevTokenResponse { accessToken: string; expiresAt: string }

export interface CreateUploadRequest { fileName: string; contentType: string; sizeBytes: number }
export interface UploadResponse {
  uploadId: string; key: string; url: string; method: string; headers: Record<string, string>; expiresAt: string;
}
export interface PartUrl { partNumber: number; url: string }
export interface MultipartUploadResponse {
  uploadId: string; key: string; multipartUploadId: string; partSizeBytes: number; partCount: number;
  parts: PartUrl[]; expiresAt: string;
}
export interface PartUrlsResponse { parts: PartUrl[]; expiresAt: string }
export interface CompletedUploadResponse { uploadId: string; key: string; sizeBytes: number }

export type CuttingMode = 'fixed' | 'random';
export type OutputMode = 'copy' | 'exact';
export type OverlayMode = 'none' | 'allSegments' | 'perSegment';
export type OverlayPosition = 'top' | 'center' | 'bottom';
export type OverlayBackground = 'outline' | 'box';

export interface CuttingOptions {
  mode: CuttingMode; segmentSeconds?: number; minSeconds?: number; maxSeconds?: number; seed?: number;
}
export interface OverlayStyle { fontSize: number; color: string; position: OverlayPosition; background: OverlayBackground }
export interface TextOverlay { mode: OverlayMode; text?: string; texts?: string[]; style?: OverlayStyle }
export interface CreateJobRequest {
  uploadId: string; cutting: CuttingOptions; output: OutputMode; overlay: TextOverlay; thumbnails: boolean;
}

export interface SegmentView {
  index: number; startSeconds: number; durationSeconds: number; sizeBytes: number; url: string; thumbnailUrl: string | null;
}
export interface JobView {
  id: string; status: string; stage: string; progress: number; method: string; createdAt: string;
  startedAt: string | null; completedAt: string | null; inputDurationSeconds: number | null;
  error: { code: string; message: string } | null; segments: SegmentView[];
}
export interface JobSummary {
  id: string; status: string; stage: string; progress: number; method: string; createdAt: string; segmentCount: number;
}
export interface JobPage { items: JobSummary[]; nextCursor: string | null }

/** What the page needs to know before an upload (GET /api/uploads/limits). */
export interface UploadLimits {
  maxUploadBytes: number; maxSinglePutBytes: number; partSizeBytes: number; allowedContentTypes: string[];
}
