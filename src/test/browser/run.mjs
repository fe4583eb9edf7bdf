// Browser tests of the web client (run by poker.http.BrowserIT, or by hand):
//   BASE_URL=http://127.0.0.1:8080 CHROMIUM_PATH=/usr/bin/chromium SCREENSHOT_DIR=/tmp/shots node run.mjs
// One Chromium, one context per person. The tests run in order and share the table of the first.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import assert from 'node:assert/strict';

const BASE = process.env.BASE_URL;
const CHROMIUM = process.env.CHROMIUM_PATH;
const SHOTS = process.env.SCREENSHOT_DIR || 'screenshots';
if (!BASE || !CHROMIUM) {
  console.error('BASE_URL and CHROMIUM_PATH are required');
  process.exit(2);
}
mkdirSync(SHOTS, { recursive: true });
const run = Math.random().toString(36).slice(2, 7);
const started = Date.now();
const log = (...a) => console.log(`[${((Date.now() - started) / 1000).toFixed(1)}s]`, ...a);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const CARD = /^[2-9TJQKA][shdc]$/;

const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });

async function person(name, viewport = { width: 1100, height: 850 }) {
  const context = await browser.newContext({ viewport });
  context.setDefaultTimeout(20000);
  const page = await context.newPage();
  const frames = [];   // every WebSocket frame this person's page received, in order
  page.on('websocket', (ws) => ws.on('framereceived', (f) => frames.push(String(f.payload))));
  page.on('pageerror', (e) => log(`${name}: page error`, e.message));
  const responses = [];   // the bodies of the API's JSON answers to this page
  page.on('response', async (r) => {
    if (!r.url().includes('/api/') || !(r.headers()['content-type'] || '').includes('json')) return;
    try { responses.push(await r.text()); } catch { /* a redirect or an aborted request has no body */ }
  });
  const username = `${name}_${run}`;
  await page.goto(`${BASE}/`);
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill('secret-password');
  await page.getByRole('button', { name: 'Register' }).click();
  await page.getByRole('heading', { name: 'Lobby' }).waitFor();
  const token = await page.evaluate(() => JSON.parse(localStorage.getItem('poker.session')).token);
  return { name, username, context, page, frames, responses, token };
}

async function apiGet(path, token) {
  const res = await fetch(`${BASE}/api${path}`, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  assert.equal(res.status, 200, `GET ${path}: ${res.status}`);
  return res.json();
}

async function until(what, fn, timeoutMs = 20000, everyMs = 100) {
  const end = Date.now() + timeoutMs;
  let last;
  while (Date.now() < end) {
    try { last = await fn(); if (last) return last; } catch (e) { last = e; }
    await sleep(everyMs);
  }
  throw new Error(`timed out waiting for ${what}${last instanceof Error ? `: ${last.message}` : ''}`);
}

const handOf = (p) => p.page.locator('#hand-number').evaluate((el) => ({ hand: el.dataset.hand, street: el.dataset.street }));
const loggedTypes = (p) => p.page.locator('#log li').evaluateAll((lis) => lis.map((li) => li.dataset.type));
const seqs = (p) => p.page.locator('#log li').evaluateAll((lis) => lis.map((li) => Number(li.dataset.seq)).reverse());
const ownCards = (p) => p.page.locator('.seat.you .hole .card[data-card]').evaluateAll((els) => els.map((e) => e.dataset.card));

/** Presses C (check or call) whenever this player's action bar shows; returns true when it acted. */
async function checkOrCall(p) {
  const bar = p.page.locator('#actions');
  if (!(await bar.isVisible())) return false;
  const enabled = await bar.locator('button.check:enabled, button.call:enabled').count();
  if (!enabled) return false;
  await p.page.keyboard.press('c');
  await sleep(50);
  return true;
}

/** Both players press C until a log shows `HandEnded` for `hand`; calls `onStep` between tries. */
async function playDown(players, hand, onStep = async () => {}) {
  await until(`hand ${hand} to end`, async () => {
    for (const p of players) {
      const cards = await ownCards(p);
      if (cards.length === 2) p.cards = p.cards || {}, p.cards[hand] = cards;
      await checkOrCall(p);
    }
    await onStep();
    const ended = await players[0].page.locator(`#log li[data-type=HandEnded]`).allTextContents();
    return ended.some((t) => t.includes(`Hand #${hand} ends`));
  }, 60000, 50);
}

const results = [];
async function test(name, fn) {
  const t0 = Date.now();
  try {
    await fn();
    results.push([name, 'ok']);
    log(`ok   ${name} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  } catch (e) {
    results.push([name, 'FAILED']);
    log(`FAIL ${name}: ${e.stack || e}`);
    for (const p of [ann, bob, carol].filter(Boolean)) {
      try {
        await p.page.screenshot({ path: join(SHOTS, `failed-${results.length}-${p.name}.png`), fullPage: true });
        log(`${p.name}: url ${p.page.url()}, connection ${await p.page.locator('#conn').textContent({ timeout: 500 }).catch(() => '-')}, `
          + `hand ${JSON.stringify(await p.page.locator('#hand-number').getAttribute('data-hand', { timeout: 500 }).catch(() => null))}, last log lines:\n  `
          + (await p.page.locator('#log li').evaluateAll((lis) => lis.map((li) => li.textContent)).catch(() => [])).slice(0, 12).join('\n  '));
      } catch (err) { log(`(no state of ${p.name}: ${err.message})`); }
    }
  }
}

let ann; let bob; let carol; let tableId;

await test('two players play a hand to a showdown through the UI; a spectator never sees their hole cards early', async () => {
  [ann, bob, carol] = await Promise.all([person('ann'), person('bob'), person('carol')]);
  // ann creates a table from the lobby form
  await ann.page.getByLabel('Table name').fill(`Browser ${run}`);
  await ann.page.getByLabel('Seconds to act', { exact: true }).fill('30');
  await ann.page.getByRole('button', { name: 'Create table' }).click();
  await ann.page.waitForURL(/#\/table\//);
  tableId = ann.page.url().split('#/table/')[1];
  // the lobby refreshes by itself: carol sees the new table without reloading
  await carol.page.locator(`tr[data-table-id="${tableId}"]`).waitFor({ timeout: 10000 });
  await carol.page.screenshot({ path: join(SHOTS, 'lobby.png') });
  // ann buys in with the number box, bob with the slider
  await ann.page.getByLabel('Buy-in', { exact: true }).fill('500');
  await ann.page.getByRole('button', { name: 'Join table' }).click();
  await ann.page.locator('.seat.you').waitFor();
  await bob.page.goto(`${BASE}/#/table/${tableId}`);
  await bob.page.getByLabel('Buy-in slider').fill('400');
  assert.equal(await bob.page.getByLabel('Buy-in', { exact: true }).inputValue(), '400');
  await bob.page.getByRole('button', { name: 'Join table' }).click();
  await bob.page.locator('.seat.you').waitFor();
  // carol opens the table as a spectator
  await carol.page.getByRole('link', { name: `Open Browser ${run}` }).click();
  await carol.page.locator('#oval .seat[data-player]').nth(1).waitFor();
  assert.equal(await carol.page.locator('.seat.you').count(), 0, 'a spectator has no seat');
  await carol.page.getByRole('button', { name: 'Join table' }).waitFor();

  // hand 1: both check or call it down to a showdown
  await until('hand 1 to start', async () => (await handOf(ann)).hand === '1');
  let midHandShot = false;
  let showdownShot = false;
  const spectatorDom = [];
  await playDown([ann, bob], 1, async () => {
    if (!midHandShot && (await ann.page.locator('#board .card').count()) >= 3) {
      midHandShot = true;
      await ann.page.screenshot({ path: join(SHOTS, 'table-mid-hand.png') });
    }
    spectatorDom.push(await carol.page.content());
    if (!showdownShot && (await carol.page.locator('#log li[data-type=CardsShown]').count())) {
      showdownShot = true;
      await carol.page.screenshot({ path: join(SHOTS, 'table-showdown.png') });
    }
  });
  if (!showdownShot) {
    await carol.page.locator('#log li[data-type=CardsShown]').first().waitFor();
    await carol.page.screenshot({ path: join(SHOTS, 'table-showdown.png') });
  }
  const types = await loggedTypes(carol);
  assert.ok(types.includes('RiverDealt'), 'the hand went to the river');

  // what the spectator received before the first CardsShown frame holds no hole card of either player
  const hole = [...ann.cards[1], ...bob.cards[1]];
  assert.equal(hole.length, 4, 'both players saw their own two cards');
  const parsed = carol.frames.map((f) => JSON.parse(f));
  const firstShown = parsed.findIndex((f) => f.event && f.event.type === 'CardsShown');
  assert.ok(firstShown > 0, 'the spectator received the showdown');
  const seen = new Set();
  const walk = (v) => {
    if (typeof v === 'string') { if (CARD.test(v)) seen.add(v); } else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  parsed.slice(0, firstShown).forEach(walk);
  const leaked = hole.filter((c) => seen.has(c));
  assert.deepEqual(leaked, [], `hole cards in the spectator's frames before the showdown: ${leaked}`);
  // the cards shown at the showdown, and only those, reach the spectator at all
  const shown = new Set(parsed.filter((f) => f.event && f.event.type === 'CardsShown').flatMap((f) => f.event.cards));
  const everSeen = new Set();
  parsed.forEach((f) => { const w = (v) => { if (typeof v === 'string') { if (CARD.test(v)) everSeen.add(v); } else if (v && typeof v === 'object') Object.values(v).forEach(w); }; w(f); });
  for (const c of hole) if (!shown.has(c)) assert.ok(!everSeen.has(c), `an unshown hole card ${c} reached the spectator`);
  // nor any API answer the spectator's page got, nor its storage
  const answered = new Set();
  carol.responses.forEach((body) => { try { const w = (v) => { if (typeof v === 'string') { if (CARD.test(v)) answered.add(v); } else if (v && typeof v === 'object') Object.values(v).forEach(w); }; w(JSON.parse(body)); } catch { /* not JSON */ } });
  for (const c of hole) if (!shown.has(c)) assert.ok(!answered.has(c), `an unshown hole card ${c} in an API answer to the spectator`);
  const storage = await carol.page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
  for (const c of hole) assert.ok(!storage.includes(`"${c}"`), `hole card ${c} in the spectator's storage`);
  // nor the spectator's page, at any point of the hand before the showdown
  for (const html of spectatorDom.slice(0, -1)) {
    if (html.includes('data-type="CardsShown"')) break;
    for (const c of hole) assert.ok(!html.includes(`data-card="${c}"`), `hole card ${c} in the spectator's page before the showdown`);
  }

  // both sit out (after the hand in play, if the next one was dealt already), then the stacks shown
  // by every page equal the API's
  await Promise.all([ann, bob].map((p) => p.page.getByRole('button', { name: 'Sit out' }).click()));
  await until('both players sitting out, no hand in play', async () => {
    for (const p of [ann, bob]) {
      const bar = p.page.locator('#actions');
      if (await bar.isVisible()) await p.page.keyboard.press((await bar.locator('button.check').count()) ? 'c' : 'f');
    }
    const st = await carol.page.locator('#oval .seat[data-player]').evaluateAll((els) => els.map((e) => e.dataset.status));
    const { street } = await handOf(carol);
    return st.length === 2 && st.every((s) => s === 'sitting_out') && !['preflop', 'flop', 'turn', 'river'].includes(street);
  }, 60000, 200);
  const shownStacks = async (p) => Object.fromEntries(await p.page.locator('#oval .seat[data-player]')
    .evaluateAll((els) => els.map((e) => [e.dataset.player, Number(e.dataset.chips)])));
  const apiStacks = async () => Object.fromEntries((await apiGet(`/tables/${tableId}`)).participants
    .map((x) => [x.playerId, x.chips]));
  let last;
  await until('the stacks shown to equal the API\'s', async () => {
    const api = await apiStacks();
    last = { api, carol: await shownStacks(carol), ann: await shownStacks(ann), bob: await shownStacks(bob) };
    return [last.carol, last.ann, last.bob].every((s) => JSON.stringify(Object.entries(s).sort()) === JSON.stringify(Object.entries(api).sort()));
  }, 10000, 300).catch((e) => { throw new Error(`${e.message}: ${JSON.stringify(last)}`); });
  assert.equal(Object.values(last.api).reduce((a, b) => a + b, 0), 900, 'the chips at the table are the buy-ins');
  log('stacks', JSON.stringify(last.api));
});

await test('a dropped connection resumes from the last seq without missing an action', async () => {
  assert.ok(tableId, 'needs the first test\'s table');
  await Promise.all([ann, bob].map((p) => p.page.getByRole('button', { name: 'Sit in' }).click()));
  const before = Number((await handOf(ann)).hand || 0);
  const hand = await until('the next hand to start', async () => {
    const { hand: h, street } = await handOf(ann);
    return Number(h) > before && street === 'preflop' ? Number(h) : null;
  }, 30000);
  // ann drops while it is bob's turn; bob acts; ann comes back
  const canAct = (p) => p.page.locator('#actions button.check:enabled, #actions button.call:enabled').count();
  await until('bob on turn', async () => {
    if (await canAct(ann)) await ann.page.keyboard.press('c');
    return (await canAct(bob)) > 0;
  }, 30000);
  let dropped = false;
  let missedSeq = null;
  let statusWhileOffline = null;
  await ann.context.setOffline(true);
  try {
    dropped = true;
    statusWhileOffline = await until('ann\'s page to notice the drop', async () => {
      const text = await ann.page.locator('#conn').textContent();
      return text !== 'live' ? text : null;
    }, 5000);
    const bobSeqsBefore = await seqs(bob);
    await bob.page.keyboard.press('c');
    await until('bob\'s action in his own log', async () => (await seqs(bob)).length > bobSeqsBefore.length, 10000);
    missedSeq = Math.max(...await seqs(bob));
    assert.ok(!(await seqs(ann)).includes(missedSeq), 'ann, offline, did not get bob\'s action yet');
    await sleep(1000);
  } finally {
    await ann.context.setOffline(false);
  }
  await until('ann live again', async () => (await ann.page.locator('#conn').textContent()) === 'live', 15000);
  // ann's next action is a bet or raise sized with the slider, bounded by legalActions, sent with R
  let sized = null;
  await until('ann to bet or raise', async () => {
    if (await canAct(bob)) await bob.page.keyboard.press('c');
    if (!(await ann.page.locator('#actions button.raise:enabled').count())) return false;
    const slider = ann.page.getByLabel(/(Bet|Raise to) amount slider/);
    const [min, max] = [Number(await slider.getAttribute('min')), Number(await slider.getAttribute('max'))];
    sized = Math.min(max, min + 20);
    await slider.fill(String(max + 1000));   // a range input stops at its max
    assert.equal(Number(await ann.page.getByLabel(/^(Bet|Raise to) amount$/).inputValue()), max);
    await slider.fill(String(sized));
    await ann.page.locator('body').press('r');
    return true;
  }, 30000);
  await playDown([ann, bob], hand);
  assert.ok(dropped, 'the connection was dropped during the hand');
  assert.equal(statusWhileOffline, 'reconnecting…', 'the page noticed the drop');
  const a = await seqs(ann);
  const b = await seqs(bob);
  for (let i = 1; i < a.length; i++) assert.equal(a[i], a[i - 1] + 1, `ann's log skips from seq ${a[i - 1]} to ${a[i]}`);
  assert.ok(a.includes(missedSeq), `ann's log has bob's action made while she was offline (seq ${missedSeq})`);
  const from = Math.max(a[0], b[0]);
  const to = Math.min(a[a.length - 1], b[b.length - 1]);
  const annTexts = await ann.page.locator('#log li').evaluateAll((lis) => Object.fromEntries(lis.map((li) => [li.dataset.seq, li.dataset.type])));
  const bobTexts = await bob.page.locator('#log li').evaluateAll((lis) => Object.fromEntries(lis.map((li) => [li.dataset.seq, li.dataset.type])));
  for (let s = from; s <= to; s++) assert.equal(annTexts[s], bobTexts[s], `seq ${s}: same event on both pages`);
  // and the hand's history agrees with the log: one line per action of the API's history
  const hist = await until('the hand in the history', () => apiGet(`/tables/${tableId}/hands/${hand}`, ann.token), 10000, 300);
  assert.ok((hist.actions || []).some((e) => e.type === 'BetPlaced' && ['bet', 'raise', 'BET', 'RAISE'].includes(e.action) && e.totalBet === sized),
    `the history has ann's bet or raise to ${sized}: ${JSON.stringify(hist.actions.filter((e) => e.type === 'BetPlaced'))}`);
  const acts = (hist.actions || []).filter((e) => ['PlayerChecked', 'BetPlaced', 'PlayerFolded'].includes(e.type)).length;
  const logged = await ann.page.locator('#log li').evaluateAll((lis, n) => lis.filter((li) => ['PlayerChecked', 'BetPlaced', 'PlayerFolded'].includes(li.dataset.type)), hand);
  assert.ok(acts > 0 && logged.length >= acts, `actions in ann's log (${logged.length}) cover the history's (${acts})`);
  log(`reconnected: seqs ${a[0]}..${a[a.length - 1]} contiguous, bob's seq ${missedSeq} received after the drop`);
});

await test('the replay scrubber shows the board and pot of chosen steps', async () => {
  assert.ok(tableId, 'needs the first test\'s table');
  const hand = await apiGet(`/tables/${tableId}/hands/1`, ann.token);
  await ann.page.goto(`${BASE}/#/table/${tableId}/hands`);
  await ann.page.getByRole('link', { name: 'Hand 1', exact: true }).click();
  await ann.page.getByLabel('Replay step').waitFor();
  const actions = hand.actions;
  const potAfter = (k) => actions.slice(0, k).reduce((p, e) => p + (e.type === 'BlindPosted' || e.type === 'AntePosted' ? e.amount
    : e.type === 'BetPlaced' ? e.added : e.type === 'UncalledBetReturned' ? -e.amount : 0), 0);
  const blinds = actions.map((e, i) => [e, i]).filter(([e]) => e.type === 'BlindPosted').pop()[1] + 1;
  const flop = actions.findIndex((e) => e.type === 'FlopDealt') + 1;
  const points = [
    [blinds, [], potAfter(blinds)],
    [flop, hand.board.slice(0, 3), potAfter(flop)],
    [actions.length, hand.board, potAfter(actions.length)],
  ];
  assert.equal(points[0][2], hand.smallBlind + hand.bigBlind, 'after the blinds the pot is the two blinds');
  for (const [step, board, pot] of points) {
    await ann.page.getByLabel('Replay step').fill(String(step));
    assert.equal(await ann.page.locator('#replay-board').getAttribute('data-cards'), board.join(' '), `board at step ${step}`);
    assert.equal(Number(await ann.page.locator('#replay-pot').getAttribute('data-pot')), pot, `pot at step ${step}`);
    const shown = await ann.page.locator('#replay-board .card').evaluateAll((els) => els.map((e) => e.dataset.card));
    assert.deepEqual(shown, board);
  }
  await ann.page.getByLabel('Replay step').fill(String(flop));
  const text = await ann.page.getByLabel('PokerStars hand history').inputValue();
  assert.match(text, /PokerStars Hand #\d+/);
  await ann.page.screenshot({ path: join(SHOTS, 'replay.png'), fullPage: true });
});

await test('a moderator scrubs the table\'s journal', async () => {
  assert.ok(tableId, 'needs the first test\'s table');
  assert.ok(process.env.ADMIN_USERNAME, 'ADMIN_USERNAME and ADMIN_PASSWORD are required');
  const context = await browser.newContext({ viewport: { width: 1100, height: 850 } });
  context.setDefaultTimeout(20000);
  try {
    const page = await context.newPage();
    await page.goto(`${BASE}/`);
    await page.getByLabel('Username').fill(process.env.ADMIN_USERNAME);
    await page.getByLabel('Password').fill(process.env.ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('heading', { name: 'Lobby' }).waitFor();
    const token = await page.evaluate(() => JSON.parse(localStorage.getItem('poker.session')).token);
    await page.goto(`${BASE}/#/table/${tableId}`);
    await page.getByRole('link', { name: 'Replay (moderator)' }).click();
    const scrubber = page.getByLabel('Journal position');
    await scrubber.waitFor();
    // hand 1's flop and river, as the spectator's log numbered them
    const seqOf = async (type) => Number(await carol.page.locator(`#log li[data-type=${type}]`).last().getAttribute('data-seq'));
    const [flop, river] = [await seqOf('FlopDealt'), await seqOf('RiverDealt')];
    const hand1 = await apiGet(`/tables/${tableId}/hands/1`, ann.token);
    for (const [at, board] of [[flop - 1, []], [flop, hand1.board.slice(0, 3)], [river, hand1.board]]) {
      await scrubber.fill(String(at));
      await until(`the view after event ${at}`, async () => (await page.locator('#moderator-view').getAttribute('data-seq')) === String(at), 5000);
      assert.equal(await page.locator('#moderator-board').getAttribute('data-cards'), board.join(' '), `board after event ${at}`);
      const api = await apiGet(`/tables/${tableId}/replay?at=${at}`, token);
      assert.equal(Number(await page.locator('#moderator-pots').getAttribute('data-pot')),
        api.table.pots.reduce((a, x) => a + x.amount, 0), `pot after event ${at}`);
    }
    await page.screenshot({ path: join(SHOTS, 'moderator-replay.png'), fullPage: true });
  } finally {
    await context.close();
  }
});

await test('a phone-width window shows the table', async () => {
  const page = await carol.context.newPage();
  await page.setViewportSize({ width: 390, height: 800 });
  await page.goto(`${BASE}/#/table/${tableId}`);
  await page.locator('#oval .seat[data-player]').nth(1).waitFor();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `no sideways scrolling at 390 px (${overflow} px too wide)`);
  await page.screenshot({ path: join(SHOTS, 'table-phone.png') });
  await page.close();
});

await test('the players leave the cash table; one plays a sit-and-go with three bots to the end', async () => {
  assert.ok(tableId, 'needs the first test\'s table');
  // leave the cash table: the stack goes back to the wallet shown in the top bar
  for (const p of [ann, bob]) {
    await p.page.goto(`${BASE}/#/table/${tableId}`);
    await p.page.getByRole('button', { name: 'Leave table' }).click();
  }
  // leaving during a hand takes effect when it ends: play it out
  await until('both players gone from the table', async () => {
    for (const p of [ann, bob]) if (await p.page.locator('#actions button.check:enabled, #actions button.call:enabled').count()) await p.page.keyboard.press('c');
    return (await ann.page.getByRole('button', { name: 'Join table' }).count()) && (await bob.page.getByRole('button', { name: 'Join table' }).count());
  }, 60000, 100);
  for (const p of [ann, bob]) {
    await until(`${p.name}'s balance shown = the API's`, async () => {
      await p.page.goto(`${BASE}/#/wallet`);
      await p.page.reload();
      const shown = (await p.page.locator('#wallet-balance').textContent()).replace(/,/g, '');
      return Number(shown) === (await apiGet('/wallet', p.token)).balance;
    }, 15000, 500);
  }
  log('left the cash table, wallets match');
  // ann creates a sit-and-go for four; BrowserIT's three bots (all-in whenever they may) register
  // into any "Bots SNG" and play it beside her
  await ann.page.goto(`${BASE}/#/lobby`);
  const name = `Bots SNG ${run}`;
  await ann.page.getByLabel('Sit-and-go name').fill(name);
  await ann.page.getByLabel('Sit-and-go players').fill('4');
  await ann.page.getByLabel('Sit-and-go starting stack').fill('500');
  await ann.page.getByLabel('Sit-and-go seconds to act').fill('10');
  await ann.page.getByRole('button', { name: 'Create sit-and-go' }).click();
  await ann.page.waitForURL(/#\/tournament\//);
  const tid = ann.page.url().split('#/tournament/')[1];
  await ann.page.getByRole('button', { name: /^Register/ }).click();
  await ann.page.locator('#my-table').click({ timeout: 60000 });
  await ann.page.locator('.seat.you').waitFor();
  log('ann at the tournament table');
  let shot = false;
  let level = false;
  // ann calls or checks (all-in when that is all she can do) until she is out or the tournament is over
  await until('the sit-and-go to finish', async () => {
    const bar = ann.page.locator('#actions');
    if (await bar.isVisible()) {
      if (!shot) { shot = true; await ann.page.screenshot({ path: join(SHOTS, 'tournament-table.png') }); }
      if (await bar.locator('button.check:enabled, button.call:enabled').count()) await ann.page.keyboard.press('c');
      else if (await bar.locator('button.allin:enabled').count()) await ann.page.keyboard.press('a');
    }
    return (await apiGet(`/tournaments/${tid}`)).status === 'finished';
  }, 120000, 100);
  log('tournament finished');
  await ann.page.goto(`${BASE}/#/tournament/${tid}`);
  await until('places in the standings', async () => (await ann.page.locator('#my-place').count()) > 0, 15000);
  const me = await apiGet(`/tournaments/${tid}/me`, ann.token);
  const place = await ann.page.locator('#my-place').textContent();
  const ordinal = ['1st', '2nd', '3rd', '4th'][me.place - 1];
  assert.ok(place.startsWith(`You finished ${ordinal}`), `ann's place shown (${place}) is the API's (${me.place})`);
  const rows = await ann.page.locator('table[aria-label=Standings] tbody tr').evaluateAll((trs) => trs.map((tr) => tr.children[1].textContent));
  assert.equal(rows.length, 4, 'four entries in the standings');
  assert.equal(rows.filter((n) => n.startsWith('sngbot')).length, 3, `three bots in the standings: ${rows}`);
  await ann.page.screenshot({ path: join(SHOTS, 'tournament.png'), fullPage: true });
  log(`sit-and-go with three bots finished: ann ${place}`);
});

await browser.close();
const failed = results.filter(([, r]) => r !== 'ok');
log(`${results.length - failed.length} passed, ${failed.length} failed`);
process.exit(failed.length ? 1 : 0);
