import { useEffect, useRef, useState } from 'react';

/**
 * A number that goes up whenever the portal says the case changed as this user sees it (server-sent
 * events from /api/live/cases/{caseId}); pages pass it to useLoad to re-read the case. After a lost
 * connection (EventSource reconnects by itself) the next "ready" counts as a change too: something
 * may have happened meanwhile. "gone" (the user may not see the case) ends it.
 */
export function useLiveCase(caseId: string): number {
  const [revision, setRevision] = useState(0);
  const connected = useRef(false);
  useEffect(() => {
    if (typeof EventSource === 'undefined') {
      return;
    }
    connected.current = false;
    const source = new EventSource(`/api/live/cases/${encodeURIComponent(caseId)}`);
    source.addEventListener('ready', () => {
      if (connected.current) {
        setRevision((value) => value + 1);
      }
      connected.current = true;
    });
    source.addEventListener('changed', () => setRevision((value) => value + 1));
    source.addEventListener('gone', () => source.close());
    return () => source.close();
  }, [caseId]);
  return revision;
}
