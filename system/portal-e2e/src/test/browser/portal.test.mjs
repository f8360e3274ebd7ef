// The portal in a real browser against the real local stack: Debian's Chromium, headless, driven by
// playwright-core. The JUnit test PortalBrowserTest starts the stack and runs this with:
//   PORTAL_URL    the portal's base URL            ISSUER_URL  the OpenID Connect issuer's base URL
//   SCREENSHOTS   where the screenshots go          CHROMIUM    the browser binary (default /usr/bin/chromium)
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const PORTAL = required('PORTAL_URL');
const ISSUER = required('ISSUER_URL');
const SHOTS = required('SCREENSHOTS');
const BROWSER = process.env.CHROMIUM ?? '/usr/bin/chromium';
const COMPANY = `Rhein Bau ${Date.now()} GmbH`;

// axe-core's own script (not @axe-core/playwright, which needs node 22)
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const accessibilityViolations = [];

let browser;
let page;
let caseId;
const cspViolations = [];

function required(name) {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is not set`);
  }
  return value;
}

async function shot(name, target = page) {
  const path = join(SHOTS, `${name}.png`);
  await target.screenshot({ path, fullPage: true });
  console.log(`screenshot ${path}`);
  await checkAccessibility(target, name);
}

/**
 * Runs axe-core (WCAG 2.x A and AA rules) on what target shows and keeps its serious and critical
 * violations. Evaluated through the DevTools protocol, not as a <script>, so the strict CSP stays on.
 */
async function checkAccessibility(target, name) {
  await target.evaluate(AXE);
  const violations = await target.evaluate(async () => (await window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    resultTypes: ['violations'],
  })).violations.map((violation) => ({ id: violation.id, impact: violation.impact,
    nodes: violation.nodes.map((node) => node.target.join(' ')) })));
  for (const violation of violations.filter((candidate) => ['serious', 'critical'].includes(candidate.impact))) {
    accessibilityViolations.push({ step: name, ...violation });
  }
}

/** Retries check (reloading first) until it passes or timeoutMs is over: events travel through Kafka. */
async function eventually(target, check, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) {
        throw error;
      }
      await target.reload();
    }
  }
}

async function signIn(target, username) {
  await target.goto(PORTAL);
  await target.getByRole('link', { name: 'Sign in' }).click();
  await target.waitForURL(`${ISSUER}/login`);
  await target.fill('#username', username);
  await target.fill('#password', 'demo');
  await target.click('button[type=submit]');
  await target.waitForURL(`${PORTAL}/`);
  await target.getByText(`Signed in as ${username}`).waitFor();
}

async function sessionCookie() {
  const cookies = await page.context().cookies(PORTAL);
  return cookies.find((cookie) => cookie.name === 'INVESTFLOW_SESSION');
}

before(async () => {
  // a missing browser fails the suite: it is installed by .ci/run (apt-get install chromium), never downloaded
  assert.ok(existsSync(BROWSER), `no Chromium at ${BROWSER}: apt-get install -y chromium fonts-noto-cjk`);
  mkdirSync(SHOTS, { recursive: true });
  browser = await chromium.launch({
    executablePath: BROWSER,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  const context = await browser.newContext({ locale: 'en-GB', timezoneId: 'Asia/Shanghai', viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) {
      cspViolations.push(message.text());
    }
  });
});

after(async () => {
  await browser?.close();
});

test('an investor signs in through the issuer’s own login page and gets a new session id', async () => {
  await page.goto(PORTAL);
  await page.getByRole('link', { name: 'Sign in' }).click();
  await page.waitForURL(`${ISSUER}/login`);
  const beforeLogin = await sessionCookie();
  assert.ok(beforeLogin, 'the portal keeps the login in progress in its session');
  await shot('en-01-issuer-login');

  await page.fill('#username', 'investor-de-1');
  await page.fill('#password', 'demo');
  await page.click('button[type=submit]');
  await page.waitForURL(`${PORTAL}/`);
  await page.getByText('Signed in as investor-de-1').waitFor();

  const afterLogin = await sessionCookie();
  assert.notEqual(afterLogin.value, beforeLogin.value, 'session fixation: a new session id at login');
  assert.equal(afterLogin.httpOnly, true);
  assert.equal(afterLogin.sameSite, 'Lax');
  const visibleToScripts = await page.evaluate(() => [document.cookie, JSON.stringify(localStorage), JSON.stringify(sessionStorage)].join(' '));
  assert.doesNotMatch(visibleToScripts, /eyJ/, 'no token (JWT) where scripts can read it');
  assert.doesNotMatch(visibleToScripts, /INVESTFLOW_SESSION/);
});

test('a bad e-mail address shows that field’s error from the API', async () => {
  await page.getByRole('link', { name: 'New intention' }).click();
  // construction: officer-li's specialism alone, so the case is routed to officer-li
  await page.locator('#industryCode option[value=F41]').waitFor({ state: 'attached' });
  await page.fill('#companyName', COMPANY);
  await page.fill('#country', 'DE');
  await page.fill('#registrationNumber', 'HRB 98765');
  await page.fill('#contactName', 'Anna Schmidt');
  await page.fill('#contactEmail', 'anna.schmidt-at-example.de');
  await page.fill('#contactPhone', '+4930123456');
  await page.selectOption('#industryCode', 'F41');
  await page.selectOption('#investmentType', 'GREENFIELD');
  await page.fill('#plannedAmount', '118000000.00');
  await page.selectOption('#currency', 'EUR');
  await page.fill('#plannedJobs', '420');
  await page.selectOption('#district', 'Liangjiang New Area');
  await page.fill('#expectedStart', `${new Date().getFullYear() + 1}-03-01`);
  await page.fill('#description', 'Regional headquarters and assembly hall');
  await page.getByRole('button', { name: 'Submit intention' }).click();

  const error = page.locator('#contactEmail-error');
  await error.waitFor();
  assert.match(await error.textContent(), /e-?mail/i);
  assert.equal(await page.getAttribute('#contactEmail', 'aria-invalid'), 'true');
  assert.equal(await page.locator('.field-error').count(), 1, 'only the wrong field is marked');
  await shot('en-02-form-field-error');
});

test('the corrected intention, clicked twice, is submitted once and listed in my cases', async () => {
  await page.fill('#contactEmail', 'anna.schmidt@example.de');
  await page.getByRole('button', { name: 'Submit intention' }).dblclick();

  await page.getByRole('heading', { name: 'My cases' }).waitFor();
  const notice = await page.getByRole('status').textContent();
  caseId = /CQ-\d{4}-\d{6}/.exec(notice)?.[0];
  assert.ok(caseId, `a case id in "${notice}"`);
  const rows = page.locator('table.cases tbody tr', { hasText: COMPANY });
  await rows.first().waitFor();
  assert.equal(await rows.count(), 1, 'one case for two clicks');
  assert.match(await rows.first().textContent(), new RegExp(caseId));
  assert.match(await rows.first().textContent(), /€118,000,000\.00/);
  await shot('en-03-my-cases');

  await rows.first().getByRole('link', { name: caseId }).click();
  await page.getByRole('heading', { name: `Case ${caseId}` }).waitFor();
  await page.locator('.timeline li.reached', { hasText: 'Intention submitted' }).waitFor();
  await shot('en-04-case-timeline');
});

test('the assigned officer accepts it from the queue and the investor’s timeline moves on', async () => {
  const officerContext = await browser.newContext({ locale: 'en-GB', timezoneId: 'Asia/Shanghai', viewport: { width: 1280, height: 900 } });
  const officer = await officerContext.newPage();
  await signIn(officer, 'officer-li');
  await officer.getByRole('heading', { name: 'Case queue' }).waitFor();
  const row = officer.locator('table.cases tbody tr', { hasText: COMPANY });
  await row.waitFor();
  await row.getByRole('link', { name: caseId }).click();
  await officer.getByRole('button', { name: 'Accept intention' }).click();
  await officer.locator('.details', { hasText: 'Accepted' }).waitFor();
  await shot('en-05-officer-accepted', officer);
  await officerContext.close();

  await eventually(page, () => page.locator('.timeline li.reached', { hasText: 'Negotiating terms' }).waitFor({ timeout: 2_000 }));
  await shot('en-06-investor-timeline-negotiating');
});

test('the officer proposes terms in 中文, the investor counters, and accepts the officer’s answer beside its own', async () => {
  const officerContext = await browser.newContext({ locale: 'en-GB', timezoneId: 'Asia/Shanghai', viewport: { width: 1280, height: 900 } });
  const officer = await officerContext.newPage();
  await signIn(officer, 'officer-li');
  await officer.getByRole('button', { name: '中文' }).click();
  await officer.goto(`${PORTAL}/#/cases/${caseId}`);
  // negotiation opens the case from intake's event, through Kafka
  await eventually(officer, () => officer.getByRole('button', { name: '提出条款' }).waitFor({ timeout: 2_000 }));
  await officer.getByRole('button', { name: '提出条款' }).click();
  await officer.fill('#terms-investmentAmount', '118000000.00');
  await officer.fill('#terms-currency', 'EUR');
  await officer.fill('#terms-jobs', '420');
  await officer.fill('#terms-landingDeadline', `${new Date().getFullYear() + 3}-12-31`);
  await officer.getByRole('button', { name: '发送方案' }).click();
  await officer.locator('table.versions', { hasText: '第 1 版（商务委）' }).waitFor();
  await shot('zh-09-officer-proposed', officer);

  await eventually(page, () => page.getByRole('button', { name: 'Accept version 1' }).waitFor({ timeout: 2_000 }));
  await page.getByRole('button', { name: 'Counter-propose' }).click();
  assert.equal(await page.inputValue('#terms-jobs'), '420', 'the counter-proposal starts from the version on the table');
  await page.fill('#terms-jobs', '380');
  await page.getByRole('button', { name: 'Send proposal' }).click();
  await page.locator('table.versions', { hasText: 'Version 2 (investor)' }).waitFor();

  await officer.reload();
  await officer.locator('table.versions tr.changed', { hasText: '就业岗位' }).waitFor();
  await officer.getByRole('button', { name: '提出还价' }).click();
  await officer.fill('#terms-investmentAmount', '125000000.00');
  await officer.getByRole('button', { name: '发送方案' }).click();
  await officer.locator('table.versions', { hasText: '第 3 版（商务委）' }).waitFor();
  await shot('zh-10-officer-versions-side-by-side', officer);
  await officer.setViewportSize({ width: 390, height: 844 });
  await shot('zh-11-officer-versions-390x844', officer);
  await officerContext.close();

  await page.reload();
  const versions = page.locator('table.versions');
  await versions.filter({ hasText: 'Version 3 (commission)' }).waitFor();
  assert.match(await versions.textContent(), /Version 2 \(investor\)/, 'the investor’s own version beside the answer');
  assert.match(await page.locator('table.versions tr.changed').first().textContent(), /Investment amount/);
  assert.match(await page.locator('pre.diff').textContent(), /125/);
  await shot('en-09-investor-versions-side-by-side');
  await page.setViewportSize({ width: 390, height: 844 });
  await shot('en-10-investor-versions-390x844');
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.getByRole('button', { name: 'Accept version 3' }).click();
  await page.getByText('Status: terms agreed').waitFor();
  assert.equal(await page.getByRole('button', { name: /Accept version/ }).count(), 0, 'nothing left to accept');
  await shot('en-11-investor-agreed');
});

test('another investor who types the case’s address is told there is no such case', async () => {
  const otherContext = await browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 900 } });
  const other = await otherContext.newPage();
  await signIn(other, 'investor-us-1');
  await other.goto(`${PORTAL}/#/cases/${caseId}`);
  await other.getByRole('alert').filter({ hasText: `There is no case ${caseId} that you can see.` }).waitFor();
  assert.equal(await other.getByText(COMPANY).count(), 0, 'nothing of the case shows');
  await shot('en-08-other-investor-not-found', other);
  await otherContext.close();
});

test('the leader’s funnel shows exactly the numbers of the API, the new case among them', async () => {
  const leaderContext = await browser.newContext({ locale: 'en-GB', timezoneId: 'Asia/Shanghai', viewport: { width: 1280, height: 900 } });
  const leader = await leaderContext.newPage();
  await signIn(leader, 'leader-chen');
  await leader.getByRole('link', { name: 'Funnel' }).click();
  await leader.getByRole('heading', { name: 'Investment funnel' }).waitFor();
  await leader.locator('table.funnel tbody tr').first().waitFor();

  const api = await leader.evaluate(async () => (await fetch('/api/tracking/pipeline/funnel')).json());
  assert.ok(api.stages.find((stage) => stage.stage === 'NEGOTIATING').reached >= 1, 'the accepted case reached negotiation');
  for (const stage of api.stages) {
    const row = leader.locator(`table.funnel tr[data-stage="${stage.stage}"]`);
    assert.equal(await row.locator('.reached').textContent(), stage.reached.toLocaleString('en-GB'), `${stage.stage} reached`);
    assert.equal(await row.locator('.current').textContent(), stage.current.toLocaleString('en-GB'), `${stage.stage} now`);
  }
  await shot('en-07-leader-funnel', leader);
  await leaderContext.close();
});

test('中文 is one click away, formats money in 万/亿 and stays chosen', async () => {
  await page.getByRole('button', { name: '中文' }).click();
  await page.getByRole('heading', { name: /^项目 CQ-/ }).waitFor();
  await page.getByText('已提交意向').waitFor();
  assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
  await shot('zh-01-case-timeline');

  await page.getByRole('link', { name: '我的项目' }).first().click();
  await page.getByRole('heading', { name: '我的项目' }).waitFor();
  await page.reload();
  await page.getByRole('heading', { name: '我的项目' }).waitFor();
  const row = page.locator('table.cases tbody tr', { hasText: COMPANY });
  await row.waitFor();
  assert.match(await row.textContent(), /€1\.18亿/);
  await shot('zh-02-my-cases');

  await page.getByRole('link', { name: '新的投资意向' }).click();
  await page.getByRole('heading', { name: '提交投资意向' }).waitFor();
  await shot('zh-03-intention-form');
});

test('axe finds no serious or critical accessibility violation on any page shot', () => {
  assert.deepEqual(accessibilityViolations, []);
});

test('no content security policy violation on any page', () => {
  assert.deepEqual(cspViolations, []);
});
