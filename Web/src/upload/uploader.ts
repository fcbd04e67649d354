// Uppy's S3 plugin against the Api's presigned-URL endpoints (Api/Uploads): one presigned PUT for a small file,
// a multipart upload with parts in parallel for a large one. Video bytes go straight to S3, never through the Api.
import AwsS3 from '@uppy/aws-s3';
import Uppy, { type UppyFile } from '@uppy/core';
import GoldenRetriever from '@uppy/golden-retriever';
import { api } from '../api/client';
import type {
  CompletedUploadResponse, CompleteMultipartRequest, CreateUploadRequest, MultipartUploadResponse, PartUrl, PartUrlsRequest,
  PartUrlsResponse, UploadedPartsResponse, UploadLimits, UploadResponse,
} from '../api/contracts';

/** The Api's id of the upload (not S3's multipart id), kept on the Uppy file. */
export interface UploadMeta { [key: string]: unknown; apiUploadId?: string }
type Body = Record<string, never>;
type File = UppyFile<UploadMeta, Body>;

/** S3 allows 10,000 parts; the Api raises the part size so a file fits in them (UploadRules.PartSize). */
const maxParts = 10_000;
export const partSizeFor = (size: number, preferred: number) => Math.max(preferred, Math.ceil(size / maxParts));

/**
 * @param storeId names what Golden Retriever keeps in this browser (file state in localStorage, small files' bytes in
 * IndexedDB) so that a reload restores an interrupted upload: one per user, so no one resumes another user's upload.
 */
export function createUploader(limits: UploadLimits, storeId: string): Uppy<UploadMeta, Body> {
  const uppy = new Uppy<UploadMeta, Body>({
    id: storeId,
    autoProceed: false,
    // No type check here: the Api's answer (a ProblemDetails naming the field) is the one the person sees.
    restrictions: { maxNumberOfFiles: 1, maxFileSize: limits.maxUploadBytes },
  });
  // Part URLs the multipart answer already carried, by S3 upload id and part number: no extra call for them.
  const signedParts = new Map<string, Map<number, string>>();
  const remember = (multipartId: string, parts: PartUrl[]) => {
    const known = signedParts.get(multipartId) ?? new Map<number, string>();
    for (const part of parts) known.set(part.partNumber, part.url);
    signedParts.set(multipartId, known);
  };
  const apiUploadId = (file: File) => {
    if (!file.meta.apiUploadId) throw new Error('The upload was not started through the Api.');
    return file.meta.apiUploadId;
  };
  const declared = (file: File): CreateUploadRequest => ({ fileName: file.name ?? 'video', contentType: file.type, sizeBytes: file.size ?? 0 });

  // Keeps the file's state (with its S3 multipart id and the Api's upload id) across a reload; its bytes only up to
  // Golden Retriever's IndexedDB limit (10 MiB a file): for a bigger file the person picks it again (UploadPanel).
  uppy.use(GoldenRetriever<UploadMeta, Body>);
  uppy.use(AwsS3<UploadMeta, Body>, {
    // Above one part's size a multipart upload; the Api refuses a single PUT above Uploads:MaxSinglePutBytes anyway.
    shouldUseMultipart: (file) => (file.size ?? 0) > Math.min(limits.partSizeBytes, limits.maxSinglePutBytes),
    getChunkSize: (file) => partSizeFor(file.size, limits.partSizeBytes),
    limit: 4,

    async getUploadParameters(file) {
      const upload = await api<UploadResponse>('POST', '/api/uploads', declared(file));
      uppy.setFileMeta(file.id, { apiUploadId: upload.uploadId });
      return { method: 'PUT', url: upload.url, headers: upload.headers };
    },

    async createMultipartUpload(file) {
      const started = await api<MultipartUploadResponse>('POST', '/api/uploads/multipart', declared(file));
      if (started.partSizeBytes !== partSizeFor(file.size ?? 0, limits.partSizeBytes)) {
        throw new Error(`The Api chose parts of ${started.partSizeBytes} bytes; the page expected otherwise.`);
      }
      uppy.setFileMeta(file.id, { apiUploadId: started.uploadId });
      remember(started.multipartUploadId, started.parts);
      return { uploadId: started.multipartUploadId, key: started.key };
    },

    async signPart(file, { uploadId, partNumber, signal }) {
      let url = signedParts.get(uploadId)?.get(partNumber);
      if (!url) {
        // sizeBytes binds each URL to its part's length (README, Security).
        const more = await api<PartUrlsResponse>('POST', `/api/uploads/multipart/${apiUploadId(file)}/parts`,
          { multipartUploadId: uploadId, partNumbers: [partNumber], sizeBytes: file.size } satisfies PartUrlsRequest, signal);
        remember(uploadId, more.parts);
        url = more.parts[0].url;
      }
      signedParts.get(uploadId)?.delete(partNumber); // a retry asks again: the first URL may have been the problem
      return { method: 'PUT', url };
    },

    // Uppy lists the stored parts to resume an upload Golden Retriever restored after a reload, and sends only the others.
    async listParts(file, { uploadId, signal }) {
      if (!uploadId) throw new Error('There is no multipart upload to resume.');
      const stored = await api<UploadedPartsResponse>('GET',
        `/api/uploads/multipart/${apiUploadId(file)}/parts?multipartUploadId=${encodeURIComponent(uploadId)}`, undefined, signal);
      return stored.parts.map((p) => ({ PartNumber: p.partNumber, Size: p.sizeBytes, ETag: p.eTag }));
    },

    async completeMultipartUpload(file, { uploadId, parts, signal }) {
      await api<CompletedUploadResponse>('POST', `/api/uploads/multipart/${apiUploadId(file)}/complete`, {
        multipartUploadId: uploadId,
        parts: parts.map((p) => ({ partNumber: p.PartNumber!, eTag: p.ETag! })),
      } satisfies CompleteMultipartRequest, signal);
      signedParts.delete(uploadId);
      return {};
    },

    async abortMultipartUpload(file, { uploadId, signal }) {
      if (!uploadId || !file.meta.apiUploadId) return; // nothing was started at S3 yet
      signedParts.delete(uploadId);
      await api<void>('DELETE',
        `/api/uploads/multipart/${file.meta.apiUploadId}?multipartUploadId=${encodeURIComponent(uploadId)}`, undefined, signal);
    },
  });
  return uppy;
}
