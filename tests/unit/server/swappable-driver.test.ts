import type { Driver } from 'neo4j-driver';
import { swappableDriver } from '../../../db/swappable-driver';

/** Just enough of a Driver to see which one a call reaches. */
function fakeDriver(name: string) {
  const fake = {
    name,
    closed: false,
    session() {
      return `session of ${this.name}`;
    },
    async close() {
      fake.closed = true;
    },
  };
  return fake;
}

test('calls reach the current driver; replace() closes the previous one', async () => {
  const a = fakeDriver('a');
  const b = fakeDriver('b');
  const slot = swappableDriver(a as unknown as Driver);
  expect(slot.driver.session()).toBe('session of a');
  await slot.replace(b as unknown as Driver);
  // The same object the services hold now reaches b, with `this` bound to b.
  expect(slot.driver.session()).toBe('session of b');
  expect(a.closed).toBe(true);
  expect(b.closed).toBe(false);
  expect(slot.current()).toBe(b);
});
