import { CATALOGUES, type Locale } from '../i18n/catalogues';

/** An RFC 9457 problem as the services answer it; invalid input lists one entry per field. */
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  errors?: FieldProblem[];
}

/** One field's error: its path, the service's message (English) and the constraint's code (`NotBlank`), if any. */
export interface FieldProblem {
  field: string;
  message: string;
  code?: string;
}

/** A failed API call: the HTTP status and, when the service sent one, its problem. */
export class ApiError extends Error {
  constructor(readonly status: number, readonly problem?: Problem) {
    super(problem?.detail ?? `HTTP ${status}`);
  }
}

/**
 * The problem's field errors by field name (the first message of each field), for showing under each input, in the
 * page's language: for 中文 the catalogue's words for the broken constraint where it has them, else the service's own.
 */
export function fieldErrors(problem: Problem | undefined, locale: Locale = pageLocale()): Record<string, string> {
  const byField: Record<string, string> = {};
  for (const error of problem?.errors ?? []) {
    byField[error.field] ??= localMessage(error, locale);
  }
  return byField;
}

/** A field error's message in `locale`: the service's English, or the catalogue's for its code in 中文. */
export function localMessage(error: FieldProblem, locale: Locale): string {
  const key = `problem.code.${error.code}`;
  return locale === 'zh' && error.code && key in CATALOGUES.zh ? CATALOGUES.zh[key] : error.message;
}

/** The language the page is shown in (the I18n provider sets the document's lang). */
function pageLocale(): Locale {
  return typeof document !== 'undefined' && document.documentElement.lang.startsWith('zh') ? 'zh' : 'en';
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
