// AWS Signature Version 4 for the embedded S3, checked the way S3 checks it, in front of s3rver
// (s3rver 3.7.1 parses V4 signatures but never verifies them, and lets unsigned requests through).
// aws4 recomputes the signature over the canonical request; this file only decides which parts of the
// request go into it and answers S3's errors:
//   no signature at all            -> 403 AccessDenied
//   expired presigned URL          -> 403 AccessDenied "Request has expired"
//   unknown access key             -> 403 InvalidAccessKeyId
//   wrong signature                -> 403 SignatureDoesNotMatch
//   malformed credential or scope  -> 400 AuthorizationQueryParametersError / AuthorizationHeaderMalformed
// Left unsigned: CORS preflights (browsers send OPTIONS without credentials) and GET HEALTH_PATH.
// SigV2 is refused (400 InvalidRequest), as S3 refuses it on new buckets.
// Not checked: that the body matches x-amz-content-sha256 (the value is signed, the bytes are not
// hashed) and the chunk signatures of aws-chunked uploads.
'use strict';

const crypto = require('crypto');
const aws4 = require('aws4');
const AWSAccount = require('s3rver/lib/models/account');
const S3Error = require('s3rver/lib/models/error');

/** The one path answered without a signature, for health probes. '_local-aws' is no valid bucket name. */
const HEALTH_PATH = '/_local-aws/health';
const ALGORITHM = 'AWS4-HMAC-SHA256';
const MAX_PRESIGNED_SECONDS = 7 * 24 * 3600;
const MAX_CLOCK_SKEW_MS = 15 * 60 * 1000;

function signatureV4() {
  return async function verifySignatureV4(ctx, next) {
    if (ctx.method === 'OPTIONS') return next();
    if (ctx.path === HEALTH_PATH && (ctx.method === 'GET' || ctx.method === 'HEAD')) {
      ctx.body = 'ok';
      return undefined;
    }
    try {
      verify(ctx.req, ctx.path, ctx.querystring);
    } catch (err) {
      // Read the body first: a client still sending it would see a reset connection, not the 403.
      await drain(ctx.req);
      throw err;
    }
    return next();
  };
}

function verify(req, rawPath, rawQuery) {
  const query = new URLSearchParams(rawQuery);
  const header = req.headers.authorization;
  const presigned = query.has('X-Amz-Algorithm');
  if (header !== undefined && presigned) {
    throw new S3Error('InvalidArgument',
      'Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter, Signature query string parameter or the Authorization header should be specified',
      { ArgumentName: 'Authorization', ArgumentValue: header });
  }
  if (query.has('Signature') || (header !== undefined && /^AWS /.test(header))) {
    throw new S3Error('InvalidRequest',
      'The authorization mechanism you have provided is not supported. Please use AWS4-HMAC-SHA256.');
  }
  if (header === undefined && !presigned) throw new S3Error('AccessDenied', 'Access Denied');

  const auth = presigned ? fromQuery(query) : fromHeader(req.headers);
  const secretAccessKey = secretOf(auth.accessKeyId);
  const request = {
    method: req.method,
    path: canonicalPathFor(rawPath) + queryWithoutSignature(rawQuery),
    headers: signedHeaderValues(req.headers, auth.signedHeaders),
    extraHeadersToInclude: Object.fromEntries(auth.signedHeaders.map((name) => [name, true])),
    service: 's3',
    region: auth.region,
    signQuery: presigned,
    doNotModifyHeaders: true,
  };
  const signer = new aws4.RequestSigner(request, { accessKeyId: auth.accessKeyId, secretAccessKey });
  signer.datetime = auth.datetime;
  let expected;
  try {
    expected = signer.signature();
  } catch (err) {
    if (err instanceof URIError) throw new S3Error('InvalidURI', "Couldn't parse the specified URI.");
    throw err;
  }
  if (!sameHex(expected, auth.signature)) {
    throw new S3Error('SignatureDoesNotMatch',
      'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
      { AWSAccessKeyId: auth.accessKeyId, StringToSign: signer.stringToSign(), CanonicalRequest: signer.canonicalString() });
  }
}

function fromQuery(query) {
  const fail = (message) => new S3Error('AuthorizationQueryParametersError', message);
  if (query.get('X-Amz-Algorithm') !== ALGORITHM) throw fail(`X-Amz-Algorithm only supports "${ALGORITHM}"`);
  for (const name of ['X-Amz-Credential', 'X-Amz-Signature', 'X-Amz-Date', 'X-Amz-SignedHeaders', 'X-Amz-Expires']) {
    if (!query.has(name)) {
      throw fail('Query-string authentication version 4 requires the X-Amz-Algorithm, X-Amz-Credential, X-Amz-Signature, X-Amz-Date, X-Amz-SignedHeaders, and X-Amz-Expires parameters.');
    }
  }
  const datetime = query.get('X-Amz-Date');
  const signedAt = parseAmzDate(datetime);
  if (signedAt === null) throw fail('X-Amz-Date must be in the ISO8601 Long Format "yyyyMMdd\'T\'HHmmss\'Z\'"');
  const expires = query.get('X-Amz-Expires');
  if (!/^\d+$/.test(expires)) throw fail('X-Amz-Expires should be a number');
  if (Number(expires) > MAX_PRESIGNED_SECONDS) {
    throw fail('X-Amz-Expires must be less than a week (in seconds) that is 604800');
  }
  const expiresAt = signedAt + Number(expires) * 1000;
  const now = Date.now();
  if (now > expiresAt) {
    throw new S3Error('AccessDenied', 'Request has expired', {
      'X-Amz-Expires': expires,
      Expires: isoSeconds(expiresAt),
      ServerTime: isoSeconds(now),
    });
  }
  if (signedAt - now > MAX_CLOCK_SKEW_MS) throw new S3Error('AccessDenied', 'Request is not valid yet');
  return {
    ...scope(query.get('X-Amz-Credential'), datetime, fail),
    datetime,
    signedHeaders: query.get('X-Amz-SignedHeaders').split(';'),
    signature: query.get('X-Amz-Signature'),
  };
}

function fromHeader(headers) {
  const fail = (message) => new S3Error('AuthorizationHeaderMalformed', message);
  const authorization = headers.authorization;
  if (!authorization.startsWith(ALGORITHM + ' ')) {
    throw new S3Error('InvalidArgument', 'Unsupported Authorization Type',
      { ArgumentName: 'Authorization', ArgumentValue: authorization });
  }
  const parts = new Map(authorization.slice(ALGORITHM.length).split(',').map((part) => {
    const [name, ...value] = part.trim().split('=');
    return [name, value.join('=')];
  }));
  for (const name of ['Credential', 'SignedHeaders', 'Signature']) {
    if (!parts.get(name)) throw fail(`The authorization header is malformed; missing ${name}.`);
  }
  const signedHeaders = parts.get('SignedHeaders').split(';');
  const payloadHash = headers['x-amz-content-sha256'];
  if (payloadHash === undefined) {
    throw new S3Error('InvalidRequest', 'Missing required header for this request: x-amz-content-sha256');
  }
  if (!/^(UNSIGNED-PAYLOAD|STREAMING-[A-Z0-9-]+|[0-9a-f]{64})$/.test(payloadHash)) {
    throw new S3Error('InvalidArgument',
      'x-amz-content-sha256 must be UNSIGNED-PAYLOAD, STREAMING-AWS4-HMAC-SHA256-PAYLOAD, or a valid sha256 value.',
      { ArgumentName: 'x-amz-content-sha256', ArgumentValue: payloadHash });
  }
  // The payload hash enters the signature only through the header, so it must be one of the signed ones.
  if (!signedHeaders.includes('x-amz-content-sha256') || !signedHeaders.includes('host')) {
    throw new S3Error('AccessDenied', 'There were headers present in the request which were not signed',
      { HeadersNotSigned: ['host', 'x-amz-content-sha256'].filter((h) => !signedHeaders.includes(h)).join(', ') });
  }
  const datetime = headers['x-amz-date'];
  const signedAt = datetime === undefined ? null : parseAmzDate(datetime);
  if (signedAt === null) throw new S3Error('AccessDenied', 'AWS authentication requires a valid Date or x-amz-date header');
  if (Math.abs(Date.now() - signedAt) > MAX_CLOCK_SKEW_MS) {
    throw new S3Error('RequestTimeTooSkewed', 'The difference between the request time and the current time is too large.',
      { RequestTime: datetime, ServerTime: isoSeconds(Date.now()) });
  }
  return {
    ...scope(parts.get('Credential'), datetime, fail),
    datetime,
    signedHeaders,
    signature: parts.get('Signature'),
  };
}

/** AKID/yyyyMMdd/region/s3/aws4_request: any region (it is part of the signature), but S3's service. */
function scope(credential, datetime, fail) {
  const parts = credential.split('/');
  if (parts.length !== 5 || parts[4] !== 'aws4_request') {
    throw fail(`Error parsing the X-Amz-Credential parameter; the Credential is mal-formed; expecting "<YOUR-AKID>/YYYYMMDD/REGION/SERVICE/aws4_request". (${credential})`);
  }
  const [accessKeyId, date, region, service] = parts;
  if (date !== datetime.slice(0, 8)) throw fail(`Invalid credential date "${date}". This date is not the same as X-Amz-Date: "${datetime.slice(0, 8)}".`);
  if (service !== 's3') throw fail(`Error parsing the X-Amz-Credential parameter; incorrect service "${service}". This endpoint belongs to "s3".`);
  if (!region) throw fail('Error parsing the X-Amz-Credential parameter; the region is empty.');
  return { accessKeyId, region };
}

/** The secret of a key pair s3rver knows (S3RVER / S3RVER), or S3's InvalidAccessKeyId. */
function secretOf(accessKeyId) {
  const account = AWSAccount.registry.get(accessKeyId);
  if (!account) {
    throw new S3Error('InvalidAccessKeyId', 'The AWS Access Key Id you provided does not exist in our records.',
      { AWSAccessKeyId: accessKeyId });
  }
  return account.accessKeys.get(accessKeyId);
}

// aws4 (service s3) decodes each path segment and encodes it once, RFC 3986 style (S3 does not
// double-encode), but reads a literal '+' as a space; in an S3 path it is a plus.
function canonicalPathFor(rawPath) {
  return rawPath.replace(/\+/g, '%2B');
}

// The signature itself is not part of what was signed; every other query parameter is, sorted and encoded by aws4.
function queryWithoutSignature(rawQuery) {
  const kept = rawQuery.split('&').filter((pair) => pair && !/^X-Amz-Signature(=|$)/.test(pair));
  return kept.length ? '?' + kept.join('&') : '';
}

/** Only the headers the client signed, with the values received (aws4 trims and folds spaces). */
function signedHeaderValues(headers, signedHeaders) {
  return Object.fromEntries(signedHeaders.map((name) => [name, headers[name] ?? '']));
}

function parseAmzDate(value) {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value || '');
  if (!m) return null;
  const time = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]);
  return Number.isNaN(time) ? null : time;
}

function isoSeconds(ms) {
  return new Date(ms).toISOString().replace(/\.\d+/, '');
}

function sameHex(expected, provided) {
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(String(provided || ''), 'utf8');
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

function drain(req) {
  return new Promise((resolve) => {
    if (req.readableEnded) return resolve();
    req.once('end', resolve);
    req.once('error', resolve);
    req.once('close', resolve);
    req.resume();
  });
}

module.exports = { signatureV4, HEALTH_PATH };
