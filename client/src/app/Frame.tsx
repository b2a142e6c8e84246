import type { ReactNode } from 'react';
import { AppFooter } from './AppFooter';
import { SkipLink } from './SkipLink';

export const MAIN_ID = 'maincontent';

/** The NHS.UK page template: skip link, header, one main landmark, footer. */
export function Frame({ header, children }: { header: ReactNode; children: ReactNode }) {
  return (
    <>
      <SkipLink targetId={MAIN_ID} />
      {header}
      <div className="nhsuk-width-container">
        <main className="nhsuk-main-wrapper" id={MAIN_ID}>
          {children}
        </main>
      </div>
      <AppFooter />
    </>
  );
}
