import { config } from 'zod';

// zod compiles fast parsers with `new Function` unless told not to, and probes for that ability
// with `Function('')` the moment a schema is created. Under our CSP (no 'unsafe-eval') the probe
// fails quietly but the browser still reports a CSP violation. The client barely parses, so it
// loses nothing by staying interpreted. This module must be imported before anything that
// creates schemas (i.e. before @setboard/shared), hence first in main.tsx.
config({ jitless: true });
