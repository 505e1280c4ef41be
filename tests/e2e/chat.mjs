// Drives the real chat page (the official Web Chat bundle) in headless Debian Chromium and reports what happened.
//   node chat.mjs <baseUrl> <outDir> <scenario.json>
// The scenario is { "steps": [ { "user": "member", "say": "…", "expectReplies": 1, "screenshot": "x.png" } ] }; instead of
// "say" a step may "click" a button by its title (a card button of the latest message that has one, or a suggested
// action), "clickFirstOf" the first card button of the latest bot message containing a text (the step reports the button's
// title as "say"), "waitFor" a bot message containing a text (a proactive message), or "reload" the page (the conversation
// resumes). Card bubbles (buttons only) are not counted as replies. Each user gets its own browser with a fresh profile (its own
// localStorage, so its own Direct Line user).
// Prints one JSON object on stdout: { ok, steps: [{ user, say, replies, sendFailed }], screenshots, consoleErrors, error }.
import { chromium } from 'playwright-core';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const [baseUrl, outDir, scenarioPath] = process.argv.slice(2);
const scenario = JSON.parse(readFileSync(scenarioPath, 'utf8'));
const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const args = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const stepTimeout = 20000;

const input = '.webchat__send-box-text-box__input';
const result = { ok: false, steps: [], screenshots: [], consoleErrors: [], error: null };
const users = new Map();
const profiles = [];

async function userPage(name) {
  if (users.has(name)) {
    return users.get(name);
  }

  const profile = mkdtempSync(join(tmpdir(), `webchat-${name}-`));
  profiles.push(profile);
  const context = await chromium.launchPersistentContext(profile, {
    executablePath, headless: true, args, locale: 'zh-CN', viewport: { width: 960, height: 760 }
  });
  const page = context.pages()[0] ?? await context.newPage();
  page.on('console', message => {
    if (message.type() === 'error') {
      result.consoleErrors.push(`${name}: ${message.text()}`);
    }
  });
  page.on('pageerror', error => result.consoleErrors.push(`${name}: ${error.message}`));
  page.on('response', response => {
    if (response.status() >= 400) {
      result.consoleErrors.push(`${name}: ${response.status()} ${response.url()}`);
    }
  });
  await page.goto(baseUrl + '/', { waitUntil: 'load' });
  await waitOnline(page);
  const entry = { context, page };
  users.set(name, entry);
  return entry;
}

async function waitOnline(page) {
  await page.waitForSelector(input, { timeout: stepTimeout });
  // Type only once DirectLineJS is online (ConnectionStatus.Online = 2), as a person would after the page settles.
  await page.waitForFunction(
    () => window.partyAffairsDirectLine && window.partyAffairsDirectLine.connectionStatus$.getValue() === 2,
    null, { timeout: stepTimeout });
}

function botMessagesContaining(page, text) {
  return page.evaluate(t => [...document.querySelectorAll('.webchat__bubble:not(.webchat__bubble--from-user) .webchat__bubble__content')]
    .map(n => n.innerText.trim()).filter(s => s.includes(t)), text);
}

// The bot's messages shown after the user's latest message (all of them when the user has said nothing yet).
async function repliesAfterLastUserMessage(page) {
  return page.evaluate(() => {
    const bubbles = [...document.querySelectorAll('.webchat__bubble')];
    let last = -1;
    bubbles.forEach((bubble, index) => { if (bubble.classList.contains('webchat__bubble--from-user')) last = index; });
    return bubbles.slice(last + 1)
      .filter(bubble => !bubble.classList.contains('webchat__bubble--from-user') && !bubble.querySelector('.ac-adaptiveCard'))
      .map(bubble => (bubble.querySelector('.webchat__bubble__content') || bubble).innerText.trim());
  });
}

try {
  for (const step of scenario.steps) {
    const { page } = await userPage(step.user);
    const expected = step.expectReplies ?? 1;
    const started = Date.now();
    let replies;
    let said = step.say ?? step.click ?? null;
    if (step.waitFor) {
      await page.waitForFunction(
        t => [...document.querySelectorAll('.webchat__bubble:not(.webchat__bubble--from-user)')].some(b => b.innerText.includes(t)),
        step.waitFor, { timeout: stepTimeout });
      replies = await botMessagesContaining(page, step.waitFor);
    } else if (step.reload) {
      await page.reload({ waitUntil: 'load' });
      await waitOnline(page);
      // The resumed conversation replays its history.
      await page.waitForFunction(() => document.querySelectorAll('.webchat__bubble--from-user').length > 0, null, { timeout: stepTimeout });
      await page.waitForTimeout(500);
      replies = await page.$$eval('.webchat__bubble__content', nodes => nodes.map(n => n.innerText.trim()));
    } else {
      if (step.clickFirstOf) {
        // The card under the latest bot message containing the text: its first button.
        const button = page.locator('.webchat__stacked-layout', { hasText: step.clickFirstOf }).last().locator('button.ac-pushButton').first();
        said = (await button.innerText({ timeout: stepTimeout })).trim();
        await button.click({ timeout: stepTimeout });
      } else if (step.click) {
        await page.locator(`button.ac-pushButton:has-text("${step.click}"), .webchat__suggested-action:has-text("${step.click}")`).last()
          .click({ timeout: stepTimeout });
      } else {
        await page.fill(input, step.say);
        await page.press(input, 'Enter');
      }

      // Wait for the user's own bubble (the echo), then for the bot's replies below it.
      await page.waitForFunction(
        text => [...document.querySelectorAll('.webchat__bubble--from-user')].some(b => b.innerText.includes(text)),
        said, { timeout: stepTimeout });
      // The echo settles the user's bubble in timestamp order (a late greeting may briefly render below a bubble
      // still sending), so wait until nothing is sending and enough replies sit below the user's latest bubble.
      for (let attempt = 0; ; attempt++) {
        await page.waitForFunction(
          count => {
            if (document.querySelector('.webchat__activity-status--sending')) {
              return false;
            }

            const bubbles = [...document.querySelectorAll('.webchat__bubble')];
            let last = -1;
            bubbles.forEach((bubble, index) => { if (bubble.classList.contains('webchat__bubble--from-user')) last = index; });
            return bubbles.slice(last + 1).filter(b => !b.classList.contains('webchat__bubble--from-user') && !b.querySelector('.ac-adaptiveCard')).length >= count;
          },
          expected, { timeout: stepTimeout });
        // Let any further reply of the same turn arrive.
        await page.waitForTimeout(300);
        if ((await repliesAfterLastUserMessage(page)).length >= expected || attempt >= 20) {
          break;
        }
      }

      replies = await repliesAfterLastUserMessage(page);
    }

    const sendFailed = (await page.content()).includes('发送失败');
    // What the member's own latest bubble reads (a button click shows the button's title, not the value it sends).
    const userBubble = await page.evaluate(() => {
      const mine = [...document.querySelectorAll('.webchat__bubble--from-user')];
      return mine.length ? mine[mine.length - 1].innerText.trim() : null;
    });
    result.steps.push({ user: step.user, say: said ?? null, userBubble, replies, sendFailed, ms: Date.now() - started });
    if (step.screenshot) {
      const path = join(outDir, step.screenshot);
      await page.screenshot({ path });
      result.screenshots.push(path);
    }
  }

  result.ok = true;
} catch (error) {
  result.error = String(error && error.stack || error);
} finally {
  for (const { context } of users.values()) {
    await context.close().catch(() => {});
  }

  for (const profile of profiles) {
    rmSync(profile, { recursive: true, force: true });
  }
}

process.stdout.write(JSON.stringify(result));
