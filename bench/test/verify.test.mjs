import { doesNotThrow, throws } from 'node:assert/strict';
import { test } from 'node:test';
import { appObject } from '../lib/app-fixture.mjs';
import { checkListing } from '../lib/verify.mjs';

const apps = (n) => Array.from({ length: n }, (_, i) => appObject(i));

test('a complete listing in id order passes the check', () => {
  doesNotThrow(() => checkListing(apps(5), 5));
});

test('a listing with an item missing or out of order fails the check', () => {
  throws(() => checkListing(apps(4), 5), /4 apps instead of 5/);
  const swapped = apps(5);
  [swapped[1], swapped[2]] = [swapped[2], swapped[1]];
  throws(() => checkListing(swapped, 5), /item 1/);
});
