import { useEffect } from 'react';

/**
 * While a link page is open, asks the browser to send no Referer at all. The token sits in the
 * fragment, which browsers never send, but the page should not even say where it was opened
 * from. (The server also sends `Referrer-Policy: no-referrer` for these pages.)
 */
export function useNoReferrer(): void {
  useEffect(() => {
    const meta = document.createElement('meta');
    meta.name = 'referrer';
    meta.content = 'no-referrer';
    document.head.append(meta);
    return () => meta.remove();
  }, []);
}
