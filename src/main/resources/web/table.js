// The table screen: the live socket's view drawn around an oval, the action bar, the event log.
import { get, post, del, liveUrl, session } from './api.js';
import { h, flash, card, cardBack, chips } from './ui.js';
import { refreshBalance } from './app.js';
import { describe, DeckCheck } from './events.js';

const HELP = 'Keyboard: F fold · C check or call · R bet or raise (the amount in the box) · A all-in · ↑/↓ change the amount by a big blind';

export async function tableScreen(root, tableId) {
  const info = await get(`/tables/${encodeURIComponent(tableId)}`);
  const state = { table: null, lastSeq: null, ws: null, closed: false, retries: 0, retryTimer: null, actionKey: null,
    names: new Map(), deck: new DeckCheck(), verifiedHands: new Map() };

  const status = h('span', { class: 'conn', id: 'conn', role: 'status', 'aria-label': 'Connection' }, 'connecting…');
  const title = h('h1', {}, info.name || 'Table');
  const stakes = h('span', { class: 'muted', id: 'stakes' });
  const handLabel = h('span', { id: 'hand-number', 'aria-label': 'Hand number' });
  const commitment = h('div', { class: 'deck', id: 'deck', 'aria-label': 'Deck commitment' });
  const oval = h('div', { class: 'oval', id: 'oval', 'aria-label': 'Table' });
  const actionBar = h('div', { class: 'actions', id: 'actions', role: 'group', 'aria-label': 'Your actions', title: HELP, hidden: true });
  const controls = h('div', { class: 'controls', id: 'controls' });
  const log = h('ol', { class: 'log', id: 'log', 'aria-label': 'Hand log' });
  const links = h('div', { class: 'links' },
    h('a', { href: `#/table/${tableId}/hands`, 'aria-label': 'Hand history' }, 'Hand history'),
    ['moderator', 'admin'].includes((session() || {}).role) ? h('a', { href: `#/table/${tableId}/replay`, id: 'moderator-replay' }, 'Replay (moderator)') : null,
    h('a', { href: '#/lobby' }, 'Lobby'));

  root.replaceChildren(h('section', { class: 'table-screen', 'data-table-id': tableId },
    h('div', { class: 'table-head' }, title, stakes, handLabel, status, links),
    oval, actionBar, controls, commitment,
    h('details', { class: 'log-box', open: true }, h('summary', {}, 'Hand log'), log),
    h('p', { class: 'muted help', id: 'help' }, HELP)));

  // --- the live socket, reconnecting with fromSeq after a drop ---
  function connect() {
    if (state.closed) return;
    clearTimeout(state.retryTimer);
    status.textContent = state.lastSeq == null ? 'connecting…' : 'reconnecting…';
    status.className = 'conn pending';
    const ws = new WebSocket(liveUrl(tableId, state.lastSeq));
    state.ws = ws;
    // a socket that neither opens nor fails (a network that went away) is given up after a while
    const watchdog = setTimeout(() => { if (state.ws === ws && ws.readyState !== WebSocket.OPEN) drop(ws); }, 5000);
    ws.onopen = () => { clearTimeout(watchdog); state.retries = 0; status.textContent = 'live'; status.className = 'conn ok'; };
    ws.onmessage = (m) => { if (state.ws === ws) { try { onFrame(JSON.parse(m.data)); } catch (e) { console.error(e); } } };
    ws.onclose = () => { clearTimeout(watchdog); if (state.ws === ws) drop(ws); };
  }
  /** Forgets a socket and tries again with fromSeq = the last seq seen, after a growing pause. */
  function drop(ws) {
    state.ws = null;
    try { ws.close(); } catch { /* closed already */ }
    if (state.closed) return;
    status.textContent = 'reconnecting…';
    status.className = 'conn pending';
    // half of it random: the sockets a dead node dropped all at once come back spread out, not in lockstep
    const pause = Math.min(5000, 250 * 2 ** state.retries++);
    const delay = pause / 2 + Math.random() * pause / 2;
    clearTimeout(state.retryTimer);
    state.retryTimer = setTimeout(connect, delay);
  }
  const onOffline = () => { if (state.ws) drop(state.ws); };
  const onOnline = () => {
    if (state.ws && state.ws.readyState === WebSocket.OPEN) return;
    if (state.ws) { const old = state.ws; state.ws = null; try { old.close(); } catch { /* closed */ } }
    state.retries = 0;
    connect();
  };
  window.addEventListener('offline', onOffline);
  window.addEventListener('online', onOnline);

  function onFrame(frame) {
    if (frame.type === 'error') { flash(frame.message || frame.error); return; }
    if (frame.type === 'moved') { flash('You were moved to another table.', 'info'); location.hash = `#/table/${frame.toTable}`; return; }
    if (frame.type === 'snapshot') {
      if (frame.deck) state.deck.start(frame.deck);
      state.lastSeq = frame.seq;
      render(frame.table);
      return;
    }
    if (frame.type !== 'event') return;
    if (state.lastSeq != null && frame.seq <= state.lastSeq) return;   // seen already
    state.lastSeq = frame.seq;
    for (const s of frame.table.seats || []) state.names.set(s.seatNumber, s.displayName);
    const ev = frame.event || {};
    trackLastHand(ev, frame.table);
    if (ev.type === 'HandStarted' && ev.leaves) state.deck.start({ handNumber: ev.handNumber, commitment: ev.commitment, leaves: ev.leaves });
    if (ev.openings) state.deck.open(ev.openings).then(renderDeck);
    appendLog(frame.seq, ev, frame.table);
    if (ev.type === 'HandEnded' || ev.type === 'HandClosed') {
      refreshBalance();
      if (ev.type === 'HandEnded') verifyLater(ev.handNumber ?? (state.table && state.table.handNumber));
    }
    render(frame.table);
  }

  // the last hand's board, shown cards and winners stay on the felt until the next hand starts
  function trackLastHand(ev, t) {
    if (ev.type === 'HandStarted') state.lastHand = { handNumber: ev.handNumber, board: [], shown: new Map(), results: [] };
    const last = state.lastHand;
    if (!last) return;
    if (t.handNumber != null && (t.board || []).length) last.board = t.board;
    if (ev.type === 'CardsShown') last.shown.set(ev.seat, ev.cards);
    if (ev.type === 'HandWon') last.results.push(describe(ev, (seat) => nameOf(seat, t)));
  }

  function appendLog(seq, ev, table) {
    const text = describe(ev, (seat) => nameOf(seat, table));
    log.prepend(h('li', { 'data-seq': seq, 'data-type': ev.type }, h('span', { class: 'seq' }, `#${seq}`), ' ', text));
    while (log.children.length > 400) log.lastChild.remove();
  }

  function nameOf(seat, table) {
    const s = (table.seats || []).find((x) => x.seatNumber === seat);
    return (s && s.displayName) || state.names.get(seat) || `seat ${seat}`;
  }

  async function verifyLater(handNumber) {
    if (handNumber == null) return;
    for (let i = 0; i < 10 && !state.closed; i++) {
      try {
        const hand = await get(`/tables/${encodeURIComponent(tableId)}/hands/${handNumber}`);
        const dc = hand.deckCommitment || hand.deckReveal;
        if (dc) { state.verifiedHands.set(handNumber, dc.verified); renderDeck(); }
        return;
      } catch { await new Promise((r) => setTimeout(r, 500)); }
    }
  }

  function renderDeck() {
    const t = state.table;
    const parts = [];
    if (t && t.commitment) {
      const d = state.deck;
      parts.push(h('span', {}, `Hand #${t.handNumber} deck commitment `),
        h('code', { title: t.commitment, id: 'commitment' }, `${t.commitment.slice(0, 16)}…`),
        h('span', { id: 'deck-check' }, d.handNumber === t.handNumber
          ? ` · ${d.checked} card${d.checked === 1 ? '' : 's'} checked against it${d.failed ? ` · ${d.failed} MISMATCH` : ' ✓'}` : ''));
    }
    const last = [...state.verifiedHands.entries()].pop();
    if (last) {
      parts.push(h('span', { id: 'last-verified', class: last[1] ? 'ok' : 'bad' },
        `${parts.length ? ' · ' : ''}hand #${last[0]}: deck ${last[1] ? 'verified ✓' : 'NOT verified ✗'}`));
    }
    commitment.replaceChildren(...parts);
  }

  // --- drawing ---
  function render(t) {
    state.table = t;
    stakes.textContent = `${t.level ? `Level ${t.level} · ` : ''}Blinds ${chips(t.smallBlind)}/${chips(t.bigBlind)}${t.ante ? ` ante ${chips(t.ante)}` : ''}`;
    handLabel.textContent = t.handNumber != null ? `Hand #${t.handNumber} · ${t.street || ''}` : 'Between hands';
    handLabel.dataset.hand = t.handNumber ?? '';
    handLabel.dataset.street = t.street ?? '';
    drawOval(t);
    drawActions(t);
    drawControls(t);
    renderDeck();
  }

  function drawOval(t) {
    const seatsByNumber = new Map((t.seats || []).map((s) => [s.seatNumber, s]));
    const n = t.maxSeats;
    const mine = t.you ? t.you.seatNumber : 1;
    const inHand = t.handNumber != null;
    const last = !inHand ? state.lastHand : null;
    const nodes = [];
    for (let i = 1; i <= n; i++) {
      const s = seatsByNumber.get(i);
      // your seat at the bottom, the others clockwise
      const angle = Math.PI / 2 + ((i - mine + n) % n) * (2 * Math.PI / n);
      const x = 50 + 44 * Math.cos(angle);
      const y = 50 + 40 * Math.sin(angle);
      const style = `left:${x.toFixed(1)}%;top:${y.toFixed(1)}%`;
      if (!s) { nodes.push(h('div', { class: 'seat empty', style, 'data-seat': i, 'aria-label': `Seat ${i}: empty` }, h('span', { class: 'muted' }, `Seat ${i}`))); continue; }
      const you = t.you && t.you.seatNumber === i;
      const toAct = t.toAct && t.toAct.seatNumber === i;
      let cards = [];
      if (s.cards) cards = s.cards.map(card);
      else if (last && last.shown.has(i)) cards = last.shown.get(i).map(card);
      else if (inHand && (s.status === 'active' || s.status === 'all_in') && t.street !== 'showdown') cards = [cardBack(), cardBack()];
      nodes.push(h('div', {
        class: `seat ${you ? 'you' : ''} ${toAct ? 'to-act' : ''} ${s.status}`, style, 'data-seat': i,
        'data-player': s.playerId, 'data-chips': s.chips, 'data-status': s.status,
        'aria-label': `Seat ${i}: ${s.displayName}, ${s.chips} chips, ${s.status}${toAct ? ', to act' : ''}`,
      },
      h('div', { class: 'name' }, s.displayName, you ? ' (you)' : ''),
      h('div', { class: 'stack' }, h('span', { class: 'chips' }, chips(s.chips)), s.status !== 'active' ? h('span', { class: 'status' }, ` ${s.status.replace('_', ' ')}`) : null),
      h('div', { class: 'hole' }, cards),
      toAct ? h('div', { class: 'clock', 'data-deadline': t.toAct.deadline, role: 'timer', 'aria-label': 'Time to act' }) : null,
      t.button === i ? h('span', { class: 'dealer', title: 'Dealer button', 'aria-label': 'Dealer button' }, 'D') : null,
      s.bet ? h('div', { class: 'bet', 'aria-label': `Bet ${s.bet}`, 'data-bet': s.bet }, chips(s.bet)) : null));
    }
    // pots hold the chips of the streets before; this street's bets are still in front of the players
    const pots = (t.pots || []).filter((p) => p.amount > 0).map((p, i) => h('span', { class: 'pot', 'data-amount': p.amount },
      `${i === 0 ? 'Pot' : `Side pot ${i}`}: ${chips(p.amount)}`));
    const bets = (t.seats || []).reduce((a, x) => a + (x.bet || 0), 0);
    if (inHand && bets > 0) pots.push(h('span', { class: 'pot total', id: 'total-pot', 'data-amount': potTotal(t) }, `Total: ${chips(potTotal(t))}`));
    const board = inHand ? (t.board || []) : (last ? last.board : []);
    const center = h('div', { class: 'center' },
      h('div', { class: `board ${last ? 'last' : ''}`, id: 'board', 'aria-label': last ? `Board of hand ${last.handNumber}` : 'Board' }, board.map(card)),
      h('div', { class: 'pots', id: 'pots', 'aria-label': 'Pots' }, pots),
      last && last.results.length ? h('div', { class: 'result', id: 'last-result', role: 'status' },
        `Hand #${last.handNumber}: ${last.results.join(' · ')}`) : null,
      !inHand && (t.seats || []).length < 2 ? h('div', { class: 'result' }, 'Waiting for players…') : null);
    oval.replaceChildren(h('div', { class: 'felt' }), center, ...nodes);
    tick();
  }

  function tick() {
    for (const el of oval.querySelectorAll('.clock')) {
      const left = Math.max(0, (Date.parse(el.dataset.deadline) - Date.now()) / 1000);
      el.textContent = `${left.toFixed(0)} s`;
      el.classList.toggle('low', left < 5);
    }
  }
  const clockTimer = setInterval(tick, 250);

  let amountInput = null;
  let amountSlider = null;
  function drawActions(t) {
    const legal = t.legalActions || [];
    const key = legal.length ? `${t.handNumber}|${t.street}|${JSON.stringify(legal)}|${t.toAct && t.toAct.deadline}` : '';
    if (key === state.actionKey) return;
    state.actionKey = key;
    amountInput = null; amountSlider = null;
    if (!legal.length) { actionBar.replaceChildren(); actionBar.hidden = true; return; }
    actionBar.hidden = false;
    const by = Object.fromEntries(legal.map((a) => [a.action, a]));
    const buttons = [];
    const act = (action, amount) => sendAction(t.handNumber, action, amount);
    if (by.fold) buttons.push(h('button', { type: 'button', class: 'fold', 'aria-keyshortcuts': 'F', title: 'Fold (F)', onclick: () => act('fold') }, 'Fold'));
    if (by.check) buttons.push(h('button', { type: 'button', class: 'check', 'aria-keyshortcuts': 'C', title: 'Check (C)', onclick: () => act('check') }, 'Check'));
    if (by.call) buttons.push(h('button', { type: 'button', class: 'call', 'aria-keyshortcuts': 'C', title: 'Call (C)', onclick: () => act('call') }, `Call ${chips(by.call.min)}`));
    const sized = by.bet || by.raise;
    if (sized) {
      const verb = by.bet ? 'Bet' : 'Raise to';
      amountSlider = h('input', { type: 'range', min: sized.min, max: sized.max, step: 1, value: sized.min, 'aria-label': `${verb} amount slider` });
      amountInput = h('input', { type: 'number', min: sized.min, max: sized.max, step: 1, value: sized.min, 'aria-label': `${verb} amount`, class: 'amount' });
      const sizedButton = h('button', { type: 'button', class: 'raise', 'aria-keyshortcuts': 'R', title: `${verb} (R)` }, `${verb} ${chips(sized.min)}`);
      const sync = (v) => {
        const n = Math.max(sized.min, Math.min(sized.max, Math.round(Number(v) || sized.min)));
        amountSlider.value = n; sizedButton.textContent = `${verb} ${chips(n)}`;
        return n;
      };
      amountSlider.addEventListener('input', () => { amountInput.value = amountSlider.value; sync(amountSlider.value); });
      amountInput.addEventListener('input', () => sync(amountInput.value));
      amountInput.addEventListener('keydown', (e) => { if (e.key === 'Enter') { e.preventDefault(); sizedButton.click(); } });
      sizedButton.addEventListener('click', () => { const n = sync(amountInput.value); amountInput.value = n; act(by.bet ? 'bet' : 'raise', n); });
      // pot-sized: call first, then raise by the pot that makes (toCall + pot after the call)
      const mine = (t.seats || []).find((x) => t.you && x.seatNumber === t.you.seatNumber);
      const top = Math.max(0, ...(t.seats || []).map((x) => x.bet || 0));
      const toCall = top - (mine ? mine.bet : 0);
      const potAfterCall = potTotal(t) + toCall;
      const presets = [['Min', sized.min], ['½ pot', top + potAfterCall / 2], ['Pot', top + potAfterCall]]
        .map(([label, v]) => h('button', { type: 'button', class: 'preset', 'aria-label': `${label} ${verb.toLowerCase()}`, onclick: () => { amountInput.value = sync(v); } }, label));
      buttons.push(h('span', { class: 'sizing' }, amountSlider, amountInput, ...presets), sizedButton);
    }
    if (by.all_in) buttons.push(h('button', { type: 'button', class: 'allin', 'aria-keyshortcuts': 'A', title: 'All-in (A)', onclick: () => act('all_in') }, `All-in ${chips(by.all_in.max)}`));
    actionBar.replaceChildren(h('span', { class: 'your-turn' }, 'Your turn'), ...buttons);
  }

  function potTotal(t) {
    return (t.pots || []).reduce((a, p) => a + p.amount, 0) + (t.seats || []).reduce((a, x) => a + (x.bet || 0), 0);
  }

  async function sendAction(handNumber, action, amount) {
    const body = { handNumber, action };
    if (amount != null) body.amount = amount;
    actionBar.querySelectorAll('button').forEach((b) => { b.disabled = true; });
    try {
      await post(`/tables/${encodeURIComponent(tableId)}/actions`, body);
    } catch (err) {
      flash(err.message);
      actionBar.querySelectorAll('button').forEach((b) => { b.disabled = false; });
    }
  }

  function onKey(e) {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const tag = e.target && e.target.tagName;
    if (tag === 'INPUT' && e.target.type !== 'range') return;
    if (tag === 'TEXTAREA') return;
    const click = (sel) => { const b = actionBar.querySelector(sel); if (b && !b.disabled) { e.preventDefault(); b.click(); } };
    switch (e.key.toLowerCase()) {
      case 'f': click('button.fold'); break;
      case 'c': click(actionBar.querySelector('button.check') ? 'button.check' : 'button.call'); break;
      case 'r': click('button.raise'); break;
      case 'a': click('button.allin'); break;
      case 'arrowup': case 'arrowdown':
        if (amountInput && state.table) {
          e.preventDefault();
          const step = state.table.bigBlind * (e.key === 'ArrowUp' ? 1 : -1);
          amountInput.value = Number(amountInput.value) + step;
          amountInput.dispatchEvent(new Event('input'));
          amountInput.value = amountSlider.value;
        }
        break;
      default:
    }
  }
  document.addEventListener('keydown', onKey);

  function drawControls(t) {
    const me = t.you ? (t.seats || []).find((s) => s.seatNumber === t.you.seatNumber) : null;
    const key = me ? `seated|${me.status}` : `spectator|${(t.seats || []).length}`;
    if (controls.dataset.key === key) return;
    controls.dataset.key = key;
    if (t.tournamentId) {
      // tournament tables: no joining or leaving here; the director seats and moves players
      const back = h('a', { href: `#/tournament/${t.tournamentId}`, class: 'button secondary', id: 'tournament-link' }, 'Tournament');
      if (!me) { controls.replaceChildren(h('span', { class: 'muted' }, 'You are watching a tournament table. '), back); return; }
      controls.replaceChildren(me.status === 'sitting_out'
        ? h('button', { type: 'button', onclick: async () => { try { await post(`/tables/${encodeURIComponent(tableId)}/sit-in`); } catch (err) { flash(err.message); } } }, 'Sit in')
        : h('button', { type: 'button', onclick: async () => { try { await post(`/tables/${encodeURIComponent(tableId)}/sit-out`); } catch (err) { flash(err.message); } } }, 'Sit out'),
      back);
      return;
    }
    if (!me) {
      const min = info.minBuyIn ?? t.bigBlind * 20;
      const max = Math.max(min, info.maxBuyIn ?? t.bigBlind * 100);
      const value = Math.min(max, Math.max(min, Math.round((min + max) / 2)));
      const slider = h('input', { type: 'range', min, max, step: 1, value, 'aria-label': 'Buy-in slider' });
      const number = h('input', { type: 'number', min, max, step: 1, value, 'aria-label': 'Buy-in', class: 'amount' });
      slider.addEventListener('input', () => { number.value = slider.value; });
      number.addEventListener('input', () => { slider.value = number.value; });
      const full = (t.seats || []).length >= t.maxSeats;
      controls.replaceChildren(h('form', { class: 'join', 'aria-label': 'Join the table' },
        h('span', { class: 'muted' }, 'You are watching. '),
        h('label', { class: 'field inline' }, h('span', {}, `Buy-in (${chips(min)}–${chips(max)})`), slider), number,
        h('button', { type: 'submit', disabled: full }, full ? 'Table full' : 'Join table')));
      controls.firstChild.addEventListener('submit', async (e) => {
        e.preventDefault();
        try {
          await post(`/tables/${encodeURIComponent(tableId)}/participants?consistency=strong`, { buyIn: Number(number.value) });
          refreshBalance();
        } catch (err) { flash(err.message); }
      });
      return;
    }
    const sittingOut = me.status === 'sitting_out';
    const call = (path, method = post) => async () => {
      try { await method(`/tables/${encodeURIComponent(tableId)}/${path}`); refreshBalance(); } catch (err) { flash(err.message); }
    };
    controls.replaceChildren(
      sittingOut ? h('button', { type: 'button', onclick: call('sit-in') }, 'Sit in')
        : h('button', { type: 'button', onclick: call('sit-out') }, 'Sit out'),
      h('button', { type: 'button', class: 'secondary', onclick: call('participants/me', del) }, 'Leave table'));
  }

  connect();
  return () => {
    state.closed = true;
    clearInterval(clockTimer);
    clearTimeout(state.retryTimer);
    document.removeEventListener('keydown', onKey);
    window.removeEventListener('offline', onOffline);
    window.removeEventListener('online', onOnline);
    if (state.ws) state.ws.close();
  };
}
