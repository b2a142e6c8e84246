/**
 * The operator's command line (`npm run admin -- <command>`), on the same store as the server
 * (SQLite in DATA_DIR, or REDIS_URL): the way back in when nobody else can issue a link.
 *
 *   sign-in-link <email-or-name>   prints a one-time sign-in link (valid 24 hours) for that person
 *   list-organisers                lists the organisers
 *   setup-link [--new]             prints the set-up link while set-up is pending (--new: a new one)
 */
import { createAccessServices } from './access/services.js';
import { findPeople, listOrganisers, operatorSignInLink } from './access/operator.js';
import { parseConfig } from './config.js';
import { createLogger } from './logger.js';
import { openStore } from './open-store.js';

const USAGE = `Usage: npm run admin -- <command>

  sign-in-link <email-or-name>   Print a one-time sign-in link (valid 24 hours) for that person.
  list-organisers                List the organisers.
  setup-link [--new]             Print the set-up link while nobody has set Setboard up
                                 (--new makes a new one; the old one stops working).
`;

async function run(args: string[], out: (line: string) => void): Promise<number> {
  const [command, ...rest] = args;
  const config = parseConfig(process.env);
  const logger = createLogger(config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL);
  const origin = new URL(config.PUBLIC_URL ?? `http://localhost:${config.PORT}`).origin;
  if (!command || !['sign-in-link', 'list-organisers', 'setup-link'].includes(command)) {
    out(USAGE);
    return command ? 2 : 0;
  }
  const opened = await openStore(config, logger);
  const services = createAccessServices({
    store: opened.store,
    logger,
    now: Date.now,
    onAccessRevoked: () => {},
    onSessionEnded: () => {},
  });
  try {
    switch (command) {
      case 'list-organisers': {
        const organisers = await listOrganisers(services);
        if (organisers.length === 0) out('There are no organisers yet.');
        for (const person of organisers) {
          out(`${person.name}\t${person.email || '(no e-mail address)'}\t${person.id}`);
        }
        return 0;
      }
      case 'sign-in-link': {
        const query = rest.join(' ').trim();
        if (!query) {
          out('Say whose link: npm run admin -- sign-in-link <email-or-name>');
          return 2;
        }
        const people = await findPeople(services, query);
        if (people.length !== 1) {
          out(
            people.length === 0
              ? `Nobody is called or has the address “${query}”.`
              : `${people.length} people match “${query}”; use one of their ids:`,
          );
          for (const person of people) out(`${person.name}\t${person.organisation}\t${person.id}`);
          return 1;
        }
        const person = people[0]!;
        const token = await operatorSignInLink(services, person);
        out(`A sign-in link for ${person.name}. It works once, within 24 hours:\n`);
        out(`    ${services.links.urlFor(origin, 'sign_in', token)}\n`);
        out('Give it to them in person or by phone. They will see that you issued it.');
        return 0;
      }
      default: {
        const token = rest.includes('--new')
          ? await services.onboarding.newSetupToken()
          : await services.onboarding.setupToken();
        out(token ? `${origin}/setup#${token}` : 'Setboard is already set up.');
        return 0;
      }
    }
  } finally {
    await opened.store.close();
    await opened.closeConnections();
  }
}

run(process.argv.slice(2), (line) => process.stdout.write(`${line}\n`)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`admin: ${(error as Error).message}\n`);
    process.exit(1);
  },
);
