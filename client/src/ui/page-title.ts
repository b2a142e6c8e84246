import { useEffect } from 'react';

/** The service name every page title ends with. */
export const SERVICE_NAME = 'Setboard';

/** "My sets – Setboard". */
export function pageTitle(page: string): string {
  return `${page} – ${SERVICE_NAME}`;
}

/** Sets the document title while the page is shown, so tabs and screen readers name it. */
export function usePageTitle(page: string): void {
  useEffect(() => {
    document.title = pageTitle(page);
  }, [page]);
}
