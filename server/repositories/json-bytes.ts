/**
 * Sizes of values as the API will send them (UTF-8 bytes of their JSON), for bounding answers.
 * Measuring must not cost what it protects against: a value that is surely over the budget is
 * recognised by a walk that stops as soon as the budget is passed, without building any string.
 */

/** UTF-8 bytes of JSON.stringify(value) (`undefined` counts as `null`, as in an array). */
export function jsonBytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value) ?? 'null');
}

/**
 * A lower bound of jsonBytes(value) that stops counting once it passes `limit`. Strings count
 * their UTF-16 length (never more than their UTF-8 bytes) plus quotes; escapes only add.
 */
export function jsonBytesAtLeast(value: unknown, limit: number): number {
  let total = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0 && total <= limit) {
    const item = stack.pop();
    if (typeof item === 'string') total += item.length + 2;
    else if (item === null || typeof item !== 'object') total += 1;
    else if (ArrayBuffer.isView(item))
      total += (item as Uint8Array).length * 5; // {"0":n,...}
    else {
      const children = Array.isArray(item) ? item : Object.values(item as object);
      total += 2 + Math.max(children.length - 1, 0);
      if (!Array.isArray(item)) {
        for (const key of Object.keys(item as object)) total += key.length + 3;
      }
      for (const child of children) stack.push(child);
    }
  }
  return total;
}

/** jsonBytes(value), or Infinity when it is surely over `limit` (then nothing is serialised). */
export function jsonBytesWithin(value: unknown, limit: number): number {
  if (jsonBytesAtLeast(value, limit) > limit) return Infinity;
  return jsonBytes(value);
}
