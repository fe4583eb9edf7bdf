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
