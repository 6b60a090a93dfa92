/**
 * A channel as the user names it: "@name", "name" or a t.me link. Telegram usernames are 5-32
 * letters, digits and underscores starting with a letter; anything else is refused here, before a
 * request is made, so a typo never turns into a request for a strange URL.
 */
const USERNAME = /^[A-Za-z][A-Za-z0-9_]{3,31}$/;
const TME_LINK = /^(?:https?:\/\/)?(?:t\.me|telegram\.me)\/(?:s\/)?([^/?#]+)\/?$/i;

/** The canonical (lower-case) username, or throws an Error naming the bad argument. */
export function parseChannelName(input: string): string {
  const trimmed = input.trim();
  const name = TME_LINK.exec(trimmed)?.[1] ?? trimmed.replace(/^@/, '');
  if (!USERNAME.test(name)) {
    throw new Error(
      `"${input}" is not a public channel name: expected @name (5-32 letters, digits or _, starting with a letter) or a t.me/name link`,
    );
  }
  return name.toLowerCase();
}
