import { chromium } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
const fixture = JSON.parse(readFileSync('/work/main/target/bench/contacts-10000.json', 'utf8'));
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless=new', '--no-sandbox'] });
const p = await b.newPage({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
const url = 'http://127.0.0.1:4312/';
await p.goto(url + 'sw.js');
await p.evaluate((pairs) => { for (const [k, v] of pairs) localStorage.setItem(k, v); }, fixture);
const mode = process.argv[2];
if (mode === 'start') await b.startTracing(p, { path: '/tmp/trace.json', categories: ['devtools.timeline', 'blink.user_timing', 'v8.execute'] });
await p.goto(url + '#/');
await p.getByTestId('home').waitFor();
if (mode === 'start') { await p.waitForTimeout(500); await b.stopTracing();
  console.log(await p.evaluate(() => JSON.stringify(performance.getEntriesByType('measure').map((m) => [m.name, m.duration]))));
  console.log(await p.evaluate(() => JSON.stringify(performance.getEntriesByType('navigation').map((m) => [m.domContentLoadedEventEnd, m.loadEventEnd]))));
}
if (mode === 'evidence') {
  await p.goto(url + '#/evidence');
  await p.getByTestId('evidence-fingerprint').waitFor({ timeout: 60000 });
  await b.startTracing(p, { path: '/tmp/trace.json', categories: ['devtools.timeline', 'blink.user_timing', 'v8.execute'] });
  await p.getByTestId('findings-only').click();
  await p.waitForFunction(() => document.querySelectorAll('[data-testid="evidence-row"]').length >= 10000, null, { timeout: 60000 });
  await p.waitForTimeout(300);
  await b.stopTracing();
}
if (mode === 'scroll') {
  await p.goto(url + '#/evidence');
  await p.getByTestId('evidence-fingerprint').waitFor({ timeout: 60000 });
  await p.getByTestId('findings-only').click();
  await p.waitForFunction(() => document.querySelectorAll('[data-testid="evidence-row"]').length >= 10000, null, { timeout: 60000 });
  await p.waitForTimeout(500);
  await b.startTracing(p, { path: '/tmp/trace.json', categories: ['devtools.timeline'] });
  await p.evaluate(() => document.querySelector('[data-testid="evidence-log"]').scrollIntoView());
  await p.waitForTimeout(1500);
  await b.stopTracing();
}
await b.close();
const t = JSON.parse(readFileSync('/tmp/trace.json', 'utf8'));
const ev = (t.traceEvents || t).filter((e) => e.ph === 'X' && e.dur);
const by = {};
for (const e of ev) { by[e.name] = (by[e.name] || 0) + e.dur / 1000; }
console.log(Object.entries(by).sort((a, b) => b[1] - a[1]).slice(0, 20).map(([k, v]) => `${v.toFixed(1).padStart(8)} ms  ${k}`).join('\n'));
const um = (t.traceEvents || t).filter((e) => e.cat && e.cat.includes('user_timing'));
console.log(um.map((e) => `${e.name} ${e.ph} ${e.ts}`).slice(0, 20).join('\n'));
