// Drives the web console (/console) in headless Debian Chromium, signing in through a link the bot sends in the real
// Web Chat page, and reports what happened.
//   node console.mjs <baseUrl> <outDir> <scenario.json>
// The scenario names the branches, the invite codes of a secretary and a member of branch A, an expired sign-in link,
// and an .xlsx roster with one bad row. Prints one JSON object on stdout:
// { ok, error, link, checks: { name: value }, screenshots, download, consoleErrors }.
import { chromium } from 'playwright-core';
import { mkdtempSync, readFileSync, rmSync, statSync, readSync, openSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const [baseUrl, outDir, scenarioPath] = process.argv.slice(2);
const s = JSON.parse(readFileSync(scenarioPath, 'utf8'));
const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const args = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const timeout = 20000;
const input = '.webchat__send-box-text-box__input';
const result = { ok: false, error: null, link: null, checks: {}, screenshots: [], download: null, consoleErrors: [] };
const contexts = [];
const profiles = [];

async function browser(name, viewport = { width: 1280, height: 900 }) {
  const profile = mkdtempSync(join(tmpdir(), `console-${name}-`));
  profiles.push(profile);
  const context = await chromium.launchPersistentContext(profile, { executablePath, headless: true, args, locale: 'zh-CN', viewport, acceptDownloads: true });
  contexts.push(context);
  const page = context.pages()[0] ?? await context.newPage();
  page.setDefaultTimeout(timeout);
  page.on('pageerror', error => result.consoleErrors.push(`${name}: ${error.message}`));
  // Every stylesheet and script must load (the refusals under test are documents, not sub-resources).
  page.on('response', response => {
    if (response.status() >= 400 && response.request().resourceType() !== 'document') {
      result.consoleErrors.push(`${name}: ${response.status()} ${response.url()}`);
    }
  });
  return page;
}

async function shot(page, file, fullPage = true) {
  const path = join(outDir, file);
  await page.screenshot({ path, fullPage });
  result.screenshots.push(path);
}

// Web Chat: say something and return the bot's replies below it.
async function say(page, text, expected = 1) {
  await page.fill(input, text);
  await page.press(input, 'Enter');
  await page.waitForFunction(t => [...document.querySelectorAll('.webchat__bubble--from-user')].some(b => b.innerText.includes(t)), text);
  await page.waitForFunction(count => {
    if (document.querySelector('.webchat__activity-status--sending')) return false;
    const bubbles = [...document.querySelectorAll('.webchat__bubble')];
    let last = -1;
    bubbles.forEach((b, i) => { if (b.classList.contains('webchat__bubble--from-user')) last = i; });
    return bubbles.slice(last + 1).filter(b => !b.classList.contains('webchat__bubble--from-user')).length >= count;
  }, expected);
  await page.waitForTimeout(300);
  return page.evaluate(() => {
    const bubbles = [...document.querySelectorAll('.webchat__bubble')];
    let last = -1;
    bubbles.forEach((b, i) => { if (b.classList.contains('webchat__bubble--from-user')) last = i; });
    return bubbles.slice(last + 1).filter(b => !b.classList.contains('webchat__bubble--from-user'))
      .map(b => (b.querySelector('.webchat__bubble__content') || b).innerText.trim());
  });
}

async function chat(name) {
  const page = await browser(name, { width: 960, height: 760 });
  await page.goto(baseUrl + '/', { waitUntil: 'load' });
  await page.waitForSelector(input);
  await page.waitForFunction(() => window.partyAffairsDirectLine && window.partyAffairsDirectLine.connectionStatus$.getValue() === 2);
  return page;
}

const dues = (page) => page.$eval('#completion-chart .bar-row[data-duty="党费"]', row => Number(row.dataset.done));

try {
  const a = `${baseUrl}/console/branches/${s.branchA}`;

  // 1. The secretary binds in Web Chat and asks for the console; the member binds.
  const secretaryChat = await chat('secretary-chat');
  await say(secretaryChat, '绑定 ' + s.secretaryCode);
  const replies = await say(secretaryChat, '管理台');
  const link = (replies.join('\n').match(/https?:\/\/\S+\/console\/signin\?t=\S+/) || [])[0];
  if (!link) throw new Error('No sign-in link in the reply: ' + JSON.stringify(replies));
  result.link = link;
  result.checks.linkReply = replies.join('\n');
  await shot(secretaryChat, 'console-0-chat-link.png', false);
  const memberChat = await chat('member-chat');
  await say(memberChat, '绑定 ' + s.memberCode);

  // 2. The link opens the branch overview.
  const desk = await browser('secretary-console');
  const signIn = await desk.goto(link, { waitUntil: 'load' });
  result.checks.signInUrl = desk.url();
  result.checks.signInStatus = signIn.status();
  result.checks.duesDoneBefore = await dues(desk);

  // 3. The member confirms in Web Chat; the overview shows it.
  result.checks.memberConfirm = (await say(memberChat, '已交党费')).join('\n');
  await desk.reload({ waitUntil: 'load' });
  result.checks.duesDoneAfter = await dues(desk);
  await shot(desk, 'console-1-overview.png');

  // 4. The same link again, and an expired one: refused with a page saying why.
  const other = await browser('reuse');
  const reused = await other.goto(link, { waitUntil: 'load' });
  result.checks.reusedStatus = reused.status();
  result.checks.reusedText = await other.innerText('main');
  await shot(other, 'console-2-link-used.png', false);
  const expired = await other.goto(s.expiredLink, { waitUntil: 'load' });
  result.checks.expiredStatus = expired.status();
  result.checks.expiredText = await other.innerText('main');

  // 5. Roster upload: an .xlsx with one bad row is listed by line, nothing imported.
  await desk.goto(`${a}/members`, { waitUntil: 'load' });
  result.checks.rosterRowsBefore = await desk.locator('#roster tbody tr').count();
  await desk.setInputFiles('#roster-file', s.badXlsx);
  await Promise.all([desk.waitForNavigation({ waitUntil: 'load' }), desk.click('form[enctype] button[type=submit]')]);
  result.checks.uploadError = await desk.innerText('#upload-error');
  result.checks.rosterRowsAfter = await desk.locator('#roster tbody tr').count();
  await shot(desk, 'console-3-members-upload-error.png');
  await desk.goto(`${a}/invites`, { waitUntil: 'load' });
  await shot(desk, 'console-4-invites.png');

  // 6. A record created in the 台账.
  await desk.goto(`${a}/records/new`, { waitUntil: 'load' });
  await desk.selectOption('#kind', '党员大会');
  await desk.fill('#date', s.recordDate);
  await desk.fill('#topic', '学习贯彻全会精神');
  await desk.fill('#attendees', '王书记、张三');
  await desk.fill('#hours', '2');
  await Promise.all([desk.waitForNavigation({ waitUntil: 'load' }), desk.click('#record-form button[type=submit]')]);
  result.checks.recordSaved = await desk.innerText('main');
  await shot(desk, 'console-5-record.png');
  await desk.goto(`${a}/records?year=${s.recordDate.slice(0, 4)}`, { waitUntil: 'load' });
  result.checks.recordRows = await desk.locator('#records tbody tr').count();
  await shot(desk, 'console-6-records.png');

  // 7. The year's workbook downloads.
  const [download] = await Promise.all([desk.waitForEvent('download'), desk.click('#download-workbook')]);
  const saved = join(outDir, 'console-ledger.xlsx');
  await download.saveAs(saved);
  const head = Buffer.alloc(2);
  const fd = openSync(saved, 'r');
  readSync(fd, head, 0, 2, 0);
  closeSync(fd);
  result.download = { name: download.suggestedFilename(), size: statSync(saved).size, magic: head.toString('latin1') };

  // 8. Reminders and notices, for the record.
  await desk.goto(`${a}/reminders`, { waitUntil: 'load' });
  await desk.selectOption('#item', '主题党日');
  await desk.fill('#value', '每月第六个周五 15:00 三楼会议室');
  await Promise.all([desk.waitForNavigation({ waitUntil: 'load' }), desk.click('#settings-form button')]);
  result.checks.settingsError = await desk.innerText('#settings-reply');
  await desk.fill('#value', '每月第一个周五 15:00 三楼会议室');
  await Promise.all([desk.waitForNavigation({ waitUntil: 'load' }), desk.click('#settings-form button')]);
  result.checks.settingsSaved = await desk.innerText('#settings-reply');
  await shot(desk, 'console-7-reminders.png');
  await desk.goto(`${a}/notices`, { waitUntil: 'load' });
  await desk.fill('#text', '本周五下午3点召开支部党员大会，请准时参加。');
  await Promise.all([desk.waitForNavigation({ waitUntil: 'load' }), desk.click('#notice-form button[type=submit]')]);
  await Promise.all([desk.waitForNavigation({ waitUntil: 'load' }), desk.click('#notice-preview button[type=submit]')]);
  await memberChat.waitForFunction(() => [...document.querySelectorAll('.webchat__bubble')].some(b => b.innerText.includes('召开支部党员大会')));
  await desk.reload({ waitUntil: 'load' });
  result.checks.noticeReport = await desk.innerText('details.notice summary');
  await shot(desk, 'console-8-notices.png');

  // 9. Branch B is refused to A's secretary.
  for (const path of ['', '/members', '/records', '/reminders', '/notices']) {
    const response = await desk.goto(`${baseUrl}/console/branches/${s.branchB}${path}`, { waitUntil: 'load' });
    result.checks['branchB' + (path || '/')] = response.status();
  }
  result.checks.branchBText = await desk.innerText('main');
  await shot(desk, 'console-9-other-branch-refused.png', false);

  // 10. A phone (390 px): the overview fits the width.
  const phone = desk;
  await phone.setViewportSize({ width: 390, height: 844 });
  await phone.goto(a, { waitUntil: 'load' });
  result.checks.phoneScrollWidth = await phone.evaluate(() => document.documentElement.scrollWidth);
  await shot(phone, 'console-10-phone-overview.png');
  await phone.goto(`${a}/members`, { waitUntil: 'load' });
  await shot(phone, 'console-11-phone-members.png');

  result.ok = true;
} catch (error) {
  result.error = String(error && error.stack || error);
} finally {
  for (const context of contexts) {
    await context.close().catch(() => {});
  }

  for (const profile of profiles) {
    rmSync(profile, { recursive: true, force: true });
  }
}

process.stdout.write(JSON.stringify(result));
