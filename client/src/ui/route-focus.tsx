import {
  type ReactNode,
  createContext,
  useContext,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
} from 'react';
import { useLocation } from 'react-router';
import { usePageTitle } from './page-title';

interface RouteFocus {
  /** True once per navigation: the first heading to ask takes focus. */
  claim: () => boolean;
}

const RouteFocusContext = createContext<RouteFocus>({ claim: () => false });

/**
 * After a client-side navigation nothing tells a screen reader the page changed, and focus
 * stays on a link that may no longer exist. Like a full page load, we start the new page at its
 * main heading: the first `PageHeading` mounted after the path changes takes focus. The first
 * load is left alone (the browser starts at the top, where the skip link is).
 */
export function RouteFocusProvider({ children }: { children: ReactNode }) {
  const { pathname } = useLocation();
  const pending = useRef(false);
  const shownPath = useRef(pathname);
  const [focus] = useState<RouteFocus>(() => ({
    claim: () => {
      const claimed = pending.current;
      pending.current = false;
      return claimed;
    },
  }));

  // A layout effect runs before the new page's own effects, so its heading can claim focus.
  useLayoutEffect(() => {
    if (pathname === shownPath.current) return;
    shownPath.current = pathname;
    pending.current = true;
  }, [pathname]);

  return <RouteFocusContext.Provider value={focus}>{children}</RouteFocusContext.Provider>;
}

interface PageHeadingProps {
  children: ReactNode;
  /** The page title's first part; defaults to the heading text when that is a string. */
  title?: string;
  /** A caption above the heading, e.g. the set's name. */
  caption?: string;
}

/** The page's one h1: names the page in its title, and takes focus after a navigation. */
export function PageHeading({ children, title, caption }: PageHeadingProps) {
  const ref = useRef<HTMLHeadingElement | null>(null);
  const { claim } = useContext(RouteFocusContext);
  usePageTitle(title ?? (typeof children === 'string' ? children : ''));

  useEffect(() => {
    if (claim()) ref.current?.focus();
  }, [claim]);

  return (
    <h1 className="nhsuk-heading-l app-page-heading" tabIndex={-1} ref={ref}>
      {caption && <span className="nhsuk-caption-l">{caption}</span>}
      {caption && <span className="nhsuk-u-visually-hidden"> – </span>}
      {children}
    </h1>
  );
}
