import type { SetSummary } from '@setboard/shared';
import { Link } from 'react-router';

/** Where the organiser opens a set for bookings and decides on applications. */
export function SetBookingsLinks({ sets }: { sets: readonly SetSummary[] }) {
  const open = sets.filter((set) => set.lifecycle !== 'closed');
  if (open.length === 0) return null;
  return (
    <>
      <h2 className="nhsuk-heading-m">Bookings</h2>
      <p className="nhsuk-body">
        Open a set for bookings to share a page where people book a place, then decide on each
        booking beside the set’s mix.
      </p>
      <ul className="nhsuk-list" data-testid="bookings-links">
        {open.map((set) => (
          <li key={set.id}>
            <Link to={`/organiser/sets/${set.id}/bookings`}>Bookings for {set.name}</Link>
          </li>
        ))}
      </ul>
    </>
  );
}
