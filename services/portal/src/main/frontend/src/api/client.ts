import { apiError } from './problem';

/** The four services, each under /api/<service>/ of the portal (which relays the user's token). */
export type Service = 'intake' | 'negotiation' | 'signing' | 'tracking';

const CSRF_COOKIE = 'XSRF-TOKEN';
const CSRF_HEADER = 'X-XSRF-TOKEN';

/** The CSRF token the portal put in its cookie; state-changing calls echo it in a header. */
export function csrfToken(cookies: string = document.cookie): string | undefined {
  const entry = cookies.split('; ').find((cookie) => cookie.startsWith(`${CSRF_COOKIE}=`));
  return entry ? decodeURIComponent(entry.substring(CSRF_COOKIE.length + 1)) : undefined;
}

/** Calls a service through the portal; resolves with the JSON body, rejects with an ApiError. */
export async function api<T>(service: Service, path: string, init: RequestInit = {}): Promise<T> {
  return call<T>(`/api/${service}${path}`, init);
}

/** Calls the portal itself (e.g. /api/session). */
export async function call<T>(url: string, init: RequestInit = {}): Promise<T> {
  const response = await send(url, init, 'application/json, application/problem+json');
  return (response.status === 204 ? undefined : await response.json()) as T;
}

/** Calls a service for a document (e.g. a PDF); resolves with its bytes, rejects with an ApiError. */
export async function apiBlob(service: Service, path: string, accept: string, init: RequestInit = {}): Promise<Blob> {
  return (await send(`/api/${service}${path}`, init, `${accept}, application/problem+json`)).blob();
}

/** A JSON request body with its content type. */
export function json(method: string, body: unknown): RequestInit {
  return { method, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) };
}

async function send(url: string, init: RequestInit, accept: string): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.set('Accept', accept);
  const method = (init.method ?? 'GET').toUpperCase();
  if (method !== 'GET' && method !== 'HEAD') {
    const token = csrfToken();
    if (token) {
      headers.set(CSRF_HEADER, token);
    }
  }
  const response = await fetch(url, { ...init, headers, credentials: 'same-origin' });
  if (!response.ok) {
    throw await apiError(response);
  }
  return response;
}
