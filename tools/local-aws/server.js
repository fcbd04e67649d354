#!/usr/bin/env node
// Starts the Docker-free AWS emulators used in development and tests:
//   s3rver   (S3)       and   dynalite (DynamoDB)
// both on free loopback ports, with their data under --data-dir.
// Prints ONE line of JSON on stdout once both listen:
//   {"s3":"http://127.0.0.1:PORT","dynamodb":"http://127.0.0.1:PORT"}
// and exits when stdin closes (the parent process is gone), on SIGTERM or on SIGINT,
// so an emulator never outlives the .NET process that started it.
'use strict';

const path = require('path');
const fs = require('fs');
const S3rver = require('s3rver');
const dynalite = require('dynalite');

bindMultipartUploadsLikeS3();

function parseArgs(argv) {
  const args = { host: '127.0.0.1', dataDir: null };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--data-dir') args.dataDir = argv[++i];
    else if (argv[i] === '--host') args.host = argv[++i];
    else throw new Error(`unknown argument: ${argv[i]}`);
  }
  if (!args.dataDir) throw new Error('--data-dir is required');
  return args;
}

function listen(server, host) {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => resolve(server.address().port));
  });
}

async function main() {
  const { host, dataDir } = parseArgs(process.argv.slice(2));
  const s3Dir = path.join(dataDir, 's3');
  const dynamoDir = path.join(dataDir, 'dynamodb');
  fs.mkdirSync(s3Dir, { recursive: true });
  fs.mkdirSync(dynamoDir, { recursive: true });

  // s3rver checks SigV4 signatures against its built-in key pair S3RVER / S3RVER.
  const s3 = new S3rver({ address: host, port: 0, directory: s3Dir, silent: true });
  const s3Address = await s3.run();

  // Tables stay CREATING for 50 ms, so callers must wait for ACTIVE as they would on AWS.
  const dynamo = dynalite({ path: dynamoDir, createTableMs: 50, deleteTableMs: 50, updateTableMs: 50 });
  const dynamoPort = await listen(dynamo, host);

  let stopping = false;
  const stop = (code) => {
    if (stopping) return;
    stopping = true;
    // Close both servers, but never hang on a kept-alive connection.
    setTimeout(() => process.exit(code), 2000).unref();
    Promise.allSettled([s3.close(), new Promise((r) => dynamo.close(r))]).then(() => process.exit(code));
  };
  process.on('SIGTERM', () => stop(0));
  process.on('SIGINT', () => stop(0));
  process.stdin.on('end', () => stop(0));
  process.stdin.on('error', () => stop(0));
  process.stdin.resume();

  process.stdout.write(JSON.stringify({
    s3: `http://${host}:${s3Address.port}`,
    dynamodb: `http://${host}:${dynamoPort}`,
  }) + '\n');
}

// s3rver 3.7.1 completes a multipart upload by its id alone, whatever key the request names, and
// crashes the whole process when a listed part was never uploaded. S3 answers NoSuchUpload and
// InvalidPart instead; make s3rver do the same, so callers see S3's behaviour and the emulator survives.
function bindMultipartUploadsLikeS3() {
  const objectCtrl = require('s3rver/lib/controllers/object');
  const FilesystemStore = require('s3rver/lib/stores/filesystem');
  const S3Error = require('s3rver/lib/models/error');

  const completeMultipartUpload = objectCtrl.completeMultipartUpload;
  objectCtrl.completeMultipartUpload = async function (ctx) {
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
    return completeMultipartUpload(ctx);
  };

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

main().catch((err) => {
  process.stderr.write(`local-aws failed to start: ${err && err.stack ? err.stack : err}\n`);
  process.exit(1);
});
