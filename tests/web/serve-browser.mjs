#!/usr/bin/env node
// A browser session against a running `telling serve`, in Debian's headless Chromium:
// log in, open the stories editor, add a story with a person in it, see it listed, log out.
//
//   node tests/web/serve-browser.mjs BASE_URL USER PASSWORD
//
// Prints `ok - …` / `not ok - …` per step and exits non-zero on the first failure.
import { createRequire } from 'node:module';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(join(repo, 'package.json'));
const { chromium } = require('playwright-core');
const [base, user, password] = process.argv.slice(2);
if (!password) {
  console.error('usage: node tests/web/serve-browser.mjs BASE_URL USER PASSWORD');
  process.exit(126);
}
const profile = await mkdtemp(join(tmpdir(), 'telling-chromium-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu'],
});
let failed = 0;
const step = (ok, what) => {
  console.log(`${ok ? 'ok' : 'not ok'} - browser: ${what}`);
  if (!ok) failed++;
  return ok;
};
try {
  const page = await context.newPage();
  await page.goto(`${base}/inloggen`);
  await page.fill('#name', user);
  await page.fill('#password', password);
  await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
  step(page.url().endsWith('/beheer'), `logged in, on ${page.url()}`);
  await page.click('a[href="/beheer/verhalen"]');
  step(page.url().endsWith('/beheer/verhalen'), 'opened the stories editor');
  const title = `Verhaal uit de browser ${Date.now()}`;
  await page.fill('#title', title);
  await page.fill('#markdown', 'Een verhaal, ingevoerd in het formulier.');
  await page.fill('#people-0-name', 'Iemand uit de browser');
  await page.fill('#people-0-role', 'bewoner');
  await page.fill('#people-0-alias', 'een bewoner');
  await page.check('#published');
  await Promise.all([page.waitForNavigation(), page.click('form.tl-form button[type=submit]')]);
  const listed = await page.locator('.tl-content-list li', { hasText: title }).count();
  step(listed === 1, 'the new story is listed');
  step((await page.locator('[role=status]').innerText()).includes('opgeslagen'), 'a notice says it was saved');
  const api = await page.request.get(`${base}/api/v1/stories`);
  const stories = await api.text();
  step(stories.includes(title), 'the API lists the published story');
  step(stories.includes('een bewoner') && !stories.includes('Iemand uit de browser'),
       'the person added without consent appears by alias only');
  await page.goto(`${base}/beheer`);
  await Promise.all([page.waitForNavigation(), page.click('form[action="/uitloggen"] button')]);
  await page.goto(`${base}/beheer`);
  step(page.url().endsWith('/inloggen'), 'logged out: the editor asks to log in again');
} catch (e) {
  step(false, e.message.split('\n')[0]);
}
await context.close();
await rm(profile, { recursive: true, force: true });
console.log(`browser: ${failed ? 0 : 1} passed, ${failed ? 1 : 0} failed`);
process.exit(failed ? 1 : 0);
