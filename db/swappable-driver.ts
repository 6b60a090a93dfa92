import type { Driver } from 'neo4j-driver';

/**
 * One Driver object for the services to hold while the database behind it is replaced: a restarted
 * embedded database may listen on another port, and the server's services (API, import queue,
 * follows, cache) each keep the driver they were given at start. Every property read goes to the
 * current driver, so a session opened after replace() reaches the new database.
 */
export interface DriverSlot {
  driver: Driver;
  current(): Driver;
  /** Uses `next` from now on and closes the previous driver (its connections are dead anyway). */
  replace(next: Driver): Promise<void>;
}

export function swappableDriver(initial: Driver): DriverSlot {
  let current = initial;
  const driver = new Proxy(initial, {
    get(_target, property) {
      const value: unknown = Reflect.get(current, property, current);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(current) : value;
    },
  });
  return {
    driver,
    current: () => current,
    replace: async (next) => {
      const previous = current;
      current = next;
      if (previous !== next) await previous.close().catch(() => {});
    },
  };
}
