import { startHarness, newPage } from './harness.mjs';
const h = await startHarness();
const { page, errors, warnings, requests } = await newPage(h.browser, { viewport: { width: +process.argv[3] || 1280, height: 800 } });
await page.goto(h.server.url + (process.argv[2] || '/'));
await page.waitForTimeout(800);
if (process.argv[4]) { await eval(process.argv[4]); await page.waitForTimeout(600); }
await page.screenshot({ path: '/tmp/shot.png' });
console.log({ errors, warnings, requests });
await h.close();
