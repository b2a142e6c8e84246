import type { ReactNode } from 'react';
import { Link } from 'react-router';

interface AppHeaderProps {
  /** The signed-in person's name, or null. */
  personName: string | null;
  onSignOut: () => void;
  signingOut?: boolean;
  /** The way into the notification centre (needs the realtime connection). */
  notifications?: ReactNode;
}

/**
 * NHS.UK header with the service name only (Setboard is not an NHS service, so no NHS logo),
 * and, when someone is signed in, their name, their learning log and a Sign out button.
 */
export function AppHeader({
  personName,
  onSignOut,
  signingOut = false,
  notifications,
}: AppHeaderProps) {
  return (
    <header className="nhsuk-header" role="banner">
      <div className="nhsuk-header__container nhsuk-width-container">
        <div className="nhsuk-header__service">
          <Link className="nhsuk-header__service-name" to="/">
            Setboard
          </Link>
        </div>
        {personName !== null && (
          <nav className="nhsuk-header__account" aria-label="Account">
            <ul className="nhsuk-header__account-list">
              <li className="nhsuk-header__account-item" data-testid="signed-in-as">
                <span className="nhsuk-u-visually-hidden">Signed in as </span>
                {personName}
              </li>
              {notifications && <li className="nhsuk-header__account-item">{notifications}</li>}
              <li className="nhsuk-header__account-item">
                <Link className="nhsuk-header__account-link" to="/actions">
                  My actions
                </Link>
              </li>
              <li className="nhsuk-header__account-item">
                <Link className="nhsuk-header__account-link" to="/log">
                  My learning log
                </Link>
              </li>
              <li className="nhsuk-header__account-item">
                <Link className="nhsuk-header__account-link" to="/my-data">
                  My record and data
                </Link>
              </li>
              <li className="nhsuk-header__account-item">
                <Link className="nhsuk-header__account-link" to="/account">
                  Your account
                </Link>
              </li>
              <li className="nhsuk-header__account-item">
                <button
                  type="button"
                  className="nhsuk-header__account-button"
                  onClick={onSignOut}
                  disabled={signingOut}
                >
                  Sign out
                </button>
              </li>
            </ul>
          </nav>
        )}
      </div>
    </header>
  );
}
