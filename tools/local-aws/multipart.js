// Multipart uploads in the embedded S3 as S3 does them (required by server.js before s3rver starts).
// s3rver 3.7.1 completes a multipart upload by its id alone, whatever key the request names, crashes
// the whole process when a listed part was never uploaded, answers 405 to AbortMultipartUpload and to
// ListParts (GET /bucket/key?uploadId=...). S3 answers NoSuchUpload (404) for an id that is unknown or
// not the key's, InvalidPart for a missing part, aborts by removing the parts, and lists the stored
// parts page by page; make s3rver do the same, so callers see S3's behaviour.
'use strict';

const path = require('path');
const fs = require('fs');
const S3Error = require('s3rver/lib/models/error');
const { DUMMY_ACCOUNT } = require('s3rver/lib/models/account');

/** S3's page size for ListParts, and its largest. */
const MAX_PARTS = 1000;

function bindMultipartUploadsLikeS3() {
  const objectCtrl = require('s3rver/lib/controllers/object');
  const routes = require('s3rver/lib/routes');
  const FilesystemStore = require('s3rver/lib/stores/filesystem');

  const completeMultipartUpload = objectCtrl.completeMultipartUpload;
  objectCtrl.completeMultipartUpload = async function (ctx) {
    await uploadDirOf(ctx);
    return completeMultipartUpload(ctx);
  };

  // DELETE /bucket/key?uploadId=...: the route's own handler only knows DeleteObject (else 405).
  replaceRouteHandler(routes, 'DELETE', (deleteObject) => async function (ctx, next) {
    if (ctx.params.queryMethod !== 'uploadId') return deleteObject(ctx, next);
    const uploadDir = await uploadDirOf(ctx);
    await fs.promises.rm(uploadDir, { recursive: true, force: true });
    ctx.status = 204;
    return undefined;
  });

  // GET /bucket/key?uploadId=...: the route's own handler knows GetObject and a few sub-resources (else 405).
  replaceRouteHandler(routes, 'GET', (getObject) => async function (ctx, next) {
    if (ctx.params.queryMethod !== 'uploadId') return getObject(ctx, next);
    ctx.body = await listParts(ctx);
    return undefined;
  });

  const putObjectMultipart = FilesystemStore.prototype.putObjectMultipart;
  FilesystemStore.prototype.putObjectMultipart = async function (bucket, uploadId, parts) {
    const uploadDir = path.join(this.getResourcePath(bucket, undefined, 'uploads'), uploadId);
    for (const part of parts) {
      if (!Number.isInteger(part.number) || !fs.existsSync(path.join(uploadDir, String(part.number)))) {
        throw new S3Error('InvalidPart',
          'One or more of the specified parts could not be found. The part may not have been uploaded.',
          { PartNumber: part.number });
      }
    }
    return putObjectMultipart.call(this, bucket, uploadId, parts);
  };
}

/** Swaps the last handler of the object route (/:bucket/:key+) for `method` with wrap(original). */
function replaceRouteHandler(routes, method, wrap) {
  const route = routes.stack.find((layer) => layer.path === '/:bucket/:key+' && layer.methods.includes(method));
  const original = route.stack[route.stack.length - 1];
  route.stack[route.stack.length - 1] = wrap(original);
}

// The folder of the request's upload (ctx.query.uploadId), or NoSuchUpload unless it is an upload of ctx.params.key.
async function uploadDirOf(ctx) {
  const uploadId = String(ctx.query.uploadId || '');
  const noSuchUpload = new S3Error('NoSuchUpload',
    'The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed.',
    { UploadId: uploadId });
  if (!/^[A-Za-z0-9_-]+$/.test(uploadId)) throw noSuchUpload;
  const uploadDir = path.join(ctx.store.getResourcePath(ctx.params.bucket, undefined, 'uploads'), uploadId);
  let key;
  try {
    key = (await fs.promises.readFile(path.join(uploadDir, 'key'))).toString();
  } catch {
    throw noSuchUpload;
  }
  if (key !== ctx.params.key) throw noSuchUpload;
  return uploadDir;
}

// ListParts: the parts stored so far, by part number, after part-number-marker, at most max-parts (default
// and largest 1000), with NextPartNumberMarker and IsTruncated for the next page. s3rver keeps part N in the
// upload's folder as the file "N" with its MD5 in "N.md5" (written after the part's bytes, so a part still
// arriving is not listed).
async function listParts(ctx) {
  const uploadDir = await uploadDirOf(ctx);
  const marker = integerQuery(ctx, 'part-number-marker', 0, 0, 10000);
  const maxParts = integerQuery(ctx, 'max-parts', MAX_PARTS, 0, 2147483647);
  const stored = (await fs.promises.readdir(uploadDir))
    .filter((name) => /^[0-9]+\.md5$/.test(name))
    .map((name) => Number(name.slice(0, -'.md5'.length)))
    .filter((number) => number > marker)
    .sort((a, b) => a - b);
  const page = stored.slice(0, Math.min(maxParts, MAX_PARTS));
  const parts = await Promise.all(page.map(async (number) => {
    const file = path.join(uploadDir, String(number));
    const [stat, md5] = await Promise.all([fs.promises.stat(file), fs.promises.readFile(`${file}.md5`, 'utf8')]);
    return { PartNumber: number, LastModified: stat.mtime.toISOString(), ETag: JSON.stringify(md5.trim()), Size: stat.size };
  }));
  const owner = { ID: DUMMY_ACCOUNT.id, DisplayName: DUMMY_ACCOUNT.displayName };
  return {
    ListPartsResult: {
      '@': { xmlns: 'http://s3.amazonaws.com/doc/2006-03-01/' },
      Bucket: ctx.params.bucket,
      Key: ctx.params.key,
      UploadId: String(ctx.query.uploadId),
      Initiator: owner,
      Owner: owner,
      StorageClass: 'STANDARD',
      PartNumberMarker: marker,
      NextPartNumberMarker: page.length ? page[page.length - 1] : marker,
      MaxParts: Math.min(maxParts, MAX_PARTS),
      IsTruncated: stored.length > page.length,
      ...(parts.length ? { Part: parts } : {}),
    },
  };
}

function integerQuery(ctx, name, fallback, min, max) {
  if (ctx.query[name] === undefined) return fallback;
  const value = Number(ctx.query[name]);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new S3Error('InvalidArgument', `Provided ${name} not an integer or within integer range`,
      { ArgumentName: name, ArgumentValue: String(ctx.query[name]) });
  }
  return value;
}

module.exports = { bindMultipartUploadsLikeS3 };
