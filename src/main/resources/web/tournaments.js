// Tournaments: the lobby's cards, a sit-and-go form, one tournament's screen (level clock, standings,
// payouts, registration, the caller's table). Polls the API every 2 s.
import { get, post, del } from './api.js';
import { h, flash, chips } from './ui.js';
import { refreshBalance } from './app.js';

function field(label, input) {
  return h('label', { class: 'field' }, h('span', {}, label), input);
}

/** The tournament lobby: a card per tournament, refreshed by the caller. */
export function tournamentCards() {
  const box = h('div', { class: 'tournaments', id: 'tournaments', 'aria-label': 'Tournaments' });
  const refresh = async () => {
    const list = await get('/tournaments?limit=50');
    box.replaceChildren(...(list.length ? list : []).map((t) => h('article', { class: `t-card ${t.status}`, 'data-tournament-id': t.tournamentId },
      h('h3', {}, t.name),
      h('div', {}, `${t.status} · ${t.entrants}/${t.maxPlayers} players`),
      h('div', { class: 'muted' }, `Buy-in ${chips(t.buyIn)} + ${chips(t.fee)} · prize pool ${chips(t.prizePool)}`),
      t.level ? h('div', { class: 'muted' }, `Level ${t.level.number}: ${chips(t.level.smallBlind)}/${chips(t.level.bigBlind)}`) : null,
      h('a', { href: `#/tournament/${t.tournamentId}`, class: 'button', 'aria-label': `Open tournament ${t.name}` }, 'Open'))));
    if (!list.length) box.replaceChildren(h('p', { class: 'muted' }, 'No tournaments yet: create a sit-and-go.'));
  };
  return { box, refresh };
}

/** A sit-and-go: starts when full. */
export function sitAndGoForm(go) {
  const i = {
    name: h('input', { name: 'sngName', value: 'Sit and go', required: true, maxlength: 64 }),
    buyIn: h('input', { type: 'number', value: 100, min: 1 }),
    fee: h('input', { type: 'number', value: 10, min: 0 }),
    startingStack: h('input', { type: 'number', value: 1500, min: 1 }),
    players: h('input', { type: 'number', value: 6, min: 2, max: 10 }),
    actionSeconds: h('input', { type: 'number', value: 20, min: 1 }),
  };
  const form = h('form', { class: 'card-panel create', 'aria-label': 'Create a sit-and-go' },
    h('h2', {}, 'Create a sit-and-go'),
    h('p', { class: 'muted' }, 'One table; it starts as soon as it is full.'),
    h('div', { class: 'grid' }, field('Sit-and-go name', i.name), field('Tournament buy-in', i.buyIn), field('Fee', i.fee),
      field('Sit-and-go starting stack', i.startingStack), field('Sit-and-go players', i.players), field('Sit-and-go seconds to act', i.actionSeconds)),
    h('button', { type: 'submit' }, 'Create sit-and-go'));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const n = Number(i.players.value);
    const body = { name: i.name.value, buyIn: Number(i.buyIn.value), fee: Number(i.fee.value), startingStack: Number(i.startingStack.value),
      seatsPerTable: Math.max(2, n), minPlayers: n, maxPlayers: n, startWhenFull: true, actionSeconds: Number(i.actionSeconds.value) };
    try {
      const { tournamentId } = await post('/tournaments?consistency=strong', body);
      go(`#/tournament/${tournamentId}`);
    } catch (err) { flash(err.field ? `${err.field}: ${err.message}` : err.message); }
  });
  return form;
}

export async function tournamentScreen(root, id) {
  const base = `/tournaments/${encodeURIComponent(id)}`;
  const head = h('div', { class: 'table-head' });
  const level = h('div', { class: 'level', id: 'level', 'aria-label': 'Level' });
  const mine = h('div', { class: 'mine', id: 'my-entry' });
  const payouts = h('ol', { class: 'payouts', id: 'payouts', 'aria-label': 'Payouts' });
  const standings = h('tbody');
  root.replaceChildren(h('section', { class: 'card-panel tournament', 'data-tournament-id': id },
    head, level, mine,
    h('div', { class: 'two-col' },
      h('div', {}, h('h2', {}, 'Standings'), h('table', { class: 'lobby', 'aria-label': 'Standings' },
        h('thead', {}, h('tr', {}, h('th', {}, '#'), h('th', {}, 'Player'), h('th', {}, 'Chips'), h('th', {}, 'Status'), h('th', {}, 'Prize'))), standings)),
      h('div', {}, h('h2', {}, 'Payouts'), payouts)),
    h('p', {}, h('a', { href: '#/lobby' }, 'Lobby'))));

  let endsAt = null;
  let lastKey = '';
  const refresh = async () => {
    const [t, st, me] = await Promise.all([get(base), get(`${base}/standings`), get(`${base}/me`).catch(() => null)]);
    head.replaceChildren(h('h1', {}, t.name), h('span', { class: `conn ${t.status === 'running' ? 'ok' : ''}`, id: 'tournament-status' }, t.status),
      h('span', { class: 'muted' }, `${t.entrants}${t.maxPlayers ? `/${t.maxPlayers}` : ''} entrants · ${t.remaining ?? t.entrants} left`
        + `${t.averageStack ? ` · average ${chips(t.averageStack)}` : ''} · prize pool ${chips(t.prizePool ?? t.entrants * t.buyIn)}`));
    endsAt = t.level && t.level.endsAt;
    const live = t.status === 'running';
    level.replaceChildren(...(t.level && live ? [h('strong', {}, `Level ${t.level.number}: blinds ${chips(t.level.smallBlind)}/${chips(t.level.bigBlind)}`
      + `${t.level.ante ? ` ante ${chips(t.level.ante)}` : ''}`), ' ', h('span', { class: 'clock', id: 'level-clock', role: 'timer', 'aria-label': 'Level ends in' })]
      : [h('span', { class: 'muted' }, t.status === 'registering' ? 'Registering: it starts when full.' : '')]),
      ...(t.handForHand && live ? [h('span', { class: 'muted' }, ' · hand for hand')] : []));
    tick();
    const key = JSON.stringify([t.status, me]);
    if (key !== lastKey) {
      lastKey = key;
      const buttons = [];
      if (!me && t.status === 'registering') {
        buttons.push(h('button', { type: 'button', onclick: () => act(() => post(`${base}/registrations?consistency=strong`, {})) },
          `Register (${chips(t.buyIn)} + ${chips(t.fee)})`));
      }
      if (me && t.status === 'registering') {
        buttons.push(h('span', {}, 'You are registered. '),
          h('button', { type: 'button', class: 'secondary', onclick: () => act(() => del(`${base}/registrations/me?consistency=strong`)) }, 'Unregister'));
      }
      if (me && me.tableId && me.status !== 'eliminated' && t.status === 'running') {
        buttons.push(h('a', { class: 'button', href: `#/table/${me.tableId}`, id: 'my-table' }, `Go to your table (seat ${me.seatNumber})`));
      }
      if (me && me.place) buttons.push(h('strong', { id: 'my-place' }, `You finished ${ordinal(me.place)}${me.prize ? `, won ${chips(me.prize)}` : ''}.`));
      mine.replaceChildren(...buttons);
    }
    payouts.replaceChildren(...(t.payouts || []).map((p) => h('li', {}, `${ordinal(p.place)}: ${chips(p.amount)}`)));
    standings.replaceChildren(...st.map((e, i) => h('tr', { 'data-player': e.playerId, 'data-status': e.status },
      h('td', {}, e.place ?? i + 1), h('td', {}, e.displayName || e.playerId.slice(0, 8)), h('td', { class: 'num' }, chips(e.chips)),
      h('td', {}, e.status), h('td', { class: 'num' }, e.prize ? chips(e.prize) : ''))));
  };
  async function act(call) {
    try { await call(); refreshBalance(); lastKey = ''; await refresh(); } catch (err) { flash(err.message); }
  }
  function tick() {
    const el = document.getElementById('level-clock');
    if (!el || !endsAt) return;
    const left = Math.max(0, Math.round((Date.parse(endsAt) - Date.now()) / 1000));
    el.textContent = `${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')} left`;
  }
  await refresh();
  const poll = setInterval(() => refresh().catch(() => {}), 2000);
  const clock = setInterval(tick, 500);
  return () => { clearInterval(poll); clearInterval(clock); };
}

function ordinal(n) {
  const s = ['th', 'st', 'nd', 'rd'];
  const v = n % 100;
  return n + (s[(v - 20) % 10] || s[v] || s[0]);
}
