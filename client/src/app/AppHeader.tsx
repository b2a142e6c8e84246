/** NHS.UK header with the service name only: Setboard is not an NHS service, so no NHS logo. */
export function AppHeader() {
  return (
    <header className="nhsuk-header" role="banner">
      <div className="nhsuk-header__container nhsuk-width-container">
        <div className="nhsuk-header__service">
          <a className="nhsuk-header__service-name" href="/">
            Setboard
          </a>
        </div>
      </div>
    </header>
  );
}
