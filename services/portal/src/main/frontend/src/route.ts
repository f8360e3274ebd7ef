import { useEffect, useState } from 'react';

/** The app's pages, addressed by the URL fragment so the portal serves one document for all. */
export type Route =
  | { page: 'cases' }
  | { page: 'new' }
  | { page: 'funnel' }
  | { page: 'approvals' }
  | { page: 'case'; caseId: string };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '').split('?')[0];
  const match = /^\/cases\/([A-Za-z0-9-]+)$/.exec(path);
  if (match) {
    return { page: 'case', caseId: match[1] };
  }
  if (path === '/new' || path === '/funnel' || path === '/approvals') {
    return { page: path.substring(1) as 'new' | 'funnel' | 'approvals' };
  }
  return { page: 'cases' };
}

export function href(route: Route): string {
  switch (route.page) {
    case 'case':
      return `#/cases/${route.caseId}`;
    case 'new':
      return '#/new';
    case 'funnel':
      return '#/funnel';
    case 'approvals':
      return '#/approvals';
    default:
      return '#/cases';
  }
}

/** A query parameter of the fragment (e.g. #/cases?submitted=CQ-2026-000001). */
export function routeParameter(hash: string, name: string): string | null {
  return new URLSearchParams(hash.split('?')[1] ?? '').get(name);
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
