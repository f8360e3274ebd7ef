/** An RFC 9457 problem as the services answer it; invalid input lists one entry per field. */
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  errors?: { field: string; message: string }[];
}

/** A failed API call: the HTTP status and, when the service sent one, its problem. */
export class ApiError extends Error {
  constructor(readonly status: number, readonly problem?: Problem) {
    super(problem?.detail ?? `HTTP ${status}`);
  }
}

/** The problem's field errors by field name (the first message of each field), for showing under each input. */
export function fieldErrors(problem: Problem | undefined): Record<string, string> {
  const byField: Record<string, string> = {};
  for (const error of problem?.errors ?? []) {
    byField[error.field] ??= error.message;
  }
  return byField;
}

/** Reads an error response: a problem+json body when there is one. */
export async function apiError(response: Response): Promise<ApiError> {
  const type = response.headers.get('Content-Type') ?? '';
  if (type.includes('json')) {
    try {
      return new ApiError(response.status, (await response.json()) as Problem);
    } catch {
      // an unreadable body is still an error with a status
    }
  }
  return new ApiError(response.status);
}
