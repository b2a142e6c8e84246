import type { Plugin } from 'vite';

/** The compiled NHS.UK frontend stylesheets (plain and minified). */
const NHSUK_CSS = /nhsuk-frontend\/dist\/nhsuk\/[^/]+\.css$/;

/**
 * Makes NHS.UK frontend's compiled CSS fit our Content Security Policy (`font-src 'self'`,
 * `img-src 'self'`).
 *
 * - Its `@font-face` rules load Frutiger from assets.nhs.uk; the browser would refuse them and
 *   report a CSP violation. Dropping them falls back to Arial, as NHS.UK does when the font is
 *   unavailable (the font stack is `"Frutiger W01", arial, sans-serif`).
 * - Its icons are `url(/assets/images/…)`, a path that only exists on NHS.UK's own sites.
 *   Pointing them at the package's copies lets Vite bundle them as same-origin files.
 */
export function nhsukCssForStrictCsp(): Plugin {
  return {
    name: 'setboard:nhsuk-css-for-strict-csp',
    enforce: 'pre',
    transform(code, id) {
      if (!NHSUK_CSS.test(id.split('?')[0] ?? '')) return null;
      const withoutRemoteFonts = code.replace(/@font-face\s*\{[^}]*https?:\/\/[^}]*\}/g, '');
      return {
        code: withoutRemoteFonts.replace(
          /url\(\s*(["']?)\/assets\/images\//g,
          'url($1./assets/images/',
        ),
        map: null,
      };
    },
  };
}
