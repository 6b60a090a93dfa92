/**
 * Follows several channels one after another (the CLI's list, the server's schedule). A channel
 * that fails is reported and recorded on its follow; the others are still fetched.
 */
import type { Driver } from 'neo4j-driver';
import { followChannel, type FollowOptions, type FollowResult } from './follow-channel';
import { FollowError } from './errors';

export type ChannelOutcome =
  { channel: string; ok: true; result: FollowResult } | { channel: string; ok: false; error: FollowError };

export async function followChannels(
  driver: Driver,
  channels: string[],
  options: FollowOptions,
): Promise<ChannelOutcome[]> {
  const outcomes: ChannelOutcome[] = [];
  for (const channel of channels) {
    try {
      outcomes.push({ channel, ok: true, result: await followChannel(driver, channel, options) });
    } catch (error) {
      // followChannel always throws FollowError; anything else is a bug worth seeing as it is.
      if (!(error instanceof FollowError)) throw error;
      outcomes.push({ channel, ok: false, error });
    }
  }
  return outcomes;
}
