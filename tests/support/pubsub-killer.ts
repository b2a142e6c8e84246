/**
 * Drops one instance's Redis pub/sub connections, as a network blip, a failover or Redis
 * dropping a slow subscriber would: `CLIENT KILL` on every subscriber connection whose
 * `CLIENT SETNAME` is one of `names`. ioredis reconnects and resubscribes by itself (about 50 ms
 * later), and whatever was published meanwhile never reaches that instance.
 */
import type { Redis } from 'ioredis';

interface ClientInfo {
  id: string;
  name: string;
  flags: string;
}

function parseClientList(list: string): ClientInfo[] {
  return list
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const fields = new Map(
        line.split(' ').map((pair) => {
          const at = pair.indexOf('=');
          return [pair.slice(0, at), pair.slice(at + 1)] as const;
        }),
      );
      return {
        id: fields.get('id') ?? '',
        name: fields.get('name') ?? '',
        flags: fields.get('flags') ?? '',
      };
    });
}

/** Kills every connection in subscriber mode (flag `P`) named one of `names`; returns how many. */
export async function killSubscribers(redis: Redis, names: readonly string[]): Promise<number> {
  const victims = parseClientList(String(await redis.client('LIST'))).filter(
    (client) => names.includes(client.name) && client.flags.includes('P'),
  );
  for (const victim of victims) await redis.client('KILL', 'ID', victim.id);
  return victims.length;
}

/**
 * Keeps the named subscribers down: kills them now and again each time they come back, every
 * `everyMs`, until `stop()` (which runs one last pass). `killed` counts the connections killed.
 */
export function keepSubscribersDown(redis: Redis, names: readonly string[], everyMs = 5) {
  let stopped = false;
  let killed = 0;
  let pass: Promise<void> = Promise.resolve();
  const loop = async () => {
    while (!stopped) {
      killed += await killSubscribers(redis, names);
      // Paces the killer (not a wait for anything to happen): Redis is shared with other tests.
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  };
  pass = loop();
  return {
    get killed() {
      return killed;
    },
    async stop() {
      stopped = true;
      await pass;
      killed += await killSubscribers(redis, names);
    },
  };
}
