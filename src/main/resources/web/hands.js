// Hand history: the table's completed hands, one hand as a step-by-step replay, its PokerStars text.
import { get } from './api.js';
import { h, flash, card, chips } from './ui.js';
import { describe, replaySteps } from './events.js';

export async function handsScreen(root, tableId) {
  const hands = await get(`/tables/${encodeURIComponent(tableId)}/hands?limit=100`);
  const rows = hands.map((x) => h('tr', { 'data-hand': x.handNumber },
    h('td', {}, h('a', { href: `#/table/${tableId}/hands/${x.handNumber}`, 'aria-label': `Hand ${x.handNumber}` }, `#${x.handNumber}`)),
    h('td', {}, x.endedAt ? new Date(x.endedAt).toLocaleString() : ''),
    h('td', { class: 'num' }, chips(x.pot)),
    h('td', {}, (x.winners || []).map((w) => `${chips(w.amount)}`).join(', '))));
  root.replaceChildren(h('section', { class: 'card-panel' },
    h('h1', {}, 'Hand history'),
    h('p', {}, h('a', { href: `#/table/${tableId}` }, 'Back to the table')),
    rows.length ? h('table', { class: 'hands', 'aria-label': 'Hands' },
      h('thead', {}, h('tr', {}, h('th', {}, 'Hand'), h('th', {}, 'Ended'), h('th', {}, 'Pot'), h('th', {}, 'Won'))),
      h('tbody', {}, rows)) : h('p', { class: 'muted' }, 'No completed hands yet.')));
}

export async function handScreen(root, tableId, handNumber) {
  const base = `/tables/${encodeURIComponent(tableId)}/hands/${handNumber}`;
  const [hand, text] = await Promise.all([get(base), get(`${base}/history.txt`, { text: true }).catch(() => '')]);
  const seatNames = new Map((hand.seats || []).map((s) => [s.seatNumber, s.displayName || s.playerId.slice(0, 8)]));
  // the hand's JSON names players by id; its PokerStars text has the names: "Seat 1: ann (500 in chips)"
  for (const m of String(text).matchAll(/^Seat (\d+): (.+?) \(\d+ in chips\)/gm)) seatNames.set(Number(m[1]), m[2]);
  const name = (seat) => seatNames.get(seat) || `seat ${seat}`;
  const actions = hand.actions || [];
  const steps = replaySteps(actions);

  const scrubber = h('input', { type: 'range', min: 0, max: steps.length - 1, step: 1, value: steps.length - 1, id: 'scrubber', 'aria-label': 'Replay step' });
  const stepLabel = h('div', { id: 'step-label', 'aria-live': 'polite' });
  const board = h('div', { class: 'board', id: 'replay-board', 'aria-label': 'Board at this step' });
  const pot = h('div', { id: 'replay-pot', 'aria-label': 'Pot at this step' });
  const list = h('ol', { class: 'log replay-log', start: 1 }, actions.map((ev, i) => h('li', { 'data-step': i + 1 },
    h('button', { type: 'button', class: 'link', onclick: () => { scrubber.value = i + 1; show(); } }, describe(ev, name) || ev.type))));

  function show() {
    const k = Number(scrubber.value);
    const s = steps[k];
    stepLabel.textContent = `Step ${k} of ${steps.length - 1}: ${s.event ? (describe(s.event, name) || s.event.type) : 'start of the hand'}`;
    board.replaceChildren(...s.board.map(card));
    board.dataset.cards = s.board.join(' ');
    pot.textContent = `Pot ${chips(s.pot)}`;
    pot.dataset.pot = s.pot;
    list.querySelectorAll('li').forEach((li) => li.classList.toggle('current', Number(li.dataset.step) === k));
  }
  scrubber.addEventListener('input', show);

  const textArea = h('textarea', { readOnly: true, rows: 14, 'aria-label': 'PokerStars hand history', id: 'history-text' }, text);
  const copy = h('button', { type: 'button', onclick: async () => {
    try { await navigator.clipboard.writeText(text); flash('Copied.', 'info'); } catch { textArea.select(); document.execCommand('copy'); flash('Copied.', 'info'); }
  } }, 'Copy hand history');
  const dc = hand.deckCommitment || hand.deckReveal;
  root.replaceChildren(h('section', { class: 'card-panel hand' },
    h('h1', {}, `Hand #${hand.handNumber}`),
    h('p', {}, h('a', { href: `#/table/${tableId}/hands` }, 'All hands'), ' · ', h('a', { href: `#/table/${tableId}` }, 'Back to the table')),
    h('p', { class: 'muted' }, `Blinds ${chips(hand.smallBlind)}/${chips(hand.bigBlind)} · pot ${chips(hand.pot)}`,
      hand.yourCards ? h('span', {}, ' · your cards ', hand.yourCards.map(card)) : null,
      dc ? h('span', { id: 'hand-verified' }, ` · deck ${dc.verified ? 'verified ✓' : 'NOT verified ✗'}`) : null),
    h('div', { class: 'replay' },
      h('label', { class: 'field' }, h('span', {}, 'Replay'), scrubber), stepLabel,
      h('div', { class: 'replay-table' }, board, pot)),
    list,
    h('h2', {}, 'PokerStars text'), textArea, copy));
  show();
}

/** Moderators and admins: the table after any event of its journal, with a scrubber. */
export async function moderatorReplayScreen(root, tableId) {
  const base = `/tables/${encodeURIComponent(tableId)}/replay`;
  const latest = await get(`${base}?at=9007199254740991`);
  const scrubber = h('input', { type: 'range', min: 1, max: latest.seq, step: 1, value: latest.seq, id: 'moderator-scrubber', 'aria-label': 'Journal position' });
  const number = h('input', { type: 'number', min: 1, max: latest.seq, value: latest.seq, class: 'amount', 'aria-label': 'Event number' });
  const view = h('div', { id: 'moderator-view', 'aria-live': 'polite' });
  function draw(answer) {
    const t = answer.table;
    view.dataset.seq = answer.seq;
    view.replaceChildren(
      h('p', {}, `After event ${answer.seq}: `, t.handNumber != null ? `hand #${t.handNumber}, ${t.street}` : 'between hands',
        t.button != null ? ` · button seat ${t.button}` : ''),
      h('div', { class: 'replay-table' },
        h('div', { class: 'board', id: 'moderator-board', 'data-cards': (t.board || []).join(' ') }, (t.board || []).map(card)),
        h('div', { id: 'moderator-pots', 'data-pot': (t.pots || []).reduce((a, p) => a + p.amount, 0) },
          (t.pots || []).map((p, i) => `${i ? `Side pot ${i}` : 'Pot'} ${chips(p.amount)}`).join(' · ') || 'No pot')),
      h('table', { class: 'lobby', 'aria-label': 'Seats at this point' },
        h('thead', {}, h('tr', {}, h('th', {}, 'Seat'), h('th', {}, 'Player'), h('th', {}, 'Chips'), h('th', {}, 'Bet'), h('th', {}, 'Status'), h('th', {}, 'Cards'))),
        h('tbody', {}, (t.seats || []).map((s) => h('tr', { 'data-seat': s.seatNumber },
          h('td', {}, s.seatNumber), h('td', {}, s.displayName || s.playerId), h('td', { class: 'num' }, chips(s.chips)),
          h('td', { class: 'num' }, chips(s.bet)), h('td', {}, s.status), h('td', {}, s.cards ? s.cards.map(card) : ''))))));
  }
  let timer = null;
  let asked = 0;
  const load = (at) => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const mine = ++asked;
      try { const a = await get(`${base}?at=${at}`); if (mine === asked) draw(a); } catch (err) { flash(err.message); }
    }, 120);
  };
  scrubber.addEventListener('input', () => { number.value = scrubber.value; load(scrubber.value); });
  number.addEventListener('change', () => { scrubber.value = number.value; load(scrubber.value); });
  root.replaceChildren(h('section', { class: 'card-panel' }, h('h1', {}, 'Table replay (moderators)'),
    h('p', {}, h('a', { href: `#/table/${tableId}` }, 'Back to the table')),
    h('div', { class: 'replay' }, h('label', { class: 'field' }, h('span', {}, `Event 1–${latest.seq}`), scrubber), number), view));
  draw(latest);
  return () => clearTimeout(timer);
}
