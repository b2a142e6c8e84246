export function AppFooter() {
  return (
    <footer className="nhsuk-footer" role="contentinfo">
      <div className="nhsuk-width-container">
        <div className="nhsuk-footer__meta">
          <p className="nhsuk-body-s">Setboard: a shared workspace for action learning sets.</p>
        </div>
      </div>
    </footer>
  );
}
