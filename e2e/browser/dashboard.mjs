// Drives the dashboard in Debian's chromium (playwright-core, no downloaded browser), on a stack that holds runs, a
// cycle and a sample whose text is a <script>. Prints one JSON line of figures; exits non-zero on any failure.
//
//   node dashboard.mjs <gateway-url> <analyst-key> <client-key> <base-run-id> <candidate-run-id> <cycle-n> <screenshot-dir>
import { chromium } from 'playwright-core';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';

const [gateway, analystKey, clientKey, baseRun, candidateRun, cycle, shots] = process.argv.slice(2);
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 375, height: 812 };

const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'kotone-chromium-')), {
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run'],
  viewport: DESKTOP,
});
const failures = [];
const figures = {};
try {
  const page = await context.newPage();
  page.on('dialog', (dialog) => { failures.push(`a dialog opened: ${dialog.message()}`); dialog.dismiss(); });
  page.on('pageerror', (error) => failures.push(`page error: ${error.message}`));
  // a CSP refusal shows as a console error: the page must need nothing the policy forbids
  page.on('console', (message) => { if (message.type() === 'error') failures.push(`console error: ${message.text()}`); });
  let bytes = 0;
  page.on('requestfinished', async (request) => {
    const sizes = await request.sizes().catch(() => null);
    if (sizes) bytes += sizes.responseBodySize + sizes.responseHeadersSize;
  });

  const started = Date.now();
  await page.goto(gateway + '/');
  await page.getByTestId('api-key').fill(analystKey);
  await page.getByTestId('sign-in-form').locator('button[type=submit]').click();
  await page.getByTestId('run-row').first().waitFor();
  figures.msToFilledRunTable = Date.now() - started;
  await page.waitForLoadState('networkidle');
  figures.firstLoadBytes = bytes;
  await check(page, 'runs');
  await page.screenshot({ path: join(shots, 'dashboard-runs.png'), fullPage: true });

  await page.goto(`${gateway}/#/runs/${candidateRun}`);
  await page.getByTestId('run-metrics').waitFor();
  await page.getByTestId('mae-chart').waitFor();
  await page.getByTestId('samples-table').waitFor();
  // a request text holding a script shows as text, and runs nothing (a dialog would have been caught above)
  const scriptSample = page.getByTestId('samples-table').getByText('<script>', { exact: false });
  if (await scriptSample.count() === 0) failures.push('the sample whose text holds <script> is not shown as text');
  await check(page, 'run');
  await page.screenshot({ path: join(shots, 'dashboard-run.png'), fullPage: true });

  await page.goto(`${gateway}/#/compare?base=${baseRun}&candidate=${candidateRun}`);
  await page.getByTestId('compare-table').waitFor();
  await check(page, 'compare');

  await page.goto(`${gateway}/#/cycles/${cycle}`);
  await page.getByTestId('cycle-decision').waitFor();
  await check(page, 'cycle');
  await page.screenshot({ path: join(shots, 'dashboard-cycle.png'), fullPage: true });

  await page.goto(`${gateway}/#/trends`);
  await page.getByTestId('trend-chart').waitFor();

  // live traffic: the drift report, then one label set with the sliders and saved
  await page.goto(`${gateway}/#/traffic`);
  await page.getByTestId('drift-verdict').waitFor();
  await page.getByTestId('queue-text').waitFor();
  await check(page, 'live traffic');
  await page.getByTestId('slider-energy').fill('80');
  if (!(await page.getByTestId('diff-energy').textContent()).startsWith('80')) failures.push('live traffic: the energy slider did not say 80');
  await page.screenshot({ path: join(shots, 'dashboard-traffic.png'), fullPage: true });
  await page.getByTestId('label-save').click();
  await page.locator('#notice').getByText(/Label saved/).waitFor();

  await page.setViewportSize(PHONE);
  await page.goto(`${gateway}/#/runs`);
  await page.getByTestId('run-row').first().waitFor();
  await check(page, 'runs on a phone');
  await page.screenshot({ path: join(shots, 'dashboard-runs-phone.png'), fullPage: true });

  // try it, with a client key: read a request, see the six dimensions, score the recommended parts
  await page.evaluate(() => sessionStorage.clear());
  await page.setViewportSize(DESKTOP);
  await page.goto(gateway + '/');
  await page.getByTestId('api-key').fill(clientKey);
  await page.getByTestId('sign-in-form').locator('button[type=submit]').click();
  await page.goto(`${gateway}/#/try`);
  await page.getByTestId('try-text').fill('雨の夜に、古い喫茶店で流れていそうな、静かで懐かしい曲をお願いします');
  await page.getByTestId('try-form').locator('button[type=submit]').click();
  await page.getByTestId('dimension-chart').waitFor();
  await page.getByTestId('try-result').getByRole('button', { name: /score/i }).click();
  await page.getByTestId('score-result').locator('p.score').waitFor();
  await check(page, 'try it');
  await page.screenshot({ path: join(shots, 'dashboard-try.png'), fullPage: true });
  await page.setViewportSize(PHONE);
  await page.screenshot({ path: join(shots, 'dashboard-try-phone.png'), fullPage: true });
} catch (error) {
  failures.push(String(error && error.stack || error));
} finally {
  await context.close();
}
console.log(JSON.stringify({ figures, failures }));
process.exit(failures.length ? 1 : 0);

/** axe-core on the page as it is: any violation fails the run. */
async function check(page, view) {
  await page.evaluate(axeSource); // through the debugging protocol, which the page's CSP does not govern
  const result = await page.evaluate(async () => window.axe.run(document, { resultTypes: ['violations'] }));
  for (const violation of result.violations) {
    failures.push(`${view}: ${violation.id} (${violation.impact}) on ${violation.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }
}
