import { useEffect, useState } from 'react';
import { ApiError } from '../api/problem';

/** The state of one load: nothing yet, the value, or the error. */
export type Load<T> = { state: 'loading' } | { state: 'done'; value: T } | { state: 'failed'; error: ApiError };

/** Loads once per change of deps; a load that finishes after the page moved on is dropped. */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]): Load<T> {
  const [result, setResult] = useState<Load<T>>({ state: 'loading' });
  useEffect(() => {
    let current = true;
    setResult({ state: 'loading' });
    load().then(
      (value) => current && setResult({ state: 'done', value }),
      (error: unknown) => current && setResult({ state: 'failed', error: error instanceof ApiError ? error : new ApiError(0) }),
    );
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return result;
}
