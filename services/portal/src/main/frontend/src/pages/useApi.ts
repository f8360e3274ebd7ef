import { useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/problem';

/** The state of one load: nothing yet, the value, or the error. */
export type Load<T> = { state: 'loading' } | { state: 'done'; value: T } | { state: 'failed'; error: ApiError };

/**
 * Loads once per change of deps; a load that finishes after the page moved on is dropped. A change of
 * refresh alone (a live update) loads again but keeps showing the value until the new one is there,
 * so nothing on the page blinks or loses what the user was typing.
 */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[], refresh = 0): Load<T> {
  const [result, setResult] = useState<Load<T>>({ state: 'loading' });
  const key = JSON.stringify(deps);
  const shown = useRef<string | null>(null);
  useEffect(() => {
    let current = true;
    if (shown.current !== key) {
      setResult({ state: 'loading' });
    }
    load().then(
      (value) => {
        if (current) {
          shown.current = key;
          setResult({ state: 'done', value });
        }
      },
      (error: unknown) => current && setResult({ state: 'failed', error: error instanceof ApiError ? error : new ApiError(0) }),
    );
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, refresh]);
  return result;
}
