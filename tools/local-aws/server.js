#!/usr/bin/env node
// Starts the Docker-free AWS emulators used in development and tests:
//   s3rver   (S3)       and   dynalite (DynamoDB)
// with their data under --data-dir (s3/ and dynamodb/ inside it).
//   --service all        both, on free loopback ports (the default; LocalAws.EmbeddedAws)
//   --service s3|dynamodb one of them, on --port (or PORT, or a free port): an Aspire resource each
// Prints ONE line of JSON on stdout once everything listens:
//   {"s3":"http://127.0.0.1:PORT","dynamodb":"http://127.0.0.1:PORT"}   (only the services started)
// and exits on SIGTERM or SIGINT; with --exit-with-stdin also when stdin closes (the parent process is
// gone), so an emulator never outlives the .NET process that started it.
'use strict';

const path = require('path');
const fs = require('fs');
const S3rver = require('s3rver');
const dynalite = require('dynalite');
const { signatureV4 } = require('./sigv4');
const { bindMultipartUploadsLikeS3 } = require('./multipart');

bindMultipartUploadsLikeS3();
makeContinuationTokensWorkOnOpenSsl3();

function parseArgs(argv) {
  const args = { host: '127.0.0.1', dataDir: null, service: 'all', port: Number(process.env.PORT || 0), exitWithStdin: false };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--data-dir') args.dataDir = argv[++i];
    else if (argv[i] === '--host') args.host = argv[++i];
    else if (argv[i] === '--service') args.service = argv[++i];
    else if (argv[i] === '--port') args.port = Number(argv[++i]);
    else if (argv[i] === '--exit-with-stdin') args.exitWithStdin = true;
    else throw new Error(`unknown argument: ${argv[i]}`);
  }
  if (!args.dataDir) throw new Error('--data-dir is required');
  if (!['all', 's3', 'dynamodb'].includes(args.service)) throw new Error(`--service must be all, s3 or dynamodb: ${args.service}`);
  if (!Number.isInteger(args.port) || args.port < 0 || args.port > 65535) throw new Error(`bad port: ${args.port}`);
  if (args.service === 'all' && args.port !== 0) throw new Error('--port needs --service s3 or --service dynamodb');
  return args;
}

function listen(server, host, port) {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server.address().port));
  });
}

// Clients are given S3RVER / S3RVER, s3rver's documented key pair, and must sign with it (SigV4, checked
// in sigv4.js before s3rver sees the request: s3rver alone accepts any V4 signature and unsigned requests).
async function startS3(host, port, dataDir) {
  const directory = path.join(dataDir, 's3');
  fs.mkdirSync(directory, { recursive: true });
  const s3 = new S3rver({ address: host, port, directory, silent: true });
  s3.middleware.unshift(signatureV4()); // Koa composes its middleware when run() starts listening
  const address = await s3.run();
  return { url: `http://${host}:${address.port}`, close: () => s3.close() };
}

// Tables stay CREATING for 50 ms, so callers must wait for ACTIVE as they would on AWS.
async function startDynamoDb(host, port, dataDir) {
  const directory = path.join(dataDir, 'dynamodb');
  fs.mkdirSync(directory, { recursive: true });
  const dynamo = dynalite({ path: directory, createTableMs: 50, deleteTableMs: 50, updateTableMs: 50 });
  const actual = await listen(dynamo, host, port);
  return { url: `http://${host}:${actual}`, close: () => new Promise((r) => dynamo.close(r)) };
}

async function main() {
  const { host, dataDir, service, port, exitWithStdin } = parseArgs(process.argv.slice(2));
  const started = {};
  if (service === 'all' || service === 's3') started.s3 = await startS3(host, port, dataDir);
  if (service === 'all' || service === 'dynamodb') started.dynamodb = await startDynamoDb(host, port, dataDir);

  let stopping = false;
  const stop = (code) => {
    if (stopping) return;
    stopping = true;
    // Close the servers, but never hang on a kept-alive connection.
    setTimeout(() => process.exit(code), 2000).unref();
    Promise.allSettled(Object.values(started).map((s) => s.close())).then(() => process.exit(code));
  };
  process.on('SIGTERM', () => stop(0));
  process.on('SIGINT', () => stop(0));
  if (exitWithStdin) {
    process.stdin.on('end', () => stop(0));
    process.stdin.on('error', () => stop(0));
    process.stdin.resume();
  }

  const endpoints = Object.fromEntries(Object.entries(started).map(([name, s]) => [name, s.url]));
  process.stdout.write(JSON.stringify(endpoints) + '\n');
}

// s3rver 3.7.1 makes ListObjectsV2 continuation tokens with DES, which OpenSSL 3 (Node >= 17) only has
// in its legacy provider: every truncated listing (MaxKeys below the object count) answered InternalError.
// The tokens are opaque to clients, so encrypt them with AES-128-CTR instead (same IV and key sizes in,
// same length out). Nothing else in the process uses DES.
function makeContinuationTokensWorkOnOpenSsl3() {
  const crypto = require('crypto');
  const widen = (key, iv) => [Buffer.concat([key, key]), Buffer.concat([iv, Buffer.alloc(8)])];
  const createCipheriv = crypto.createCipheriv;
  const createDecipheriv = crypto.createDecipheriv;
  crypto.createCipheriv = (algorithm, key, iv, options) =>
    algorithm === 'des' ? createCipheriv('aes-128-ctr', ...widen(key, iv), options) : createCipheriv(algorithm, key, iv, options);
  crypto.createDecipheriv = (algorithm, key, iv, options) =>
    algorithm === 'des' ? createDecipheriv('aes-128-ctr', ...widen(key, iv), options) : createDecipheriv(algorithm, key, iv, options);
}

main().catch((err) => {
  process.stderr.write(`local-aws failed to start: ${err && err.stack ? err.stack : err}\n`);
  process.exit(1);
});
