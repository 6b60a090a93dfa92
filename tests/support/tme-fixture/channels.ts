/**
 * Channel models for the follow tests, with our own ML-news text: each post names an organisation
 * releasing a model and its repository, so extraction finds entities and relations in every one.
 */
import type { FixtureChannel, FixturePost } from './pages';

const ORGS = ['Northwind AI', 'Bluefin Labs', 'Quarkstone', 'Helios Research', 'Tidepool'];
const MODELS = ['Vega', 'Lumen', 'Corvid', 'Tessera', 'Halcyon', 'Ostrich', 'Marlin'];

export function fixturePost(id: number): FixturePost {
  const org = ORGS[id % ORGS.length];
  const model = `${MODELS[id % MODELS.length]}-${(id % 9) + 1}B`;
  const owner = org.toLowerCase().replace(/[^a-z]/g, '');
  const text =
    id % 2 === 0
      ? `${org} released ${model}, an open model for code.\nThe code is on GitHub: https://github.com/${owner}/${model.toLowerCase()}`
      : `Компания ${org} выпустила модель ${model}.\nКод: https://github.com/${owner}/${model.toLowerCase()}`;
  const day = String((id % 28) + 1).padStart(2, '0');
  const month = String((Math.floor(id / 28) % 12) + 1).padStart(2, '0');
  return { id, text, date: `2026-${month}-${day}T10:${String(id % 60).padStart(2, '0')}:00+00:00` };
}

/** Posts 1..count; every seventh is a photo without caption (skipped by the parser, not by paging). */
export function fixtureChannel(username: string, count: number): FixtureChannel {
  const posts: FixturePost[] = [];
  for (let id = 1; id <= count; id++) {
    posts.push(id % 7 === 0 ? { ...fixturePost(id), mediaOnly: true } : fixturePost(id));
  }
  return {
    username,
    title: `ML digest ${username}`,
    subscribers: 1234,
    description: 'Test channel: releases of models and libraries.',
    posts,
  };
}
