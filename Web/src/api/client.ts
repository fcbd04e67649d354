// Calls to the Api (same origin) with the session's bearer token; a 4xx/5xx becomes an ApiError carrying the ProblemDetails.
import { session, signOut } from '../auth/session';
import type { ProblemDetails } from './contracts';

export class ApiError extends Error {
  constructor(readonly status: number, readonly problem: ProblemDetails) {
    super(problem.detail ?? problem.title ?? `The Api answered ${status}.`);
  }

  /** Field errors keyed by the Api's field path (e.g. "cutting.minSeconds"), lower-cased for lookup. */
  get fieldErrors(): Record<string, string[]> {
    const errors: Record<string, string[]> = {};
    for (const [field, messages] of Object.entries(this.problem.errors ?? {})) {
      errors[field.toLowerCase()] = messages;
    }
    return errors;
  }
}

export async function api<T>(method: string, path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (session.value) headers.Authorization = `Bearer ${session.value.accessToken}`;
  const response = await fetch(path, {
    method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal,
  });
  if (response.status === 401 && session.value) signOut();
  if (!response.ok) {
    const problem = (await response.json().catch(() => ({}))) as ProblemDetails;
    throw new ApiError(response.status, problem);
  }
  return (response.status === 204 ? undefined : await response.json()) as T;
}
